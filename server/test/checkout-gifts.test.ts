import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress, stockOf } from './order-fixtures.ts';
import { drain, settle } from './aftersale-fixtures.ts';
import { payInCashier } from '../src/modules/payment/payment.fixtures.ts';
import { claimFirstOrder, releaseFirstOrder } from '../src/modules/order/first-order-claim.ts';
import { newId } from '../src/platform/ids.ts';

type Line = { skuId: string; unitPriceFen: number; payableFen: number; quantity: number; gift?: { promotionId: string; text: string } | null };
type Note = { code: string; text: string; sourceId: string };

/**
 * 满赠 through the real checkout: the gift as a ¥0 order line (reserved, deducted when paid, returned
 * when cancelled), out of stock → not applied with its reason, and the last gift in parallel checkouts.
 * And 首单优惠 in two parallel first checkouts of one shopper.
 */
describe.each(DB_KINDS)('满赠 and the first-order race at checkout on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  }, 600_000); // the demo seed, on a busy machine
  afterAll(async () => { await koi?.dispose(); });

  /** A tea product at ¥300 and a 满 ¥299 赠 promotion on it whose gift SKU has `giftStock` units. */
  async function setup(giftStock: number) {
    const tea = await makeSkus(koi, [{ priceFen: 30000, stock: 100 }]);
    const towel = await makeSkus(koi, [{ priceFen: 2900, stock: giftStock }], { title: '茶巾' });
    const promo = await call(koi, 'POST', '/api/admin/promotions', {
      kind: 'full_gift', name: '满 299 赠茶巾',
      args: { by: 'amount', tiers: [{ thresholdFen: 29900, giftSkuId: towel.skuIds[0], giftName: '茶巾一条', quantity: 1 }] },
      scope: { type: 'products', ids: [tea.productId], excludeProductIds: [] }, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: null, priority: 10, status: 'active',
    }, { token: owner });
    expect(promo.status, JSON.stringify(promo.body)).toBe(200);
    expect(promo.body.summary.zh).toBe('满 ¥299 赠 茶巾一条');
    return { items: [{ skuId: tea.skuIds[0]!, quantity: 1 }], giftSku: towel.skuIds[0]!, promotionId: promo.body.id as string };
  }

  it('gives the gift as a ¥0 line: payable unchanged, stock reserved, deducted when paid, returned when cancelled', async () => {
    const { items, giftSku, promotionId } = await setup(10);
    const token = await shopperWithAddress(koi, '13500000301');
    const p = (await call(koi, 'POST', '/api/shop/checkout/preview', { items }, { token })).body;
    expect(p.gifts).toEqual([expect.objectContaining({ skuId: giftSku, quantity: 1, unitPriceFen: 0, payableFen: 0, gift: { promotionId, name: '满 299 赠茶巾', text: '满 ¥299 赠 茶巾一条：赠品随订单发出' } })]);
    expect(p.applied).toContainEqual({ code: 'full_gift', text: '满 ¥299 赠 茶巾一条：赠品随订单发出', sourceId: promotionId });
    // The gift is in no line's allocation: the payable is the lines' (the demo's 满减 takes ¥30 off ¥300) plus shipping.
    expect(p.payableFen).toBe(p.itemsTotalFen - p.promotionDiscountFen - p.couponDiscountFen + p.shippingFen - p.shippingDiscountFen);
    expect(p.itemsTotalFen).toBe(30000);
    expect(p.lines).toHaveLength(1);

    const order = await call(koi, 'POST', '/api/shop/orders', { items }, { token });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body.payableFen).toBe(p.payableFen);
    const gift = (order.body.lines as Line[]).find((l) => l.gift);
    expect(gift).toMatchObject({ skuId: giftSku, unitPriceFen: 0, payableFen: 0, quantity: 1, gift: { promotionId } });
    expect((order.body.lines as Line[]).reduce((n, l) => n + l.payableFen, 0)).toBe(order.body.payableFen - (order.body.shippingFen - order.body.shippingDiscountFen));
    expect(await stockOf(koi, giftSku)).toMatchObject({ onHand: 10, reserved: 1, available: 9 });
    const admin = await call(koi, 'GET', `/api/admin/orders/${order.body.id}`, undefined, { token: owner });
    expect((admin.body.lines as Line[]).filter((l) => l.gift).map((l) => l.skuId)).toEqual([giftSku]);

    // Cancelled unpaid: the gift's stock is back.
    expect((await call(koi, 'POST', `/api/shop/orders/${order.body.id}/cancel`, undefined, { token })).status).toBe(200);
    expect(await stockOf(koi, giftSku)).toMatchObject({ onHand: 10, reserved: 0 });

    // Paid: deducted with the rest.
    const paid = await call(koi, 'POST', '/api/shop/orders', { items }, { token });
    await koi.db.tx((q) => koi.orders.lifecycle.markPaid(q, paid.body.id, { channel: 'wechat', transactionId: 'T-gift-1', amountFen: paid.body.payableFen }));
    expect(await stockOf(koi, giftSku)).toMatchObject({ onHand: 9, reserved: 0 });
  });

  it('out of stock: not applied, "赠品已赠完", and the order goes ahead without it', async () => {
    const { items, promotionId } = await setup(0);
    const token = await shopperWithAddress(koi, '13500000302');
    const p = (await call(koi, 'POST', '/api/shop/checkout/preview', { items }, { token })).body;
    expect(p.gifts).toEqual([]);
    expect(p.notApplied).toContainEqual({ code: 'gift_out_of_stock', text: '赠品已赠完', sourceId: promotionId });
    expect(p.canSubmit).toBe(true);
    const order = await call(koi, 'POST', '/api/shop/orders', { items }, { token });
    expect(order.status).toBe(201);
    expect((order.body.lines as Line[]).some((l) => l.gift)).toBe(false);
    expect((order.body.applied as Note[]).some((n) => n.code === 'full_gift')).toBe(false);
  });

  it('the last gift in 5 parallel checkouts: exactly one order gets it, all five are placed, none oversells', async () => {
    const { items, giftSku } = await setup(1);
    const tokens = await Promise.all([0, 1, 2, 3, 4].map((i) => shopperWithAddress(koi, `1350000031${i}`)));
    const results = await Promise.all(tokens.map((token, i) => call(koi, 'POST', '/api/shop/orders', { items }, { token, headers: { 'idempotency-key': `gift-race-${i}` } })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const withGift = results.filter((r) => (r.body.lines as Line[]).some((l) => l.gift));
    expect(withGift).toHaveLength(1);
    // The others say nothing of a gift they did not get.
    for (const r of results.filter((x) => !withGift.includes(x))) expect((r.body.applied as Note[]).some((n) => n.code === 'full_gift')).toBe(false);
    expect(await stockOf(koi, giftSku)).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
  });

  it('refunds: the gift refunds ¥0 and goes back with a full refund (same request); refunding only the paid line leaves the order open', async () => {
    const { items, giftSku } = await setup(5);
    const placeAndPay = async (phone: string) => {
      const token = await shopperWithAddress(koi, phone);
      const placed = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [] }, { token });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      const pay = await call(koi, 'POST', `/api/shop/orders/${placed.body.id}/pay`, { channel: 'wechat_h5', returnPath: `/#/pages/order/detail?id=${placed.body.id}` }, { token });
      expect(pay.status, JSON.stringify(pay.body)).toBe(200);
      await payInCashier(koi, pay.body.action.url as string);
      await drain(koi);
      const order = (await call(koi, 'GET', `/api/shop/orders/${placed.body.id}`, undefined, { token })).body;
      expect(order.status).toBe('paid');
      const lines = order.lines as (Line & { id: string })[];
      return { token, order, paid: lines.find((l) => !l.gift)!, gift: lines.find((l) => l.gift)! };
    };
    const refund = async (token: string, orderId: string, lines: { id: string; quantity: number }[]) => {
      const applied = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: lines.map((l) => ({ lineId: l.id, quantity: l.quantity })), reason: 'not_wanted' }, { token });
      expect(applied.status, JSON.stringify(applied.body)).toBe(201);
      expect((await call(koi, 'POST', `/api/admin/aftersales/${applied.body.id}/approve`, {}, { token: owner })).status).toBe(200);
      await settle(koi);
      return applied.body.amountFen as number;
    };

    // The whole order, gift included: everything paid comes back and the order closes as refunded.
    const a = await placeAndPay('13500000331');
    expect(await refund(a.token, a.order.id, [a.paid, a.gift])).toBe(a.order.payableFen);
    expect((await call(koi, 'GET', `/api/shop/orders/${a.order.id}`, undefined, { token: a.token })).body).toMatchObject({ status: 'closed', closeReason: 'refunded' });

    // The paid line alone: its own payable, the gift stays with the shopper and the order is not fully refunded.
    const b = await placeAndPay('13500000332');
    expect(await refund(b.token, b.order.id, [b.paid])).toBe(b.paid.payableFen);
    expect((await call(koi, 'GET', `/api/shop/orders/${b.order.id}`, undefined, { token: b.token })).body.status).toBe('paid');
    expect((await stockOf(koi, giftSku)).onHand).toBe(3);
  });

  it('首单优惠 claim: two orders priced as first orders — the second claim is refused (409) until the first is released', async () => {
    const customerId = newId();
    const [a, b] = [newId(), newId()];
    const now = new Date();
    await koi.db.tx((q) => claimFirstOrder(q, customerId, a, now));
    await expect(koi.db.tx((q) => claimFirstOrder(q, customerId, b, now))).rejects.toMatchObject({ code: 'checkout.first_order_taken' });
    await koi.db.tx((q) => releaseFirstOrder(q, customerId, b)); // not b's: nothing released
    await expect(koi.db.tx((q) => claimFirstOrder(q, customerId, b, now))).rejects.toMatchObject({ code: 'checkout.first_order_taken' });
    await koi.db.tx((q) => releaseFirstOrder(q, customerId, a));
    await koi.db.tx((q) => claimFirstOrder(q, customerId, b, now));
  });

  it('首单优惠: two parallel first checkouts of one shopper — only one gets it; cancelling it frees it again', async () => {
    const tea = await makeSkus(koi, [{ priceFen: 8000, stock: 100 }]);
    const promo = await call(koi, 'POST', '/api/admin/promotions', {
      kind: 'first_order', name: '新客首单立减', args: { amountFen: 1000 }, scope: { type: 'products', ids: [tea.productId], excludeProductIds: [] },
      startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: null, status: 'active',
    }, { token: owner });
    expect(promo.status, JSON.stringify(promo.body)).toBe(200);
    const items = [{ skuId: tea.skuIds[0]!, quantity: 1 }];
    const token = await shopperWithAddress(koi, '13500000321');
    const results = await Promise.all([0, 1, 2].map((i) => call(koi, 'POST', '/api/shop/orders', { items }, { token, headers: { 'idempotency-key': `first-race-${i}` } })));
    const discounted = results.filter((r) => r.status === 201 && r.body.promotionDiscountFen === 1000);
    expect(discounted).toHaveLength(1);
    // The others were priced before the first committed and refused at the claim, or priced after it without the discount.
    for (const r of results.filter((x) => !discounted.includes(x))) {
      if (r.status === 201) expect(r.body.promotionDiscountFen).toBe(0);
      else expect(r.body.code).toBe('checkout.first_order_taken');
    }
    const ids = results.filter((r) => r.status === 201).map((r) => r.body.id as string);
    const claims = await koi.db.rows<{ order_id: string }>(sql`select order_id::text as order_id from order_first_claims where order_id::text = any(${sql.param(ids)}::text[])`);
    expect(claims.map((r) => r.order_id)).toEqual([discounted[0]!.body.id]);

    // Closed unpaid: the claim goes and the next first checkout gets the discount again (other open orders closed too).
    for (const r of results.filter((x) => x.status === 201)) await call(koi, 'POST', `/api/shop/orders/${r.body.id}/cancel`, undefined, { token });
    const again = await call(koi, 'POST', '/api/shop/orders', { items }, { token });
    expect(again.status).toBe(201);
    expect(again.body.promotionDiscountFen).toBe(1000);
  });

  it('swapped bought and gift SKUs in parallel orders (A gives B, B gives A): every order is placed, none deadlocks', async () => {
    const a = await makeSkus(koi, [{ priceFen: 30000, stock: 50 }], { title: '互赠甲', token: owner });
    const b = await makeSkus(koi, [{ priceFen: 30000, stock: 50 }], { title: '互赠乙', token: owner });
    const promo = (from: { productId: string }, gift: { skuIds: string[] }, name: string) => call(koi, 'POST', '/api/admin/promotions', {
      kind: 'full_gift', name, args: { by: 'amount', tiers: [{ thresholdFen: 29900, giftSkuId: gift.skuIds[0], giftName: name, quantity: 1 }] },
      scope: { type: 'products', ids: [from.productId], excludeProductIds: [] }, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: null, priority: 10, status: 'active',
    }, { token: owner });
    expect((await promo(a, b, '买甲赠乙')).status).toBe(200);
    expect((await promo(b, a, '买乙赠甲')).status).toBe(200);
    const tokens = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => shopperWithAddress(koi, `1350000034${i}`)));
    const placed = await Promise.all(tokens.map((token, i) =>
      call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: (i % 2 ? b : a).skuIds[0]!, quantity: 1 }] }, { token })));
    expect(placed.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(placed.every((r) => (r.body.lines as Line[]).some((l) => l.gift))).toBe(true);
    expect(await stockOf(koi, a.skuIds[0]!)).toMatchObject({ onHand: 50, reserved: 6 });
    expect(await stockOf(koi, b.skuIds[0]!)).toMatchObject({ onHand: 50, reserved: 6 });
  });
});
