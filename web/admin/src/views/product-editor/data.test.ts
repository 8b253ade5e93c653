import type { TProduct } from '@koi/contracts';
import { ZProductInput } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error';
import { errorUnder, rowErrors } from '@/utils/error-paths';
import { emptyProductForm, productToForm, SKU_ERROR_FIELD, toProductInput, type TProductForm } from './data.ts';
import { buildSkuRows } from './sku-matrix.ts';

const t = (key: string) => key;

function filled(): TProductForm {
  const form = emptyProductForm(new Date('2026-03-01T00:00:00Z'));
  form.title = '  汝窑天青盖碗 ';
  form.categoryId = 'cat_gaiwan';
  form.tags = ['汝窑', ' 盖碗 ', '汝窑'];
  form.specs = [
    { name: '颜色', values: ['天青', '月白'] },
    { name: '容量', values: ['120ml', '150ml'] },
  ];
  form.codePrefix = 'RY';
  form.rows = buildSkuRows(form.specs, [], form.rows, 'RY').map((r, i) => ({
    ...r,
    price: ['128', '12.30', '0.1', '1,280.5'][i]!,
    listPrice: i === 0 ? '168.00' : '',
    stock: String(10 * i),
  }));
  return form;
}

describe('toProductInput', () => {
  it('turns yuan text into exact fen and makes a request the contract accepts', () => {
    const out = toProductInput(filled(), t);
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.input.title).toBe('汝窑天青盖碗');
    expect(out.input.tags).toEqual(['汝窑', '盖碗']);
    expect(out.input.skus.map((s) => s.priceFen)).toEqual([12800, 1230, 10, 128050]);
    // The single row of the new product became the first combination, code and all.
    expect(out.input.skus.map((s) => s.code)).toEqual(['PTB71C0-1', 'RY-1', 'RY-2', 'RY-3']);
    expect(out.input.skus[0]).toMatchObject({ specValues: ['天青', '120ml'], listPriceFen: 16800, costPriceFen: null, stock: 0 });
    expect(ZProductInput.safeParse(out.input).success).toBe(true);
  });

  it('reports every bad cell at the path the server would use', () => {
    const form = filled();
    form.title = '';
    form.rows[1] = { ...form.rows[1]!, price: '12.345', code: form.rows[0]!.code };
    form.rows[2] = { ...form.rows[2]!, stock: '-1', weight: '1.5', listPrice: 'abc' };
    form.specs.push({ name: '颜色', values: [] });
    const out = toProductInput(form, t);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors).toEqual({
      title: 'product.titleRequired',
      'specs.2.name': 'product.specNameDuplicate',
      'specs.2.values': 'product.specValuesRequired',
      'skus.0.code': 'product.codeDuplicate',
      'skus.1.code': 'product.codeDuplicate',
      'skus.1.priceFen': 'money.decimals',
      'skus.2.listPriceFen': 'money.format',
      'skus.2.weightGrams': 'product.weightInvalid',
      'skus.2.stock': 'product.stockInvalid',
    });
  });

  it('refuses an off-sale time before the on-sale time and a bad purchase limit', () => {
    const form = filled();
    form.scheduledOnSaleAt = new Date('2026-03-02T00:00:00Z');
    form.scheduledOffSaleAt = new Date('2026-03-01T00:00:00Z');
    form.purchaseLimit = '0';
    const out = toProductInput(form, t);
    expect(out.ok ? {} : out.errors).toEqual({ scheduledOffSaleAt: 'product.offBeforeOn', purchaseLimit: 'product.purchaseLimitInvalid' });
  });
});

describe('productToForm', () => {
  it('round-trips a product through the form unchanged', () => {
    const product: TProduct = {
      id: 'p1',
      title: '紫砂石瓢壶',
      subtitle: '宜兴原矿',
      categoryId: 'cat_pot',
      categoryName: '紫砂壶',
      tags: ['紫砂'],
      description: '<p>手工</p>',
      images: ['/media/a.jpg'],
      specs: [{ name: '容量', values: ['200ml'] }],
      skus: [{ id: 's1', code: 'ZS-7', specValues: ['200ml'], priceFen: 38800, listPriceFen: null, costPriceFen: 12000, weightGrams: 450, barcode: '6901', imageUrl: null, stock: 3 }],
      purchaseLimit: 2,
      shippingTemplateId: '0190a0a0-0000-7000-8000-0000000000aa',
      status: 'on_sale',
      scheduledOnSaleAt: null,
      scheduledOffSaleAt: '2026-06-01T00:00:00.000Z',
      priceMinFen: 38800,
      priceMaxFen: 38800,
      stockTotal: 3,
      sales: 10,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const form = productToForm(product);
    expect(form.codePrefix).toBe('ZS');
    expect(form.rows[0]).toMatchObject({ price: '388.00', costPrice: '120.00', listPrice: '', weight: '450', stock: '3' });
    const out = toProductInput(form, t);
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const { id: _id, ...sku } = product.skus[0]!;
    expect(out.input.skus).toEqual([sku]);
    expect(out.input).toMatchObject({ purchaseLimit: 2, shippingTemplateId: '0190a0a0-0000-7000-8000-0000000000aa', scheduledOffSaleAt: '2026-06-01T00:00:00.000Z', status: 'on_sale' });
  });
});

describe('server errors on SKU rows', () => {
  it('puts each server error on its row and cell, and others under their field', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: '请求参数有误',
      status: 400,
      code: 'http.validation',
      errors: [
        { path: 'body.skus.2.priceFen', message: '必须是整数' },
        { path: 'body.skus.0.code', message: '货号已被其他商品使用' },
        { path: 'body.skus.2.specValues.1', message: '太长' },
        { path: 'body.tags.3', message: '标签太长' },
        { path: 'body.skus', message: '至少一个 SKU' },
      ],
    });
    const rows = rowErrors(error.pathErrors, 'skus');
    expect(rows.get(2)).toEqual({ priceFen: '必须是整数', specValues: '太长' });
    expect(rows.get(0)).toEqual({ code: '货号已被其他商品使用' });
    expect(rows.has(1)).toBe(false);
    expect(rows.get(2)![SKU_ERROR_FIELD.price]).toBe('必须是整数');
    expect(errorUnder(error.pathErrors, 'tags')).toBe('标签太长');
    expect(errorUnder(error.pathErrors, 'skus')).toBe('至少一个 SKU');
    expect(errorUnder(error.pathErrors, 'title')).toBeUndefined();
  });
});
