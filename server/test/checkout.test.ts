import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/platform/clock.ts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress, stockOf } from './order-fixtures.ts';
import { DEMO_SHIPPING_TEMPLATE } from '../src/demo/shipping.seed.ts';

type Line = { payableFen: number; discountFen: number; subtotalFen: number };

describe.each(DB_KINDS)('checkout on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => { koi = await startKoi(kind); });
  afterAll(async () => { await koi?.dispose(); });

  it('prices the confirm page on the server and places the order once per Idempotency-Key', async () => {
    const { skuIds: [a, b] } = await makeSkus(koi, [{ priceFen: 12800, stock: 10 }, { priceFen: 6600, stock: 10 }]);
    const token = await shopperWithAddress(koi, '13800000001');
    await call(koi, 'POST', '/api/shop/cart/lines', { skuId: a, quantity: 1 }, { token });
    await call(koi, 'POST', '/api/shop/cart/lines', { skuId: b, quantity: 2 }, { token });

    const preview = await call(koi, 'POST', '/api/shop/checkout/preview', { couponIds: [] }, { token });
    expect(preview.status).toBe(200);
    expect(preview.body.canSubmit).toBe(true);
    expect(preview.body.itemsTotalFen).toBe(26000);
    const p = preview.body;
    expect(p.payableFen).toBe(p.itemsTotalFen - p.promotionDiscountFen - p.couponDiscountFen + p.shippingFen - p.shippingDiscountFen);
    expect(p.lines.reduce((n: number, l: Line) => n + l.payableFen, 0)).toBe(p.itemsTotalFen - p.promotionDiscountFen - p.couponDiscountFen);

    const body = { couponIds: [], remark: '请用礼盒包装', payableFen: 1, priceFen: 1 };
    const headers = { 'idempotency-key': 'order-key-0001' };
    const first = await call(koi, 'POST', '/api/shop/orders', body, { token, headers });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'pending_payment', payableFen: p.payableFen, buyerRemark: '请用礼盒包装', actions: ['pay', 'cancel'] });
    const again = await call(koi, 'POST', '/api/shop/orders', body, { token, headers });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const reused = await call(koi, 'POST', '/api/shop/orders', { ...body, remark: '不同' }, { token, headers });
    expect(reused.status).toBe(409);

    expect((await stockOf(koi, a)).reserved).toBe(1);
    expect((await stockOf(koi, b)).reserved).toBe(2);
    expect((await call(koi, 'GET', '/api/shop/cart', undefined, { token })).body.lines).toEqual([]);
    const list = await call(koi, 'GET', '/api/shop/orders?status=pending_payment', undefined, { token });
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([first.body.id]);
  });

  it('refuses what cannot be bought with the reason, and a stranger\'s order is a 404', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 5000, stock: 1 }]);
    const token = await shopperWithAddress(koi, '13800000002');
    const res = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: 2 }] }, { token });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('checkout.line_unavailable');
    const ok = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: 1 }] }, { token });
    expect(ok.status).toBe(201);
    const other = await shopperWithAddress(koi, '13800000003');
    expect((await call(koi, 'GET', `/api/shop/orders/${ok.body.id}`, undefined, { token: other })).status).toBe(404);
    expect((await call(koi, 'POST', `/api/shop/orders/${ok.body.id}/cancel`, undefined, { token: other })).status).toBe(404);
  });

  it('gives stock back when the shopper cancels and when the payment deadline passes', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 5000, stock: 3 }]);
    const token = await shopperWithAddress(koi, '13800000004');
    const o1 = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: 2 }] }, { token });
    expect((await stockOf(koi, a)).available).toBe(1);
    const cancelled = await call(koi, 'POST', `/api/shop/orders/${o1.body.id}/cancel`, undefined, { token });
    expect(cancelled.body).toMatchObject({ status: 'closed', closeReason: 'buyer_cancelled', actions: [] });
    expect((await stockOf(koi, a)).available).toBe(3);
    expect((await call(koi, 'POST', `/api/shop/orders/${o1.body.id}/cancel`, undefined, { token })).body.code).toBe('order.not_pending');

    const o2 = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: 3 }] }, { token });
    expect((await stockOf(koi, a)).available).toBe(0);
    await koi.orders.lifecycle.closeOverdue();
    expect((await call(koi, 'GET', `/api/shop/orders/${o2.body.id}`, undefined, { token })).body.status).toBe('pending_payment');
    clock.advance(31 * 60_000);
    try {
      await koi.orders.lifecycle.closeOverdue();
    } finally {
      clock.reset();
    }
    expect((await call(koi, 'GET', `/api/shop/orders/${o2.body.id}`, undefined, { token })).body).toMatchObject({ status: 'closed', closeReason: 'payment_timeout' });
    expect((await stockOf(koi, a)).available).toBe(3);
  });

  it('200 parallel checkouts for the last 10 units make exactly 10 orders and leave none', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 1990, stock: 10 }]);
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => shopperWithAddress(koi, `1390000${String(100 + i).padStart(4, '0')}`)));
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: 1 }] }, { token: tokens[i % 20]!, headers: { 'idempotency-key': `race-${i}` } })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(await stockOf(koi, a)).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
  });

  it('a purchase limit holds under parallel checkouts of one shopper', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 2990, stock: 100 }], { purchaseLimit: 2 });
    const token = await shopperWithAddress(koi, '13800000005');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: 1 }] }, { token, headers: { 'idempotency-key': `limit-${i}` } })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    for (const r of results.filter((x) => x.status !== 201)) expect(['checkout.limit_exceeded', 'checkout.line_unavailable']).toContain(r.body.code);
  });

  it('charges each product by its own shipping template, the rest by the default', async () => {
    const owner = await staffToken(koi, 'owner@koi.demo');
    const heavy = await call(koi, 'POST', '/api/admin/shipping-templates', {
      ...DEMO_SHIPPING_TEMPLATE, name: `大件运费${Date.now()}`, isDefault: false, freeShipping: [],
      defaultRule: { first: 1, firstFeeFen: 2500, additional: 1, additionalFeeFen: 1000 }, regionRules: [],
    }, { token: owner });
    expect(heavy.status, JSON.stringify(heavy.body)).toBe(201);
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 5000, stock: 9 }], { shippingTemplateId: heavy.body.id });
    const token = await shopperWithAddress(koi, '13800000006');
    const preview = await call(koi, 'POST', '/api/shop/checkout/preview', { items: [{ skuId: a, quantity: 2 }], couponIds: [] }, { token });
    expect(preview.body.shippingFen).toBe(3500);
    const { skuIds: [b] } = await makeSkus(koi, [{ priceFen: 5000, stock: 9 }]);
    const plain = await call(koi, 'POST', '/api/shop/checkout/preview', { items: [{ skuId: b, quantity: 2 }], couponIds: [] }, { token });
    expect(plain.body.shippingFen).toBe(600); // the demo default: 江浙沪 ¥5 + ¥1
  });
});
