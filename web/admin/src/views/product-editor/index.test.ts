import type { TProduct, TStaffMe } from '@koi/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import ProductEditor from './index.vue';

/** The page against a fake fetch: load a product, save it, and show the server's field errors where they belong. */

const product: TProduct = {
  id: 'p1',
  title: '汝窑天青釉盖碗',
  subtitle: '',
  categoryId: 'c1',
  categoryName: '盖碗',
  tags: [],
  description: '',
  images: [],
  specs: [{ name: '釉色', values: ['天青', '月白'] }],
  skus: [
    { id: 's1', code: 'RY-1', specValues: ['天青'], priceFen: 12800, listPriceFen: null, costPriceFen: null, weightGrams: null, barcode: null, imageUrl: null, stock: 5 },
    { id: 's2', code: 'RY-2', specValues: ['月白'], priceFen: 13800, listPriceFen: null, costPriceFen: null, weightGrams: null, barcode: null, imageUrl: null, stock: 0 },
  ],
  purchaseLimit: null,
  shippingTemplateId: null,
  status: 'draft',
  scheduledOnSaleAt: null,
  scheduledOffSaleAt: null,
  priceMinFen: 12800,
  priceMaxFen: 13800,
  stockTotal: 5,
  sales: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const staff: TStaffMe = {
  id: 's',
  email: 'owner@koi.demo',
  name: '店主',
  role: 'owner',
  storeId: null,
  storeName: null,
  disabled: false,
  createdAt: '2026-01-01T00:00:00Z',
  permissions: ['product:view', 'product:manage'],
};

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

interface Call {
  method: string;
  url: string;
  body: unknown;
}

function fakeApi(onSave: (body: unknown) => Response) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    if (url.endsWith('/catalog/categories')) return json(200, { items: [{ id: 'c1', parentId: null, name: '盖碗', icon: null, sort: 0, productCount: 1, children: [] }] });
    if (url.endsWith('/catalog/products/p1') && method === 'GET') return json(200, product);
    if (url.endsWith('/catalog/products/p1') && method === 'PUT') return onSave(calls.at(-1)!.body);
    return json(404, { type: 'about:blank', title: 'not found', status: 404, code: 'http.404' }, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

async function mountEditor() {
  i18n.global.locale.value = 'zh-CN';
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().staff = staff;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/products/:id', name: 'product-edit', component: ProductEditor },
      { path: '/products', name: 'products', component: defineComponent({ render: () => null }) },
    ],
  });
  await router.push('/products/p1');
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const saveButton = (wrapper: Awaited<ReturnType<typeof mountEditor>>) => wrapper.findAll('.product-editor__bar button').find((b) => b.text() === '保存')!;

describe('product editor page', { timeout: 30_000 }, () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = vi.fn();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('loads the product into the SKU matrix and sends exact fen on save', async () => {
    const calls = fakeApi((body) => json(200, { ...product, ...(body as object), skus: product.skus }));
    const wrapper = await mountEditor();
    const priceInputs = wrapper.findAll('.skus__table .el-table__body-wrapper .el-table__row').map((row) => row.findAll('input')[1]!);
    expect(priceInputs.map((i) => (i.element as HTMLInputElement).value)).toEqual(['128.00', '138.00']);
    await priceInputs[1]!.setValue('99.9');
    await saveButton(wrapper).trigger('click');
    await flushPromises();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect((put.body as { skus: { priceFen: number }[] }).skus.map((s) => s.priceFen)).toEqual([12800, 9990]);
    wrapper.unmount();
  });

  it('puts a server field error on the SKU cell it names, and a top-level one under its field', async () => {
    fakeApi(() =>
      json(
        400,
        {
          type: 'about:blank',
          title: '请求参数有误',
          status: 400,
          code: 'http.validation_failed',
          errors: [
            { path: 'body.skus.1.stock', message: '库存超出仓库容量' },
            { path: 'body.title', message: '标题含有违禁词' },
          ],
        },
        'application/problem+json',
      ),
    );
    const wrapper = await mountEditor();
    await saveButton(wrapper).trigger('click');
    await flushPromises();
    const rows = wrapper.findAll('.skus__table .el-table__body-wrapper .el-table__row');
    const bad = rows[1]!.findAll('.skus__cell.is-error');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.text()).toContain('库存超出仓库容量');
    expect(rows[0]!.findAll('.skus__cell.is-error')).toHaveLength(0);
    // Element Plus renders a form item's message a tick after its `error` prop changes.
    await vi.waitFor(() => expect(wrapper.find('.el-form-item.is-error .el-form-item__error').text()).toBe('标题含有违禁词'));
    wrapper.unmount();
  });

  it('marks the cell whose code another product already uses, from the problem\'s path', async () => {
    fakeApi(() => json(409, {
      type: 'urn:koi:problem:catalog.sku_code_taken', title: 'SKU 编码 RY-2 已被其他商品使用', status: 409, code: 'catalog.sku_code_taken',
      errors: [{ path: 'body.skus.1.code', message: 'SKU 编码 RY-2 已被其他商品使用', code: 'catalog.sku_code_taken' }],
    }, 'application/problem+json'));
    const wrapper = await mountEditor();
    await saveButton(wrapper).trigger('click');
    await flushPromises();
    const rows = wrapper.findAll('.skus__table .el-table__body-wrapper .el-table__row');
    expect(rows[0]!.findAll('.skus__cell.is-error')).toHaveLength(0);
    expect(rows[1]!.find('.skus__cell.is-error').text()).toContain('已被其他商品使用');
    wrapper.unmount();
  });

  it('refuses a price with three decimals before asking the server', async () => {
    const calls = fakeApi(() => json(500, {}));
    const wrapper = await mountEditor();
    const row = wrapper.findAll('.skus__table .el-table__body-wrapper .el-table__row')[0]!;
    await row.findAll('input')[1]!.setValue('12.345');
    await saveButton(wrapper).trigger('click');
    await flushPromises();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    expect(wrapper.findAll('.skus__table .el-table__body-wrapper .el-table__row')[0]!.find('.skus__cell.is-error').text()).toContain('最多两位小数');
    wrapper.unmount();
  });
});
