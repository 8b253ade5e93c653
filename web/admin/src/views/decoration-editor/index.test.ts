import type { TDecoratedPage, TShopPage, TStaffMe } from '@koi/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import DecorationEditor from './index.vue';

/** The decoration editor against a fake fetch: preview from the server, add blocks, save only complete drafts. */

const page: TDecoratedPage = {
  id: 'pg1',
  slug: 'home',
  title: '首页',
  draft: [
    { kind: 'notice', id: 'b_n', text: '满 199 包邮', link: null },
    { kind: 'product_grid', id: 'b_g', title: '新品', columns: 2, limit: 4, source: { type: 'collection', collectionId: 'col1' } },
  ],
  publishedVersion: 1,
  dirty: false,
  versions: [{ version: 1, publishedAt: '2026-01-01T00:00:00Z', publishedBy: null }],
  updatedAt: '2026-01-01T00:00:00Z',
};

const preview: TShopPage = {
  slug: 'home',
  title: '首页',
  version: null,
  blocks: [
    { kind: 'notice', id: 'b_n', text: '满 199 包邮', link: null },
    {
      kind: 'product_grid_resolved',
      id: 'b_g',
      title: '新品',
      columns: 2,
      products: [{ id: 'p1', title: '汝窑天青釉盖碗', subtitle: '', image: null, priceFen: 12800, listPriceFen: 16000, sales: 3, inStock: true, tags: [] }],
    },
  ],
};

const staff: TStaffMe = {
  id: 's',
  email: 'operator@koi.demo',
  name: '运营',
  role: 'operator',
  storeId: null,
  storeName: null,
  disabled: false,
  createdAt: '2026-01-01T00:00:00Z',
  permissions: ['marketing:view', 'marketing:manage', 'product:view'],
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function fakeApi() {
  const saved: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      if (url.endsWith('/decoration/pages/pg1') && method === 'GET') return json(200, page);
      if (url.endsWith('/decoration/pages/pg1/preview')) return json(200, preview);
      if (url.endsWith('/decoration/pages/pg1/draft') && method === 'PUT') {
        const body = JSON.parse(String(init?.body)) as { title: string; blocks: TDecoratedPage['draft'] };
        saved.push(body);
        return json(200, { ...page, title: body.title, draft: body.blocks, dirty: true });
      }
      if (url.endsWith('/decoration/pages')) return json(200, { items: [] });
      if (url.endsWith('/catalog/collections')) return json(200, { items: [{ id: 'col1', name: '新品上架', mode: 'manual', productIds: ['p1'], rule: null, productCount: 1, updatedAt: '2026-01-01T00:00:00Z' }] });
      if (url.endsWith('/catalog/categories')) return json(200, { items: [] });
      return json(404, { type: 'about:blank', title: 'x', status: 404, code: 'http.404' });
    }),
  );
  return saved;
}

async function mountEditor() {
  i18n.global.locale.value = 'zh-CN';
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().staff = staff;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/decoration/:id', name: 'decoration-editor', component: DecorationEditor }] });
  await router.push('/decoration/pg1');
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

describe('decoration editor page', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('draws the draft in the phone with the products the server resolved', async () => {
    fakeApi();
    const wrapper = await mountEditor();
    const blocks = wrapper.findAll('.phone__block');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.text()).toContain('满 199 包邮');
    expect(blocks[1]!.text()).toContain('汝窑天青釉盖碗');
    expect(blocks[1]!.text()).toContain('¥128.00');
    wrapper.unmount();
  });

  it('adds a block from the palette, refuses to save it incomplete, and saves the draft once it is', async () => {
    const saved = fakeApi();
    const wrapper = await mountEditor();
    const banner = wrapper.findAll('.palette__item').find((b) => b.text().includes('轮播图'))!;
    await banner.trigger('click');
    expect(wrapper.findAll('.phone__block')).toHaveLength(3);
    // The new banner has no image yet: saving selects it and sends nothing.
    const saveDraft = () => wrapper.findAll('.deco__bar button').find((b) => b.text() === '保存草稿')!;
    await saveDraft().trigger('click');
    await flushPromises();
    expect(saved).toHaveLength(0);
    expect(wrapper.find('.settings__problems').text()).toContain('每张轮播图都需要上传图片');
    // Remove it again (the selected block's delete), and the page saves.
    await wrapper.find('.phone__ops .el-button--danger').trigger('click');
    await wrapper.findAll('.palette__item').find((b) => b.text().includes('公告'))!.trigger('click');
    await saveDraft().trigger('click');
    await flushPromises();
    expect(saved).toHaveLength(1);
    const body = saved[0] as { blocks: { kind: string }[] };
    expect(body.blocks.map((b) => b.kind)).toEqual(['notice', 'product_grid', 'notice']);
    wrapper.unmount();
  });
});
