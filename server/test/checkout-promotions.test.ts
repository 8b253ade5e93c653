import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';

type Line = { payableFen: number; discountFen: number; discounts: { source: string; amountFen: number }[] };

describe.each(DB_KINDS)('checkout with a 满减 and a coupon on %s', (kind) => {
  let koi: TestKoi;
  let productId: string;
  let skus: string[];
  let templateId: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    const made = await makeSkus(koi, [{ priceFen: 5000, stock: 100 }, { priceFen: 7000, stock: 100 }]);
    productId = made.productId;
    skus = made.skuIds;
    const owner = await staffToken(koi, 'owner@koi.demo');
    const scope = { type: 'products', ids: [productId], excludeProductIds: [] };
    const promo = await call(koi, 'POST', '/api/admin/promotions', {
      kind: 'full_reduction', name: '茶杯满 150 减 15', args: { tiers: [{ thresholdFen: 15000, discountFen: 1500 }] }, scope,
      startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: null, status: 'active',
    }, { token: owner });
    expect(promo.status, JSON.stringify(promo.body)).toBe(200);
    const tpl = await call(koi, 'POST', '/api/admin/coupon-templates', {
      kind: 'amount_off', name: '茶杯满 100 减 10', args: { thresholdFen: 10000, amountFen: 1000 }, scope,
      validity: { type: 'relative', days: 7 }, perCustomerLimit: 1, totalQuantity: null, status: 'active',
    }, { token: owner });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(200);
    templateId = tpl.body.id;
  });
  afterAll(async () => { await koi?.dispose(); });

  const claim = async (token: string) => {
    const res = await call(koi, 'POST', '/api/shop/coupons/claim', { templateId }, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  };
  const items = () => [{ skuId: skus[0]!, quantity: 1 }, { skuId: skus[1]!, quantity: 2 }];

  it('takes the 满减 then the best coupon off, allocated to lines to the fen, and explains both', async () => {
    const token = await shopperWithAddress(koi, '13500000001');
    const couponId = await claim(token);
    const preview = await call(koi, 'POST', '/api/shop/checkout/preview', { items: items() }, { token });
    const p = preview.body;
    expect(p).toMatchObject({ itemsTotalFen: 19000, promotionDiscountFen: 1500, couponDiscountFen: 1000, chosenCouponIds: [couponId], canSubmit: true });
    expect(p.lines.reduce((n: number, l: Line) => n + l.payableFen, 0)).toBe(19000 - 2500);
    for (const l of p.lines as Line[]) expect(l.discounts.reduce((n, d) => n + d.amountFen, 0)).toBe(l.discountFen);
    expect(p.applied.map((a: { text: string }) => a.text).join(' ')).toContain('15');
    expect(p.coupons).toEqual([expect.objectContaining({ id: couponId, usable: true, discountFen: 1000 })]);

    const none = await call(koi, 'POST', '/api/shop/checkout/preview', { items: items(), couponIds: [] }, { token });
    expect(none.body).toMatchObject({ couponDiscountFen: 0, chosenCouponIds: [] });

    const order = await call(koi, 'POST', '/api/shop/orders', { items: items() }, { token });
    expect(order.status).toBe(201);
    expect(order.body.couponDiscountFen).toBe(1000);
    const after = await call(koi, 'POST', '/api/shop/checkout/preview', { items: items() }, { token });
    expect(after.body.couponDiscountFen).toBe(0); // the coupon is held by the unpaid order
    const chosenHeld = await call(koi, 'POST', '/api/shop/checkout/preview', { items: items(), couponIds: [couponId] }, { token });
    expect(chosenHeld.body.canSubmit).toBe(false);
    expect(chosenHeld.body.blockers.map((b: { code: string }) => b.code)).toEqual(['checkout.coupon_unusable']);

    await call(koi, 'POST', `/api/shop/orders/${order.body.id}/cancel`, undefined, { token });
    const back = await call(koi, 'POST', '/api/shop/checkout/preview', { items: items() }, { token });
    expect(back.body.chosenCouponIds).toEqual([couponId]);
  });

  it('one single-use coupon in 50 parallel checkouts is used once', async () => {
    const token = await shopperWithAddress(koi, '13500000002');
    const couponId = await claim(token);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      call(koi, 'POST', '/api/shop/orders', { items: items(), couponIds: [couponId] }, { token, headers: { 'idempotency-key': `coupon-race-${i}` } })));
    const placed = results.filter((r) => r.status === 201);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.body.couponDiscountFen).toBe(1000);
    // Refused either at the conditional freeze (racing) or already at pricing (the coupon was held by then).
    for (const r of results.filter((x) => x.status !== 201)) expect(['promotion.coupon_unavailable', 'checkout.coupon_unusable']).toContain(r.body.code);
  });

  it('an order the coupons pay in full skips payment and is paid at once', async () => {
    const owner = await staffToken(koi, 'owner@koi.demo');
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 25000, stock: 5 }]);
    const tpl = await call(koi, 'POST', '/api/admin/coupon-templates', {
      kind: 'amount_off', name: '全额礼券', args: { thresholdFen: 0, amountFen: 50000 },
      validity: { type: 'relative', days: 7 }, perCustomerLimit: 1, totalQuantity: null, status: 'active',
    }, { token: owner });
    const token = await shopperWithAddress(koi, '13500000003');
    const claimed = await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: tpl.body.id }, { token });
    const order = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: 1 }], couponIds: [claimed.body.id] }, { token });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ payableFen: 0, status: 'paid', couponDiscountFen: 25000, shippingFen: 0 });
    const pay = await call(koi, 'POST', `/api/shop/orders/${order.body.id}/pay`, { channel: 'wechat_h5' }, { token });
    expect(pay.body.action).toEqual({ kind: 'none' });
    expect((await koi.inventory.levels([a!])).get(a!)).toMatchObject({ onHand: 4, reserved: 0 });
  });

  it('parallel checkouts of one shopper with the coupon left to the server each get the best coupon still free', async () => {
    const owner = await staffToken(koi, 'owner@koi.demo');
    const tpl = await call(koi, 'POST', '/api/admin/coupon-templates', {
      kind: 'amount_off', name: '茶杯满 100 减 5', args: { thresholdFen: 10000, amountFen: 500 }, scope: { type: 'products', ids: [productId], excludeProductIds: [] },
      validity: { type: 'relative', days: 7 }, perCustomerLimit: 5, totalQuantity: null, status: 'active',
    }, { token: owner });
    const token = await shopperWithAddress(koi, '13500000004');
    for (let i = 0; i < 2; i++) expect((await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: tpl.body.id }, { token })).status).toBe(200);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) =>
      call(koi, 'POST', '/api/shop/orders', { items: items() }, { token, headers: { 'idempotency-key': `auto-coupon-${i}` } })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(results.filter((r) => r.body.couponDiscountFen === 500)).toHaveLength(2);
  });
});
