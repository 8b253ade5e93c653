import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CatalogEvents } from '@koi/contracts';
import { call, DB_KINDS, type TestKoi } from './harness.ts';
import { applyProductSaved } from '../src/modules/search/apply-catalog-events.ts';
import { CAT, collection, collectionEvent, PATHS, productEvent, publishEvents, saved, teaShop, startReadSide } from './search-fixtures.ts';

type Card = { id: string; title: string; priceFen: number; sales: number };

describe.each(DB_KINDS)('the read model and shop product lists on %s', (kind) => {
  let koi: TestKoi;
  let shop: ReturnType<typeof teaShop>;
  const get = async (url: string) => {
    const res = await call(koi, 'GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const ids = (body: { items: Card[] }) => body.items.map((c) => c.id);
  const count = async (categoryId: string) => (await koi.search.categories([categoryId]))[0]?.productCount;

  beforeAll(async () => {
    koi = await startReadSide(kind);
    shop = teaShop();
    await publishEvents(koi, Object.values(shop).map(saved));
  });
  afterAll(async () => koi.dispose());

  it('lists on-sale products only, best sellers first, with cards straight from the read model', async () => {
    const page = await get('/api/shop/catalog/products?pageSize=50');
    expect(page.total).toBe(8);
    expect(page.items[0]).toEqual({
      id: shop.cups.productId, title: '青瓷品茗杯 四只装', subtitle: '龙泉青瓷 60ml', image: shop.cups.image,
      priceFen: 9_800, listPriceFen: 12_800, sales: 1_200, inStock: true, tags: ['送礼'],
    });
    expect(ids(page)).not.toContain(shop.draftPot.productId);
    expect(ids(await get(`/api/shop/catalog/products?categoryId=${CAT.tea.id}`))).toEqual([shop.longjing.productId, shop.baimudan.productId]);
    expect((await get(`/api/shop/catalog/products?tag=${encodeURIComponent('手工')}&sort=price_desc`)).items.map((c: Card) => c.priceFen)).toEqual([228_000, 58_000]);
  });

  it('applies an event only when its revision is newer; a redelivered or older one changes nothing', async () => {
    const p = productEvent({ title: '粗陶侧把壶 日式', categoryPath: PATHS.pot!, tags: ['粗陶'], sales: 12, revision: 5 });
    await publishEvents(koi, [saved(p)]);
    const before = await count(CAT.pot.id);
    // An older revision with other content, and the same revision again with other content.
    await publishEvents(koi, [saved({ ...p, revision: 4, title: '旧标题 不该出现' }), saved({ ...p, revision: 5, title: '同版本 不该出现', status: 'off_shelf' })]);
    const [row] = await koi.db.rows<{ title: string; revision: number; status: string }>(sql`select title, revision, status from search_documents where product_id = ${p.productId}`);
    expect(row).toEqual({ title: '粗陶侧把壶 日式', revision: 5, status: 'on_sale' });
    expect(await count(CAT.pot.id)).toBe(before);
    // A true redelivery: the outbox hands the newest event out again; its handled-record stops it.
    await koi.db.rows(sql`update outbox_events set dispatched_at = null, claimed_until = null where id = (select id from outbox_events where topic = ${CatalogEvents.productSaved} order by id desc limit 1)`);
    expect(await koi.bus.dispatchOnce()).toBe(1);
    expect(await count(CAT.pot.id)).toBe(before);
    // A newer revision moves it: off the shelf, out of the counts and the results.
    await publishEvents(koi, [saved({ ...p, revision: 6, status: 'off_shelf' })]);
    expect(await count(CAT.pot.id)).toBe(before! - 1);
    expect((await get(`/api/shop/search?q=${encodeURIComponent('侧把壶')}`)).total).toBe(0);
  });

  // PostgreSQL only: PGlite has one connection, so two transactions can never overlap there.
  it.runIf(kind === 'postgres')('makes the second of two dispatchers writing a new product at once retry, keeping counts exact', async () => {
    const p = productEvent({ title: '绞胎盖碗', categoryPath: PATHS.gaiwan!, tags: ['绞胎'] });
    const before = await count(CAT.gaiwan.id);
    const first = koi.db.tx(async (q) => {
      await applyProductSaved(koi.db, q, p);
      await koi.db.rows(sql`select pg_sleep(0.4)`, q);
    });
    await new Promise((r) => setTimeout(r, 100));
    // Its snapshot cannot see the uncommitted row; after the first commits, it must not guess the counts.
    // The handler is attached at once: the second can fail in the same tick the first commits.
    const second = koi.db.tx((q) => applyProductSaved(koi.db, q, { ...p, revision: 2, categoryPath: PATHS.cups! })).then(
      () => null,
      (err: unknown) => err,
    );
    await first;
    expect(String(await second)).toMatch(/concurrently/);
    expect(await count(CAT.gaiwan.id)).toBe(before! + 1);
    // The outbox's retry finds the row and moves the product.
    expect(await koi.db.tx((q) => applyProductSaved(koi.db, q, { ...p, revision: 2, categoryPath: PATHS.cups! }))).toBe(true);
    expect(await count(CAT.gaiwan.id)).toBe(before);
  });

  it('keeps a removed product removed, even when an older save arrives late', async () => {
    const p = productEvent({ title: '柴烧公道杯', categoryPath: PATHS.cups!, revision: 2 });
    await publishEvents(koi, [saved(p)]);
    expect((await get(`/api/shop/search?q=${encodeURIComponent('柴烧')}`)).total).toBe(1);
    const cups = await count(CAT.cups.id);
    await publishEvents(koi, [{ topic: CatalogEvents.productRemoved, payload: { productId: p.productId, revision: 3 } }, saved({ ...p, revision: 2 })]);
    expect((await get(`/api/shop/search?q=${encodeURIComponent('柴烧')}`)).total).toBe(0);
    expect(await count(CAT.cups.id)).toBe(cups! - 1);
    expect((await koi.search.known({ products: [p.productId], categories: [], collections: [] })).products.size).toBe(0);
  });

  it('renames a category from the newest document and counts moves between categories', async () => {
    const later = new Date(Date.UTC(2026, 5, 1)).toISOString();
    const moved = { ...shop.baimudan, revision: 2, updatedAt: later, categoryPath: [{ ...CAT.tea, name: '茶叶·精选' }, CAT.green] };
    const [white, green] = [await count(CAT.white.id), await count(CAT.green.id)];
    await publishEvents(koi, [saved(moved)]);
    expect([await count(CAT.white.id), await count(CAT.green.id)]).toEqual([white! - 1, green! + 1]);
    // An older document of another product still says 茶叶: the newer name stays.
    await publishEvents(koi, [saved({ ...shop.longjing, revision: 2 })]);
    expect((await koi.search.categories([CAT.tea.id]))[0]!.name).toBe('茶叶·精选');
    await publishEvents(koi, [saved({ ...shop.baimudan, revision: 3, updatedAt: new Date(Date.UTC(2026, 6, 1)).toISOString() })]);
    expect((await koi.search.categories([CAT.tea.id]))[0]!.name).toBe('茶叶');
  });

  it('serves a manual collection in the operator\'s order, on sale only, paged', async () => {
    const c = collectionEvent({ name: '送礼精选', productIds: [shop.giftbox.productId, shop.draftPot.productId, shop.qinghua.productId, shop.cups.productId, shop.xishi.productId] });
    await publishEvents(koi, [collection(c)]);
    const first = await get(`/api/shop/catalog/collections/${c.collectionId}/products?pageSize=2`);
    expect(first).toMatchObject({ total: 4, page: 1, hasMore: true });
    expect(ids(first)).toEqual([shop.giftbox.productId, shop.qinghua.productId]);
    expect(ids(await get(`/api/shop/catalog/collections/${c.collectionId}/products?pageSize=2&page=2`))).toEqual([shop.cups.productId, shop.xishi.productId]);
    expect(ids(await get(`/api/shop/catalog/products?collectionId=${c.collectionId}&sort=price_asc&pageSize=10`))).toEqual(
      [shop.cups.productId, shop.qinghua.productId, shop.xishi.productId, shop.giftbox.productId]);
    // An older revision does not undo the newer one; a removal makes it unknown.
    await publishEvents(koi, [collection({ ...c, revision: 2, productIds: [shop.cups.productId] }), collection({ ...c, revision: 1, name: '旧', productIds: [] })]);
    expect(ids(await get(`/api/shop/catalog/collections/${c.collectionId}/products`))).toEqual([shop.cups.productId]);
    await publishEvents(koi, [{ topic: CatalogEvents.collectionRemoved, payload: { collectionId: c.collectionId, revision: 3 } }]);
    const gone = await call(koi, 'GET', `/api/shop/catalog/collections/${c.collectionId}/products`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('resource.not_found');
  });

  it('evaluates a rule collection: matching on-sale products in its order, up to its limit', async () => {
    const rule = collectionEvent({ name: '热销茶具', mode: 'rule', rule: { categoryId: CAT.teaware.id, tag: null, priceMinFen: null, priceMaxFen: 100_000, sort: 'sales', limit: 3 } });
    await publishEvents(koi, [collection(rule)]);
    const res = await get(`/api/shop/catalog/collections/${rule.collectionId}/products`);
    expect(ids(res)).toEqual([shop.cups.productId, shop.qinghua.productId, shop.xishi.productId]);
    expect(res.total).toBe(3);
    // A shopper's sort re-orders the collection; it does not widen it.
    expect(ids(await get(`/api/shop/catalog/collections/${rule.collectionId}/products?sort=price_desc`))).toEqual([shop.xishi.productId, shop.qinghua.productId, shop.cups.productId]);
    expect(await koi.search.collectionCards(rule.collectionId, 2)).toHaveLength(2);
  });

  it('answers a list page in a fixed number of statements whatever its size (no N+1)', async () => {
    const c = collectionEvent({ name: '全部', mode: 'rule', rule: { categoryId: null, tag: null, priceMinFen: null, priceMaxFen: null, sort: 'newest', limit: 200 } });
    await publishEvents(koi, [collection(c), ...Array.from({ length: 45 }, (_, i) =>
      saved(productEvent({ title: `龙泉青瓷 品茗杯 ${i + 1} 号`, categoryPath: PATHS.cups!, tags: ['青瓷'], sales: i })))]);
    const counts: number[] = [];
    for (const size of [1, 10, 50]) {
      for (const url of [`/api/shop/catalog/products?pageSize=${size}`, `/api/shop/catalog/collections/${c.collectionId}/products?pageSize=${size}`]) {
        const before = koi.db.stats.statements;
        const body = await get(url);
        counts.push(koi.db.stats.statements - before);
        expect(body.items.length).toBe(size);
      }
    }
    // count + rows; a collection adds its own lookup.
    expect(counts).toEqual([2, 3, 2, 3, 2, 3]);
  });
});
