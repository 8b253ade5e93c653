import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogEvents } from '@koi/contracts';
import { clock } from '../src/platform/clock.ts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { gaiwan, makeCategory, outbox } from './catalog-fixtures.ts';

describe.each(DB_KINDS)('categories, collections, schedules and the shop view on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => koi.dispose());
  const create = async (body: object) => (await call(koi, 'POST', '/api/admin/catalog/products', body, { token: owner })).body;

  it('keeps categories two levels deep and only deletes empty ones', async () => {
    const cat = await makeCategory(koi, owner);
    const deep = await call(koi, 'POST', '/api/admin/catalog/categories', { name: '三级', parentId: cat.leafId }, { token: owner });
    expect(deep.status).toBe(422);
    expect(deep.body.code).toBe('catalog.category_too_deep');
    const moveRoot = await call(koi, 'PATCH', `/api/admin/catalog/categories/${cat.rootId}`, { parentId: cat.leafId }, { token: owner });
    expect(moveRoot.body.code).toBe('catalog.category_too_deep');
    const renamed = await call(koi, 'PATCH', `/api/admin/catalog/categories/${cat.leafId}`, { sort: 5 }, { token: owner });
    expect(renamed.body).toMatchObject({ parentId: cat.rootId, sort: 5 });

    const p = await create(gaiwan(cat.leafId));
    const notEmpty = await call(koi, 'DELETE', `/api/admin/catalog/categories/${cat.leafId}`, undefined, { token: owner });
    expect(notEmpty.status).toBe(409);
    expect(notEmpty.body.code).toBe('catalog.category_not_empty');
    expect((await call(koi, 'DELETE', `/api/admin/catalog/categories/${cat.rootId}`, undefined, { token: owner })).body.code).toBe('catalog.category_not_empty');
    await call(koi, 'DELETE', `/api/admin/catalog/products/${p.id}`, undefined, { token: owner });
    expect((await call(koi, 'DELETE', `/api/admin/catalog/categories/${cat.leafId}`, undefined, { token: owner })).body).toEqual({ ok: true });
    expect((await call(koi, 'DELETE', `/api/admin/catalog/categories/${cat.rootId}`, undefined, { token: owner })).body).toEqual({ ok: true });
    expect((await call(koi, 'DELETE', `/api/admin/catalog/categories/${cat.rootId}`, undefined, { token: owner })).status).toBe(404);
  });

  it('counts all products for staff and on-sale ones for shoppers, rolled up to the parent', async () => {
    const cat = await makeCategory(koi, owner, '计数类目');
    await create(gaiwan(cat.leafId));
    await create(gaiwan(cat.leafId, { status: 'draft' }));
    await create(gaiwan(cat.rootId, { status: 'off_shelf' }));
    const find = (items: { id: string; productCount: number; children: { id: string; productCount: number }[] }[]) => items.find((c) => c.id === cat.rootId)!;
    const admin = find((await call(koi, 'GET', '/api/admin/catalog/categories', undefined, { token: owner })).body.items);
    expect([admin.productCount, admin.children[0]!.productCount]).toEqual([3, 2]);
    const shop = find((await call(koi, 'GET', '/api/shop/catalog/categories')).body.items);
    expect([shop.productCount, shop.children[0]!.productCount]).toEqual([1, 1]);
  });

  it('shows shoppers a product on sale with stock states, and 404s anything else', async () => {
    const cat = await makeCategory(koi, owner);
    const p = await create(gaiwan(cat.leafId, { purchaseLimit: 2 }));
    const res = await call(koi, 'GET', `/api/shop/catalog/products/${p.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: p.id, title: '汝窑天青开片盖碗', priceMinFen: 16800, priceMaxFen: 18800, listPriceMaxFen: 23800, purchaseLimit: 2,
      categoryId: cat.leafId, reviews: { count: 0, goodRate: null }, description: '<p>汝窑<strong>天青</strong></p>',
    });
    expect(res.body.skus.map((s: { stockState: string; stockLeft: number | null }) => [s.stockState, s.stockLeft])).toEqual([['in_stock', null], ['low', 5], ['out_of_stock', 0], ['in_stock', null]]);
    expect(res.body.skus[0]).not.toHaveProperty('costPriceFen');

    await koi.db.tx((q) => koi.inventory.reserve(q, [{ skuId: p.skus[0].id, qty: 12 }]));
    expect((await call(koi, 'GET', `/api/shop/catalog/products/${p.id}`)).body.skus[0]).toMatchObject({ stockState: 'low', stockLeft: 8 });

    const draft = await create(gaiwan(cat.leafId, { status: 'draft' }));
    const hidden = await call(koi, 'GET', `/api/shop/catalog/products/${draft.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('catalog.product_not_found');
    expect((await call(koi, 'GET', '/api/shop/catalog/products/not-a-uuid')).status).toBe(404);
  });

  it('puts products on sale and off the shelf at their scheduled minute', async () => {
    const cat = await makeCategory(koi, owner);
    clock.set('2026-05-01T09:58:00+08:00');
    const p = await create(gaiwan(cat.leafId, { status: 'draft', scheduledOnSaleAt: '2026-05-01T10:00:00+08:00', scheduledOffSaleAt: '2026-05-03T00:00:00+08:00' }));
    expect(p).toMatchObject({ status: 'draft', scheduledOnSaleAt: '2026-05-01T02:00:00.000Z' });
    expect(await koi.catalog.tickSchedule()).toEqual([]);
    clock.set('2026-05-01T10:00:30+08:00');
    expect(await koi.catalog.tickSchedule()).toEqual([p.id]);
    expect((await call(koi, 'GET', `/api/shop/catalog/products/${p.id}`)).status).toBe(200);
    expect(await koi.catalog.tickSchedule()).toEqual([]);
    clock.set('2026-05-03T00:01:00+08:00');
    expect(await koi.catalog.tickSchedule()).toEqual([p.id]);
    const after = (await call(koi, 'GET', `/api/admin/catalog/products/${p.id}`, undefined, { token: owner })).body;
    expect(after).toMatchObject({ status: 'off_shelf', scheduledOnSaleAt: null, scheduledOffSaleAt: null });
    const statuses = (await outbox(koi, CatalogEvents.productSaved)).map((e) => e.payload).filter((d) => d.productId === p.id).map((d) => d.status);
    expect(statuses).toEqual(['draft', 'on_sale', 'off_shelf']);

    const backwards = await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId, { scheduledOnSaleAt: '2026-05-05T00:00:00Z', scheduledOffSaleAt: '2026-05-04T00:00:00Z' }), { token: owner });
    expect(backwards.body.code).toBe('catalog.schedule_invalid');
    clock.reset();
  });

  it('keeps manual and rule collections and publishes their documents', async () => {
    const cat = await makeCategory(koi, owner);
    const a = await create(gaiwan(cat.leafId));
    const b = await create(gaiwan(cat.leafId, { tags: ['热销'] }));
    const manual = await call(koi, 'POST', '/api/admin/catalog/collections', { name: '新品上架', mode: 'manual', productIds: [b.id, a.id, b.id] }, { token: owner });
    expect(manual.body).toMatchObject({ mode: 'manual', productIds: [b.id, a.id], productCount: 2, rule: null });
    const rule = await call(koi, 'POST', '/api/admin/catalog/collections', { name: '热销', mode: 'rule', rule: { tag: '热销', categoryId: cat.rootId, limit: 10 } }, { token: owner });
    expect(rule.body).toMatchObject({ mode: 'rule', productCount: 1, rule: { tag: '热销', sort: 'sales', limit: 10 } });

    const bad = await call(koi, 'POST', '/api/admin/catalog/collections', { name: 'x', mode: 'rule' }, { token: owner });
    expect(bad.body.code).toBe('catalog.collection_rule_required');
    const unknown = await call(koi, 'POST', '/api/admin/catalog/collections', { name: 'x', mode: 'manual', productIds: ['0190a0a0-0000-7000-8000-000000000000', 'nope'] }, { token: owner });
    expect(unknown.body).toMatchObject({ code: 'catalog.collection_products_unknown' });

    const put = await call(koi, 'PUT', `/api/admin/catalog/collections/${manual.body.id}`, { name: '新品', mode: 'manual', productIds: [a.id] }, { token: owner });
    expect(put.body).toMatchObject({ name: '新品', productIds: [a.id] });
    expect((await call(koi, 'DELETE', `/api/admin/catalog/collections/${manual.body.id}`, undefined, { token: owner })).body).toEqual({ ok: true });
    const saved = (await outbox(koi, CatalogEvents.collectionSaved)).map((e) => e.payload).filter((d) => d.collectionId === manual.body.id);
    expect(saved.map((d) => [d.revision, d.name, d.productIds])).toEqual([[1, '新品上架', [b.id, a.id]], [2, '新品', [a.id]]]);
    const removed = (await outbox(koi, CatalogEvents.collectionRemoved)).map((e) => e.payload);
    expect(removed).toContainEqual({ collectionId: manual.body.id, revision: 3 });
    const list = (await call(koi, 'GET', '/api/admin/catalog/collections', undefined, { token: owner })).body.items;
    expect(list.map((c: { id: string }) => c.id)).toContain(rule.body.id);
    expect(list.map((c: { id: string }) => c.id)).not.toContain(manual.body.id);
  });
});
