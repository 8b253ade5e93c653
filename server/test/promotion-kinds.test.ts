import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';

type Note = { code: string; text: string; sourceId: string };

/**
 * The kinds of issue 8 through the real checkout: 首单立减 fed by the order module's "has ordered"
 * fact, a 折扣券 and a 运费券 picked together as the best choice, and the admin validating their args.
 */
describe.each(DB_KINDS)('promotion and coupon kinds at checkout on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  let skus: string[];
  let firstOrderId: string;
  const templates: string[] = [];
  beforeAll(async () => {
    koi = await startKoi(kind);
    const made = await makeSkus(koi, [{ priceFen: 5000, stock: 100 }, { priceFen: 7000, stock: 100 }]);
    skus = made.skuIds;
    owner = await staffToken(koi, 'owner@koi.demo');
    const scope = { type: 'products', ids: [made.productId], excludeProductIds: [] };
    const promo = await call(koi, 'POST', '/api/admin/promotions', {
      kind: 'first_order', name: '新客首单立减', args: { amountFen: 1000 }, scope, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: null, status: 'active',
    }, { token: owner });
    expect(promo.status, JSON.stringify(promo.body)).toBe(200);
    expect(promo.body.summary.zh).toBe('首单立减 ¥10');
    firstOrderId = promo.body.id;
    for (const [k, args] of [['percent_off', { rateBp: 9000, capFen: 2000 }], ['shipping_off', { amountFen: 1000 }]] as const) {
      const t = await call(koi, 'POST', '/api/admin/coupon-templates', {
        kind: k, name: k, args, scope: { type: 'all', ids: [], excludeProductIds: [] }, validity: { type: 'relative', days: 7 }, perCustomerLimit: 1, totalQuantity: null, status: 'active',
      }, { token: owner });
      expect(t.status, JSON.stringify(t.body)).toBe(200);
      templates.push(t.body.id);
    }
  });
  afterAll(async () => { await koi?.dispose(); });

  it('refuses bad args of the new kinds field by field', async () => {
    const bad = await call(koi, 'POST', '/api/admin/promotions', {
      kind: 'full_discount', name: '满折', args: { by: 'pieces', tiers: [{ pieces: 2, rateBp: 9000 }, { pieces: 3, rateBp: 9500 }] },
      scope: { type: 'all', ids: [], excludeProductIds: [] }, startsAt: new Date().toISOString(), endsAt: null, status: 'draft',
    }, { token: owner });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual([['body.args.tiers.1.rateBp', '折扣须逐档加深']]);
  });

  it('takes 首单立减 off a first order only, and picks the 折扣券 with the 运费券', async () => {
    const token = await shopperWithAddress(koi, '13500000071');
    for (const templateId of templates) expect((await call(koi, 'POST', '/api/shop/coupons/claim', { templateId }, { token })).status).toBe(200);
    const items = [{ skuId: skus[0]!, quantity: 1 }, { skuId: skus[1]!, quantity: 1 }];
    const p = (await call(koi, 'POST', '/api/shop/checkout/preview', { items }, { token })).body;
    expect(p.applied.map((a: Note) => a.sourceId)).toContain(firstOrderId);
    expect(p.promotionDiscountFen).toBe(1000);
    // ¥120 − ¥10 = ¥110, 9 折 = ¥11 off; the 运费券 takes the fee (¥6 for 江浙沪, under ¥199 no free shipping).
    expect(p).toMatchObject({ itemsTotalFen: 12000, couponDiscountFen: 1100 });
    expect(p.chosenCouponIds).toHaveLength(2);
    expect(p.shippingDiscountFen).toBe(p.shippingFen);
    expect(p.shippingFen).toBeGreaterThan(0);

    const order = await call(koi, 'POST', '/api/shop/orders', { items }, { token });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const again = (await call(koi, 'POST', '/api/shop/checkout/preview', { items }, { token })).body;
    expect(again.promotionDiscountFen).toBe(0);
    expect(again.notApplied.find((n: Note) => n.sourceId === firstOrderId)).toMatchObject({ code: 'not_first_order', text: '首单立减 ¥10：仅限首次下单' });
  });
});
