import type { TProduct, TProductInput, TProductStatus, TSkuInput } from '@koi/contracts';
import { parseOptionalYuan, parseWholeNumber, parseYuan, fenToYuanText, type TYuanError } from '@/utils/money';
import {
  codePrefixOf,
  completeSpecs,
  duplicateCodes,
  emptyRow,
  suggestCodePrefix,
  type TSkuRow,
  type TSpecDraft,
} from './sku-matrix.ts';

type T = (key: string, values?: Record<string, unknown>) => string;

/** At most three dimensions here (颜色 × 尺码 × 容量 is already 100+ SKUs for a tea-ware shop). */
export const MAX_SPECS = 3;
export const MAX_IMAGES = 15;

export interface TProductForm {
  title: string;
  subtitle: string;
  categoryId: string;
  tags: string[];
  images: string[];
  specs: TSpecDraft[];
  rows: TSkuRow[];
  codePrefix: string;
  description: string;
  purchaseLimit: string;
  /** null: the merchant's default 运费模板. */
  shippingTemplateId: string | null;
  status: TProductStatus;
  scheduledOnSaleAt: Date | null;
  scheduledOffSaleAt: Date | null;
}

export function emptyProductForm(now: Date): TProductForm {
  const codePrefix = suggestCodePrefix(now);
  return {
    title: '',
    subtitle: '',
    categoryId: '',
    tags: [],
    images: [],
    specs: [],
    rows: [emptyRow([], `${codePrefix}-1`)],
    codePrefix,
    description: '',
    purchaseLimit: '',
    shippingTemplateId: null,
    status: 'draft',
    scheduledOnSaleAt: null,
    scheduledOffSaleAt: null,
  };
}

const dateOrNull = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

export function productToForm(p: TProduct): TProductForm {
  return {
    title: p.title,
    subtitle: p.subtitle,
    categoryId: p.categoryId,
    tags: [...p.tags],
    images: [...p.images],
    specs: p.specs.map((d) => ({ name: d.name, values: [...d.values] })),
    rows: p.skus.map((s) => ({
      specValues: [...s.specValues],
      code: s.code,
      price: fenToYuanText(s.priceFen),
      listPrice: fenToYuanText(s.listPriceFen),
      costPrice: fenToYuanText(s.costPriceFen),
      weight: s.weightGrams === null ? '' : String(s.weightGrams),
      barcode: s.barcode ?? '',
      stock: String(s.stock),
      imageUrl: s.imageUrl,
    })),
    codePrefix: codePrefixOf(p.skus[0]?.code ?? 'SKU'),
    description: p.description,
    purchaseLimit: p.purchaseLimit === null ? '' : String(p.purchaseLimit),
    shippingTemplateId: p.shippingTemplateId,
    status: p.status,
    scheduledOnSaleAt: dateOrNull(p.scheduledOnSaleAt),
    scheduledOffSaleAt: dateOrNull(p.scheduledOffSaleAt),
  };
}

/** A SKU row's field → the field the server names in `skus.<i>.<field>` errors. */
export const SKU_ERROR_FIELD = {
  code: 'code',
  price: 'priceFen',
  listPrice: 'listPriceFen',
  costPrice: 'costPriceFen',
  weight: 'weightGrams',
  barcode: 'barcode',
  stock: 'stock',
  specValues: 'specValues',
  imageUrl: 'imageUrl',
} as const satisfies Record<keyof TSkuRow, string>;

const CODE = /^[A-Za-z0-9._-]+$/;

export type TFormResult = { ok: true; input: TProductInput } | { ok: false; errors: Record<string, string> };

function yuanMessage(t: T, error: TYuanError | 'empty'): string {
  return t(`money.${error}`);
}

/**
 * The request the form stands for, or every mistake found, keyed by the same paths the server uses
 * (`title`, `specs.0.values`, `skus.2.priceFen`), so client and server errors land in the same places.
 */
