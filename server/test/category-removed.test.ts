import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogEvents, type TCategoryRemovedEvent } from '@koi/contracts';
import { newId } from '../src/platform/ids.ts';
import { call, DB_KINDS, staffToken, type TestKoi } from './harness.ts';
import { gaiwan, outbox } from './catalog-fixtures.ts';
import { productEvent, publishEvents, saved, startReadSide } from './search-fixtures.ts';

type Facet = { value: string; label: string; count: number };

describe.each(DB_KINDS)('a deleted category leaves the search read model on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  const dispatch = async () => {
    while ((await koi.bus.dispatchOnce()) > 0);
  };
  const get = async (url: string) => {
    const res = await call(koi, 'GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const categoryFacets = async (q: string) => ((await get(`/api/shop/search?q=${encodeURIComponent(q)}`)).facets.categories as Facet[]).map((f) => f.label);
  const suggested = async (q: string) => ((await get(`/api/shop/search/suggest?q=${encodeURIComponent(q)}`)).items as { text: string; kind: string }[])
    .filter((s) => s.kind === 'category').map((s) => s.text);
  const removed = (categoryId: string, parentId: string | null): { topic: string; payload: TCategoryRemovedEvent } =>
    ({ topic: CatalogEvents.categoryRemoved, payload: { categoryId, parentId, removedAt: new Date().toISOString() } });

  beforeAll(async () => {
    koi = await startReadSide(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => koi.dispose());

  it('publishes catalog.category_removed in the deleting transaction, and navs, facets, suggestions and links forget it', async () => {
    const create = async (body: object) => (await call(koi, 'POST', '/api/admin/catalog/categories', body, { token: owner })).body;
    const root = await create({ name: '茶器' });
    const jianzhan = await create({ name: '建盏', parentId: root.id });
    const cups = await create({ name: '品茗杯', parentId: root.id });
    const product = (await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(jianzhan.id, { title: '建盏 兔毫 束口' }), { token: owner })).body;
    await dispatch();
    expect((await koi.search.categories([jianzhan.id])).map((c) => c.name)).toEqual(['建盏']);
    expect(await categoryFacets('兔毫')).toEqual(['建盏']);
    expect(await suggested('jianzhan')).toEqual(['建盏']);

    // The operator moves the product out and deletes the now empty category.
    const input = gaiwan(cups.id, { title: '建盏 兔毫 束口' });
    input.skus = product.skus.map((s: { code: string; specValues: string[]; priceFen: number }) => ({ code: s.code, specValues: s.specValues, priceFen: s.priceFen, stock: 3 }));
    expect((await call(koi, 'PUT', `/api/admin/catalog/products/${product.id}`, input, { token: owner })).status).toBe(200);
    const del = await call(koi, 'DELETE', `/api/admin/catalog/categories/${jianzhan.id}`, undefined, { token: owner });
    expect(del.body).toEqual({ ok: true });
    const events = await outbox(koi, CatalogEvents.categoryRemoved);
    expect(events.map((e) => e.payload)).toEqual([{ categoryId: jianzhan.id, parentId: root.id, removedAt: expect.any(String) }]);
    // A refused delete publishes nothing.
    expect((await call(koi, 'DELETE', `/api/admin/catalog/categories/${cups.id}`, undefined, { token: owner })).status).toBe(409);
    expect(await outbox(koi, CatalogEvents.categoryRemoved)).toHaveLength(1);

    await dispatch();
    expect(await koi.search.categories([jianzhan.id])).toEqual([]);
    expect((await koi.search.categories()).map((c) => c.name)).toEqual(expect.arrayContaining(['茶器', '品茗杯']));
    expect((await koi.search.categories()).map((c) => c.name)).not.toContain('建盏');
    expect((await koi.search.known({ products: [], categories: [jianzhan.id, cups.id], collections: [] })).categories).toEqual(new Set([cups.id]));
    expect(await categoryFacets('兔毫')).toEqual(['品茗杯']);
    expect(await suggested('jianzhan')).toEqual([]);
    expect((await get(`/api/shop/catalog/products?categoryId=${root.id}`)).items.map((c: { id: string }) => c.id)).toEqual([product.id]);

    // A decorated page can no longer link to it.
    const home = (await call(koi, 'GET', '/api/admin/decoration/pages', undefined, { token: owner })).body.items[0].id;
    const page = await call(koi, 'PUT', `/api/admin/decoration/pages/${home}/draft`, {
      title: '首页', blocks: [{ kind: 'category_nav', id: 'nav', columns: 4, items: [{ categoryId: jianzhan.id, label: '', icon: null }] }],
    }, { token: owner });
    expect(page.status).toBe(422);
    expect(page.body.code).toBe('decoration.link_unknown');
    expect(page.body.errors).toEqual([{ path: expect.stringMatching(/^body\.blocks\.0\./), code: 'decoration.link_unknown', message: `区块「nav」引用的分类不存在：${jianzhan.id}` }]);
  });

  it('unfiles a document still filed under it, and a late event naming it does not bring it back', async () => {
    const root = { id: newId(), name: '香器' };
    const gone = { id: newId(), name: '香炉' };
    const kept = { id: newId(), name: '香插' };
    const censer = productEvent({ title: '铜制 香炉 莲花', categoryPath: [root, gone] });
    const holder = productEvent({ title: '陶瓷 香插', categoryPath: [root, kept] });
    // The catalog's events about moving the censer out are not applied yet when the removal is.
    await publishEvents(koi, [saved(censer), saved(holder), removed(gone.id, root.id)]);
    expect(await koi.search.categories([gone.id])).toEqual([]);
    expect((await get(`/api/shop/catalog/products?categoryId=${gone.id}`)).total).toBe(0);
    expect((await get(`/api/shop/catalog/products?categoryId=${root.id}`)).total).toBe(2);
    expect(await categoryFacets('香炉')).toEqual([]);

    // An event for a category never named before still leaves a tombstone; a later document naming it stays out of navs and facets.
    const never = { id: newId(), name: '香盒' };
    await publishEvents(koi, [removed(never.id, root.id)]);
    const box = productEvent({ title: '漆器 香盒', categoryPath: [root, never] });
    await publishEvents(koi, [saved(box)]);
    expect(await koi.search.categories([never.id])).toEqual([]);
    expect(await suggested('xianghe')).toEqual([]);
    expect(await categoryFacets('漆器')).toEqual([]);
    expect((await koi.search.known({ products: [], categories: [never.id], collections: [] })).categories.size).toBe(0);

    // The product's next event re-files it under its new category.
    await publishEvents(koi, [saved({ ...box, revision: 2, categoryPath: [root, kept], updatedAt: new Date(Date.parse(box.updatedAt) + 1000).toISOString() })]);
    expect(await categoryFacets('漆器')).toEqual(['香插']);
    // Redelivery changes nothing.
    await publishEvents(koi, [removed(gone.id, root.id)]);
    expect(await koi.search.categories([gone.id])).toEqual([]);
  });
});
