import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderEvents, type TOrderPaidEvent } from '@koi/contracts';
import { call, DB_KINDS, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';
import { eventsOf, payInCashier } from '../src/modules/payment/payment.fixtures.ts';
import { settle } from './aftersale-fixtures.ts';
import { balances, customerOf, drain, givePoints, ownerToken, recharge, setRedeem } from './checkout-loyalty-fixtures.ts';

type Line = { payableFen: number; discounts: { source: string; amountFen: number }[] };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(DB_KINDS)('checkout with points and balance on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => { koi = await startKoi(kind); });
  afterAll(async () => { await koi?.dispose(); });

  it('previews "可用 N 积分抵 ¥X" within the cap, spends what the shopper chose, allocated to the lines', async () => {
    await setRedeem(koi, { perYuan: 100, capPercent: 50 });
    const { skuIds: [a, b] } = await makeSkus(koi, [{ priceFen: 9900, stock: 10 }, { priceFen: 3300, stock: 10 }]);
    const token = await shopperWithAddress(koi, '13700000001');
    const customerId = await customerOf(koi, token);
    await givePoints(koi, customerId, 1_000_000, 'cl:preview');
    const items = [{ skuId: a, quantity: 1 }, { skuId: b, quantity: 2 }];

    const off = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [] }, { token })).body;
    const goods = off.itemsTotalFen - off.promotionDiscountFen - off.couponDiscountFen;
    expect(off.points).toMatchObject({ balance: 1_000_000, perYuan: 100, capPercent: 50, used: 0, valueFen: 0, chosen: false });
    expect(off.points.usableFen).toBe(Math.floor(goods / 2)); // the cap: half of what is left after discounts
    expect(off.points.usable).toBe(off.points.usableFen); // 100 points = ¥1: one point a fen
    expect(off.pointsFen).toBe(0);
    expect(off.balance).toBeNull();

    const all = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], usePoints: true }, { token })).body;
    expect(all.points).toMatchObject({ used: off.points.usable, valueFen: off.points.usableFen, chosen: true });
    expect(all.pointsFen).toBe(off.points.usableFen);
    expect(all.payableFen).toBe(off.payableFen - all.pointsFen);
    expect(all.cashPayableFen).toBe(all.payableFen);
    const pointShares = all.lines.map((l: Line) => sum(l.discounts.filter((d) => d.source === 'points').map((d) => d.amountFen)));
    expect(sum(pointShares)).toBe(all.pointsFen);
    expect(pointShares.every((n: number) => n > 0)).toBe(true);
    expect(sum(all.lines.map((l: Line) => l.payableFen))).toBe(goods - all.pointsFen);

    const some = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], usePoints: 250 }, { token })).body;
    expect(some.points).toMatchObject({ used: 250, valueFen: 250 });
    expect(some.payableFen).toBe(off.payableFen - 250);

    // The merchant's rule drives it: 10 points = ¥1, at most 20 %.
    await setRedeem(koi, { perYuan: 10, capPercent: 20 });
    const capped = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], usePoints: true }, { token })).body;
    expect(capped.pointsFen).toBe(Math.floor(goods / 5));
    expect(capped.points.used).toBe(Math.ceil(capped.pointsFen / 10));
    await setRedeem(koi, { perYuan: 100, capPercent: 50 });

    const order = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], usePoints: 250 }, { token });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body).toMatchObject({ status: 'pending_payment', pointsUsed: 250, pointsFen: 250, balanceFen: 0, payableFen: some.payableFen, cashFen: some.payableFen });
    expect((await balances(koi, customerId)).points).toBe(1_000_000 - 250);
  });

  it('refuses points or balance the shopper does not have with a 409, and cancelling gives both back at once', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 28_800, stock: 10 }]);
    const token = await shopperWithAddress(koi, '13700000002');
    const customerId = await customerOf(koi, token);
    const items = [{ skuId: a, quantity: 1 }];
    const short = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], useBalance: true }, { token });
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('loyalty.insufficient_balance');
    await givePoints(koi, customerId, 500, 'cl:cancel');
    const tooMany = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], usePoints: 501 }, { token });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.code).toBe('loyalty.insufficient_points');

    await recharge(koi, token, 10_000);
    const before = await balances(koi, customerId);
    expect(before).toEqual({ points: 500, walletFen: 10_000 });
    const order = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], usePoints: true, useBalance: true }, { token });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body).toMatchObject({ pointsUsed: 500, pointsFen: 500, balanceFen: 10_000, status: 'pending_payment' });
    expect(order.body.cashFen).toBe(order.body.payableFen - 10_000);
    expect(await balances(koi, customerId)).toEqual({ points: 0, walletFen: 0 });

    const cancelled = await call(koi, 'POST', `/api/shop/orders/${order.body.id}/cancel`, undefined, { token });
    expect(cancelled.body.status).toBe('closed');
    expect(await balances(koi, customerId)).toEqual(before);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('an order the balance covers is paid at once, with no provider payment', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 3_000, stock: 10 }]);
    const token = await shopperWithAddress(koi, '13700000003');
    const customerId = await customerOf(koi, token);
    await recharge(koi, token, 20_000);
    const preview = (await call(koi, 'POST', '/api/shop/checkout/preview', { items: [{ skuId: a, quantity: 1 }], couponIds: [], useBalance: true }, { token })).body;
    expect(preview.balance).toMatchObject({ balanceFen: 20_000, usableFen: preview.payableFen, usedFen: preview.payableFen, chosen: true });
    expect(preview.cashPayableFen).toBe(0);
    const order = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: 1 }], couponIds: [], useBalance: true }, { token });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body).toMatchObject({ status: 'paid', balanceFen: preview.payableFen, cashFen: 0, paidFen: preview.payableFen });
    expect(order.body.payment).toMatchObject({ channel: 'balance', transactionId: null });
    const pay = await call(koi, 'POST', `/api/shop/orders/${order.body.id}/pay`, { channel: 'wechat_h5' }, { token });
    expect(pay.body.action).toEqual({ kind: 'none' });
    await drain(koi);
    const paid = (await eventsOf<TOrderPaidEvent>(koi, OrderEvents.paid)).filter((e) => e.orderId === order.body.id);
    expect(paid.map((e) => e.paidFen)).toEqual([preview.payableFen]);
    expect((await balances(koi, customerId)).walletFen).toBe(20_000 - preview.payableFen);
    // spent, not held: cancelling is refused and the balance stays spent
    expect((await call(koi, 'POST', `/api/shop/orders/${order.body.id}/cancel`, undefined, { token })).status).toBe(409);
    const me = (await call(koi, 'GET', '/api/shop/loyalty/me', undefined, { token })).body;
    expect(me.wallet).toMatchObject({ totalFen: 20_000 - preview.payableFen, heldFen: 0 });
    expect(await koi.loyalty.findDrift()).toEqual([]);
    // Refund only before shipping: everything the balance paid goes back to the balance, no provider involved.
    const applied = await call(koi, 'POST', '/api/shop/aftersales', { orderId: order.body.id, kind: 'refund_only', items: [{ lineId: order.body.lines[0].id, quantity: 1 }], reason: 'not_wanted' }, { token });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const approved = await call(koi, 'POST', `/api/admin/aftersales/${applied.body.id}/approve`, {}, { token: await ownerToken(koi) });
    expect(approved.body).toMatchObject({ status: 'refunded', refundedFen: preview.payableFen });
    expect((await balances(koi, customerId)).walletFen).toBe(20_000);
    expect((await koi.payment.paymentsOf('order', order.body.id)).refunds).toEqual([]);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('part balance + WeChat Pay: the cashier asks only for the rest, and payment spends the held balance', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 18_800, stock: 10 }]);
    const token = await shopperWithAddress(koi, '13700000004');
    const customerId = await customerOf(koi, token);
    await recharge(koi, token, 5_000);
    const order = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: 1 }], couponIds: [], useBalance: true }, { token });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const cash = order.body.payableFen - 5_000;
    expect(order.body).toMatchObject({ status: 'pending_payment', balanceFen: 5_000, cashFen: cash });
    const lines = await koi.db.rows<{ balance_fen: string | number }>(
      sql`select balance_fen from order_lines where order_id = ${order.body.id}`);
    expect(sum(lines.map((l) => Number(l.balance_fen)))).toBeLessThanOrEqual(5_000); // the rest (if any) is the shipping fee's share

    // 改价 would leave the held balance wrong: refused with its own 409
    const owner = await ownerToken(koi);
    const adjust = await call(koi, 'POST', `/api/admin/orders/${order.body.id}/adjust`, { itemsPayableFen: 10_000, shippingFen: 0, reason: '老客优惠' }, { token: owner });
    expect(adjust.status).toBe(409);
    expect(adjust.body.code).toBe('order.adjust_balance_held');

    const pay = await call(koi, 'POST', `/api/shop/orders/${order.body.id}/pay`, { channel: 'wechat_h5', returnPath: `/#/pages/order/detail?id=${order.body.id}` }, { token });
    expect(pay.body.action.kind).toBe('redirect');
    const intents = await koi.db.rows<{ amount_fen: string | number }>(
      sql`select amount_fen from payment_intents where payable_id = ${order.body.id}`);
    expect(intents.map((i) => Number(i.amount_fen))).toEqual([cash]);
    await payInCashier(koi, pay.body.action.url);
    await drain(koi);
    const paid = await call(koi, 'GET', `/api/shop/orders/${order.body.id}`, undefined, { token });
    expect(paid.body).toMatchObject({ status: 'paid', paidFen: order.body.payableFen, balanceFen: 5_000 });
    expect(paid.body.payment).toMatchObject({ channel: 'wechatpay' });
    const me = (await call(koi, 'GET', '/api/shop/loyalty/me', undefined, { token })).body;
    expect(me.wallet).toMatchObject({ totalFen: 0, heldFen: 0 });
    expect(await koi.loyalty.findDrift()).toEqual([]);
    expect((await balances(koi, customerId)).walletFen).toBe(0);

    // Refund the whole order before shipping: the balance part back to the balance, the rest through WeChat Pay.
    const applied = await call(koi, 'POST', '/api/shop/aftersales', { orderId: order.body.id, kind: 'refund_only', items: [{ lineId: order.body.lines[0].id, quantity: 1 }], reason: 'not_wanted' }, { token });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body.amountFen).toBe(order.body.payableFen);
    await call(koi, 'POST', `/api/admin/aftersales/${applied.body.id}/approve`, {}, { token: owner });
    await settle(koi);
    const done = await call(koi, 'GET', `/api/shop/aftersales/${applied.body.id}`, undefined, { token });
    expect(done.body).toMatchObject({ status: 'refunded', refundedFen: order.body.payableFen });
    expect((await balances(koi, customerId)).walletFen).toBe(5_000);
    const { refunds } = await koi.payment.paymentsOf('order', order.body.id);
    expect(refunds).toEqual([expect.objectContaining({ amountFen: cash, status: 'succeeded' })]);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });
});