export function toProductInput(form: TProductForm, t: T): TFormResult {
  const errors: Record<string, string> = {};
  const title = form.title.trim();
  if (!title) errors.title = t('product.titleRequired');
  else if (title.length > 60) errors.title = t('product.titleTooLong');
  if (form.subtitle.trim().length > 120) errors.subtitle = t('product.subtitleTooLong');
  if (!form.categoryId) errors.categoryId = t('product.categoryRequired');
  form.tags.forEach((tag, i) => {
    if (tag.trim().length > 20) errors[`tags.${i}`] ??= t('product.tagTooLong');
  });
  if (form.tags.length > 20) errors.tags = t('product.tooManyTags');

  const names = new Set<string>();
  form.specs.forEach((d, i) => {
    const name = d.name.trim();
    if (!name) errors[`specs.${i}.name`] = t('product.specNameRequired');
    else if (names.has(name)) errors[`specs.${i}.name`] = t('product.specNameDuplicate');
    else if (name.length > 20) errors[`specs.${i}.name`] = t('product.specNameTooLong');
    names.add(name);
    if (d.values.filter((v) => v.trim()).length === 0) errors[`specs.${i}.values`] = t('product.specValuesRequired');
    if (d.values.some((v) => v.trim().length > 30)) errors[`specs.${i}.values`] = t('product.specValueTooLong');
  });

  const dup = duplicateCodes(form.rows);
  const skus: TSkuInput[] = [];
  form.rows.forEach((row, i) => {
    const at = (field: keyof typeof SKU_ERROR_FIELD) => `skus.${i}.${SKU_ERROR_FIELD[field]}`;
    const code = row.code.trim();
    if (!code) errors[at('code')] = t('product.codeRequired');
    else if (!CODE.test(code) || code.length > 64) errors[at('code')] = t('product.codeInvalid');
    else if (dup.has(code)) errors[at('code')] = t('product.codeDuplicate');
    const price = parseYuan(row.price);
    if (!price.ok) errors[at('price')] = yuanMessage(t, price.error);
    const listPrice = parseOptionalYuan(row.listPrice);
    if (!listPrice.ok) errors[at('listPrice')] = yuanMessage(t, listPrice.error);
    const costPrice = parseOptionalYuan(row.costPrice);
    if (!costPrice.ok) errors[at('costPrice')] = yuanMessage(t, costPrice.error);
    const weight = row.weight.trim() === '' ? null : parseWholeNumber(row.weight, 0, 1_000_000);
    if (weight && !weight.ok) errors[at('weight')] = t('product.weightInvalid');
    const stock = parseWholeNumber(row.stock, 0, 10_000_000);
    if (!stock.ok) errors[at('stock')] = t('product.stockInvalid');
    if (row.barcode.trim().length > 32) errors[at('barcode')] = t('product.barcodeTooLong');
    if (price.ok && listPrice.ok && costPrice.ok && (!weight || weight.ok) && stock.ok) {
      skus.push({
        code,
        specValues: row.specValues,
        priceFen: price.fen,
        listPriceFen: listPrice.fen,
        costPriceFen: costPrice.fen,
        weightGrams: weight ? weight.value : null,
        barcode: row.barcode.trim() || null,
        imageUrl: row.imageUrl,
        stock: stock.value,
      });
    }
  });
  if (form.rows.length === 0) errors.skus = t('product.skusRequired');
  if (form.rows.length > 600) errors.skus = t('product.tooManySkus');

  let purchaseLimit: number | null = null;
  if (form.purchaseLimit.trim() !== '') {
    const limit = parseWholeNumber(form.purchaseLimit, 1, 9999);
    if (limit.ok) purchaseLimit = limit.value;
    else errors.purchaseLimit = t('product.purchaseLimitInvalid');
  }
  const on = form.scheduledOnSaleAt;
  const off = form.scheduledOffSaleAt;
  if (on && off && off.getTime() <= on.getTime()) errors.scheduledOffSaleAt = t('product.offBeforeOn');

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title,
      subtitle: form.subtitle.trim(),
      categoryId: form.categoryId,
      tags: [...new Set(form.tags.map((tag) => tag.trim()).filter(Boolean))],
      description: form.description,
      images: form.images,
      specs: completeSpecs(form.specs),
      skus,
      purchaseLimit,
      shippingTemplateId: form.shippingTemplateId,
      status: form.status,
      scheduledOnSaleAt: on ? on.toISOString() : null,
      scheduledOffSaleAt: off ? off.toISOString() : null,
    },
  };
}
