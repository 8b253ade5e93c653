import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';
import { gaiwan, makeCategory } from './catalog-fixtures.ts';
import { template } from './coupon-issue-fixtures.ts';

/** 领券 on the product page: the claimable templates whose scope covers the product, with the shopper's claimed state. */
describe.each(DB_KINDS)('coupons for a product on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  }, 240_000);
  afterAll(async () => koi.dispose());

  it('lists only templates whose scope covers the product, with claimed state for the shopper and none for guests', async () => {
    const cat = await makeCategory(koi, owner);
    const other = await makeCategory(koi, owner);
    const product = (await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId), { token: owner })).body;
    const elsewhere = (await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(other.leafId), { token: owner })).body;
    const scope = (type: 'all' | 'categories' | 'products', ids: string[] = [], excludeProductIds: string[] = []) => ({ type, ids, excludeProductIds });
    const all = await template(koi, { name: '全场券', scope: scope('all') });
    const parent = await template(koi, { name: '父类目券', scope: scope('categories', [cat.rootId]) });
    const own = await template(koi, { name: '本品券', scope: scope('products', [product.id]), perCustomerLimit: 2 });
    const excluded = await template(koi, { name: '排除本品', scope: scope('all', [], [product.id]) });
    const otherCat = await template(koi, { name: '别的类目', scope: scope('categories', [other.rootId]) });
    const notListed = await template(koi, { name: '不可领', scope: scope('all'), claimable: false });
    const draft = await template(koi, { name: '草稿', scope: scope('all'), status: 'draft' });
    const mine = [all.id, parent.id, own.id, excluded.id, otherCat.id, notListed.id, draft.id];

    const guest = await call(koi, 'GET', `/api/shop/products/${product.id}/coupons`);
    expect(guest.status).toBe(200);
    const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((t) => t.id).filter((id) => mine.includes(id));
    expect(ids(guest)).toEqual([all.id, parent.id, own.id]);
    expect(guest.body.items.every((t: { claimed: number; canClaim: boolean }) => t.claimed === 0 && t.canClaim)).toBe(true);
    expect(guest.body.items.find((t: { id: string }) => t.id === all.id)).toMatchObject({ amountFen: 1000, thresholdFen: 10000, validity: { type: 'relative', days: 30 } });

    // The other product sees the all-scope ones and its own category's, not this product's.
    expect(ids(await call(koi, 'GET', `/api/shop/products/${elsewhere.id}/coupons`))).toEqual([all.id, excluded.id, otherCat.id]);

    const token = await shopperToken(koi, '13900008801');
    const claim = (templateId: string) => call(koi, 'POST', '/api/shop/coupons/claim', { templateId }, { token });
    expect((await claim(all.id)).status).toBe(200);
    expect((await claim(own.id)).status).toBe(200);
    const signed = await call(koi, 'GET', `/api/shop/products/${product.id}/coupons`, undefined, { token });
    const byId = new Map(signed.body.items.map((t: { id: string; claimed: number; canClaim: boolean }) => [t.id, t]));
    expect(byId.get(all.id)).toMatchObject({ claimed: 1, canClaim: false });
    expect(byId.get(own.id)).toMatchObject({ claimed: 1, canClaim: true });
    expect(byId.get(parent.id)).toMatchObject({ claimed: 0, canClaim: true });
    // The coupon centre's order, whatever was claimed (the sheet does not reshuffle under the shopper's finger).
    expect(ids(signed)).toEqual([all.id, parent.id, own.id]);
    // The guest view is unchanged by someone else's claims.
    expect((await call(koi, 'GET', `/api/shop/products/${product.id}/coupons`)).body.items.find((t: { id: string }) => t.id === all.id)).toMatchObject({ claimed: 0, canClaim: true });
  });

  it('the demo home page shows a 领券 block with two claimable demo coupons, claimable by a guest after signing in', async () => {
    const home = (await call(koi, 'GET', '/api/shop/pages/home')).body;
    expect(home.version).toBe(1);
    const block = home.blocks.find((b: { kind: string }) => b.kind === 'coupon');
    expect(block).toMatchObject({ id: 'home-coupons', title: '领券更优惠' });
    expect(home.blocks.map((b: { kind: string }) => b.kind).slice(0, 3)).toEqual(['banner', 'notice', 'coupon']);
    const centre = (await call(koi, 'GET', '/api/shop/coupons/claimable')).body.items as { id: string; name: string; canClaim: boolean }[];
    const shown = block.templateIds.map((id: string) => centre.find((t) => t.id === id));
    expect(shown.map((t: { name: string } | undefined) => t?.name)).toEqual(['新客满 ¥200 减 ¥20', '会员 9 折券']);
    expect(shown.every((t: { canClaim: boolean }) => t.canClaim)).toBe(true);
  });

  it('answers 404 for a product that is not on sale or does not exist', async () => {
    const cat = await makeCategory(koi, owner);
    const draft = (await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId, { status: 'draft' }), { token: owner })).body;
    for (const id of [draft.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const r = await call(koi, 'GET', `/api/shop/products/${id}/coupons`);
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('catalog.product_not_found');
    }
  });
});
