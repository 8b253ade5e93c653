import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AfterSaleEvents, type TAfterSaleRefundedEvent } from '@koi/contracts';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress, stockOf } from './order-fixtures.ts';
import { eventsOf, payInCashier } from '../src/modules/payment/payment.fixtures.ts';
import { clock } from '../src/platform/clock.ts';
import { markShipped, paidOrder, RETURN_ADDRESS, settle } from './aftersale-fixtures.ts';

describe.each(DB_KINDS)('after-sales on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => { await koi?.dispose(); });

  const refundedEvents = async (orderId: string) => (await eventsOf<TAfterSaleRefundedEvent>(koi, AfterSaleEvents.refunded)).filter((e) => e.orderId === orderId);

  it('the demo has a pending request counting down and a request refunded through the simulator', async () => {
    const pending = await call(koi, 'GET', '/api/admin/aftersales?tab=pending', undefined, { token: owner });
    expect(pending.body.items).toEqual([expect.objectContaining({ status: 'requested', overdue: false, merchantDeadline: expect.any(String) })]);
    const done = await call(koi, 'GET', '/api/admin/aftersales?tab=done', undefined, { token: owner });
    expect(done.body.items).toEqual([expect.objectContaining({ status: 'refunded' })]);
    expect(done.body.items[0].refundedFen).toBe(done.body.items[0].amountFen);
    const settings = await call(koi, 'GET', '/api/admin/aftersales/settings', undefined, { token: owner });
    expect(settings.body.returnAddress).toMatchObject({ name: '青瓷小筑售后组' });
  });

  it('refund only before shipping: the whole order and its shipping come back through the simulator, and the order closes', async () => {
    const { token, order, orderId } = await paidOrder(koi, '13700000001', { priceFen: 8800, qty: 2 });
    const lineId = order.lines[0].id as string;
    const q = await call(koi, 'POST', '/api/shop/aftersales/quote', { orderId, kind: 'refund_only', items: [{ lineId, quantity: 2 }] }, { token });
    expect(q.status, JSON.stringify(q.body)).toBe(200);
    expect(q.body.maxAmountFen).toBe(order.payableFen);
    expect(q.body.shippingFen).toBe(order.payableFen - order.lines[0].payableFen);
    const exchange = await call(koi, 'POST', '/api/shop/aftersales/quote', { orderId, kind: 'return_refund', items: [{ lineId, quantity: 1 }] }, { token });
    expect(exchange.body.code).toBe('aftersale.not_allowed');

    const applied = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId, quantity: 2 }], reason: 'not_wanted', description: '拍错了' }, { token });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toMatchObject({ status: 'requested', amountFen: order.payableFen, actions: ['withdraw'] });
    const approved = await call(koi, 'POST', `/api/admin/aftersales/${applied.body.id}/approve`, {}, { token: owner });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('refunding');
    await settle(koi);

    const done = await call(koi, 'GET', `/api/shop/aftersales/${applied.body.id}`, undefined, { token });
    expect(done.body).toMatchObject({ status: 'refunded', refundedFen: order.payableFen });
    expect(done.body.steps.map((s: { status: string }) => s.status)).toEqual(['requested', 'approved', 'refunding', 'refunded']);
    const o = await call(koi, 'GET', `/api/shop/orders/${orderId}`, undefined, { token });
    expect(o.body).toMatchObject({ status: 'closed', closeReason: 'refunded' });
    const { refunds } = await koi.payment.paymentsOf('order', orderId);
    expect(refunds).toEqual([expect.objectContaining({ amountFen: order.payableFen, status: 'succeeded' })]);
    expect(await refundedEvents(orderId)).toEqual([expect.objectContaining({ amountFen: order.payableFen, orderFullyRefunded: true })]);
  });

  it('a line refunded before shipping is left out of the parcel, and the rest ships the order', async () => {
    const { token, order, orderId } = await paidOrder(koi, '13700000031', { priceFen: 5600, qty: 1, lines: 2 });
    const [kept, refunded] = order.lines as { id: string }[];
    const applied = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId: refunded!.id, quantity: 1 }], reason: 'not_wanted' }, { token });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    // While the request is open the unit is withheld already: the operator sees one line to ship.
    const plan = await call(koi, 'GET', `/api/admin/shipping/orders/${orderId}`, undefined, { token: owner });
    expect(plan.body.lines.map((l: { lineId: string; remaining: number }) => [l.lineId, l.remaining])).toEqual([[kept!.id, 1], [refunded!.id, 0]]);
    await call(koi, 'POST', `/api/admin/aftersales/${applied.body.id}/approve`, {}, { token: owner });
    await settle(koi);

    const shipped = await call(koi, 'POST', `/api/admin/shipping/orders/${orderId}/ship`, { packages: [{ courierCode: 'shunfeng', trackingNo: 'SF1400098765432' }] }, { token: owner });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    expect(shipped.body.orderStatus).toBe('shipped');
    const after = await call(koi, 'GET', `/api/admin/shipping/orders/${orderId}`, undefined, { token: owner });
    expect(after.body.shipments).toHaveLength(1);
    expect(after.body.shipments[0].lines.map((l: { lineId: string }) => l.lineId)).toEqual([kept!.id]);
  });

  it('return and refund: approve with the return address, tracking, receipt with restock, refund; the order shows it per line', async () => {
    const { token, order, orderId, skuIds } = await paidOrder(koi, '13700000002', { priceFen: 12_900, qty: 2 });
    await markShipped(koi, orderId, true);
    const before = await stockOf(koi, skuIds[0]!);
    const lineId = order.lines[0].id as string;
    const applied = await call(koi, 'POST', '/api/shop/aftersales', {
      orderId, kind: 'return_refund', items: [{ lineId, quantity: 1 }], reason: 'damaged', description: '杯口有裂纹', photos: ['/media/0196a1b2-photo.jpg'],
    }, { token });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body.amountFen).toBe(12_900);
    const settings = (await call(koi, 'GET', '/api/admin/aftersales/settings', undefined, { token: owner })).body;
    expect((await call(koi, 'PUT', '/api/admin/aftersales/settings', { ...settings, returnAddress: null }, { token: owner })).status).toBe(200);
    expect((await call(koi, 'POST', `/api/admin/aftersales/${applied.body.id}/approve`, {}, { token: owner })).body.code).toBe('aftersale.return_address_required');
    const approved = await call(koi, 'POST', `/api/admin/aftersales/${applied.body.id}/approve`, { returnAddress: RETURN_ADDRESS }, { token: owner });
    expect(approved.body).toMatchObject({ status: 'awaiting_return', returnAddress: RETURN_ADDRESS });
    expect((await call(koi, 'POST', `/api/shop/aftersales/${applied.body.id}/withdraw`, undefined, { token })).status).toBe(409);
    const sent = await call(koi, 'POST', `/api/shop/aftersales/${applied.body.id}/ship-back`, { courier: '顺丰速运', trackingNo: 'SF1400012345678' }, { token });
    expect(sent.body).toMatchObject({ status: 'returned', returnTrackingNo: 'SF1400012345678', adminActions: ['receive'] });
    const received = await call(koi, 'POST', `/api/admin/aftersales/${applied.body.id}/receive`, { restock: true }, { token: owner });
    expect(received.body).toMatchObject({ status: 'refunding', restocked: true });
    expect(await stockOf(koi, skuIds[0]!)).toMatchObject({ onHand: before.onHand + 1 });
    await settle(koi);

    expect((await call(koi, 'GET', `/api/admin/aftersales/${applied.body.id}`, undefined, { token: owner })).body.status).toBe('refunded');
    const view = await call(koi, 'GET', `/api/shop/orders/${orderId}/aftersales`, undefined, { token });
    expect(view.body.lines[0]).toMatchObject({ quantity: 2, refundedQuantity: 1, refundedFen: 12_900, availableQuantity: 1, openQuantity: 0 });
    expect(view.body.refundedFen).toBe(12_900);
    expect((await call(koi, 'GET', `/api/shop/orders/${orderId}`, undefined, { token })).body.status).toBe('completed');
    expect(await refundedEvents(orderId)).toEqual([expect.objectContaining({ amountFen: 12_900, orderFullyRefunded: false, lines: [expect.objectContaining({ lineId, quantity: 1, amountFen: 12_900 })] })]);
  });

  it('partial refunds of a line with a remainder add up to its allocation exactly, and never beyond', async () => {
    const { token, orderId } = await paidOrder(koi, '13700000003', { priceFen: 10_000, qty: 3, itemsPayableFen: 10_001 });
    await markShipped(koi, orderId);
    const line = (await call(koi, 'GET', `/api/shop/orders/${orderId}`, undefined, { token })).body.lines[0];
    expect(line.payableFen).toBe(10_001);
    const amounts: number[] = [];
    for (const quantity of [1, 1, 2, 1]) {
      if (quantity === 2) {
        const more = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId: line.id, quantity }], reason: 'quality' }, { token });
        expect(more.body.code).toBe('aftersale.quantity_exceeded');
        continue;
      }
      const a = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId: line.id, quantity }], reason: 'quality' }, { token });
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      amounts.push(a.body.amountFen);
      await call(koi, 'POST', `/api/admin/aftersales/${a.body.id}/approve`, {}, { token: owner });
      await settle(koi);
    }
    expect(amounts).toEqual([3_334, 3_334, 3_333]); // 10001 × 1/3 = 3333.67 → 3334; then 6667 over 2 units: a tie, 3334; the last gets what is left
    expect(amounts.reduce((n, x) => n + x, 0)).toBe(10_001);
    const more = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId: line.id, quantity: 1 }], reason: 'quality' }, { token });
    expect(more.body.code).toBe('aftersale.not_allowed'); // the order closed: nothing left to ask
    const { refunds, intents } = await koi.payment.paymentsOf('order', orderId);
    expect(refunds.map((r) => r.amountFen).sort()).toEqual([3_333, 3_334, 3_334]);
    expect(intents[0]!.refundedFen).toBe(10_001);
    // Shipping was paid and the parcel left: it does not come back, and the order closes (every unit refunded).
    expect((await call(koi, 'GET', `/api/shop/orders/${orderId}`, undefined, { token })).body).toMatchObject({ status: 'closed', closeReason: 'refunded' });
  });

  it('asking for less than the maximum, then a rejection gives the units back', async () => {
    const { token, order, orderId } = await paidOrder(koi, '13700000004', { priceFen: 5_000, qty: 2 });
    await markShipped(koi, orderId, true);
    const lineId = order.lines[0].id as string;
    const tooMuch = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId, quantity: 1 }], reason: 'other', amountFen: 5_001 }, { token });
    expect(tooMuch.body.code).toBe('aftersale.amount_exceeded');
    const a = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId, quantity: 2 }], reason: 'other', amountFen: 3_000 }, { token });
    expect(a.body.amountFen).toBe(3_000);
    expect((await call(koi, 'GET', `/api/shop/orders/${orderId}/aftersales`, undefined, { token })).body.lines[0]).toMatchObject({ availableQuantity: 0, openQuantity: 2 });
    const rejected = await call(koi, 'POST', `/api/admin/aftersales/${a.body.id}/reject`, { reason: '商品已使用，不支持退款' }, { token: owner });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '商品已使用，不支持退款', adminActions: [], actions: [] });
    expect((await call(koi, 'GET', `/api/shop/orders/${orderId}/aftersales`, undefined, { token })).body.lines[0]).toMatchObject({ availableQuantity: 2, openQuantity: 0 });
    expect((await call(koi, 'POST', `/api/admin/aftersales/${a.body.id}/approve`, {}, { token: owner })).status).toBe(409);
  });

  it('approves automatically past the merchant deadline; the window after receipt is enforced', async () => {
    const { token, order, orderId } = await paidOrder(koi, '13700000005', { priceFen: 6_600, qty: 1 });
    await markShipped(koi, orderId, true);
    const lineId = order.lines[0].id as string;
    const a = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId, quantity: 1 }], reason: 'late_delivery' }, { token });
    const list = await call(koi, 'GET', '/api/admin/aftersales?tab=pending', undefined, { token: owner });
    expect(list.body.items.find((i: { id: string }) => i.id === a.body.id)).toMatchObject({ overdue: false });
    expect(await koi.aftersales.ops.autoApproveDue()).toBe(0);
    clock.advance(48 * 3600_000 + 1000);
    try {
      const staff = await staffToken(koi, 'owner@koi.demo'); // sessions do not outlive two days of moved clock
      const overdue = await call(koi, 'GET', '/api/admin/aftersales?tab=pending', undefined, { token: staff });
      expect(overdue.body.items.find((i: { id: string }) => i.id === a.body.id)).toMatchObject({ overdue: true });
      expect(await koi.aftersales.ops.autoApproveDue()).toBeGreaterThanOrEqual(1);
      await settle(koi);
      const d = await call(koi, 'GET', `/api/shop/aftersales/${a.body.id}`, undefined, { token });
      expect(d.body.status).toBe('refunded');
      expect(d.body.steps[1]).toMatchObject({ status: 'approved', actor: 'system' });
      clock.advance(7 * 86_400_000);
      const late = await paidOrder(koi, '13700000006', { qty: 1 });
      await markShipped(koi, late.orderId, true);
      clock.advance(7 * 86_400_000 + 1000);
      const tooLate = await call(koi, 'POST', '/api/shop/aftersales/quote', { orderId: late.orderId, kind: 'return_refund', items: [{ lineId: late.order.lines[0].id, quantity: 1 }] }, { token: late.token });
      expect(tooLate.body.code).toBe('aftersale.window_passed');
    } finally {
      clock.reset();
    }
  });

  it('a coupon comes back when the whole order is refunded before shipping (the default rule), not on a partial refund', async () => {
    const { productId, skuIds: [skuId] } = await makeSkus(koi, [{ priceFen: 6_000, stock: 20 }]);
    const scope = { type: 'products', ids: [productId], excludeProductIds: [] };
    const tpl = await call(koi, 'POST', '/api/admin/coupon-templates', {
      kind: 'amount_off', name: '售后测试满 100 减 10', args: { thresholdFen: 10000, amountFen: 1000 }, scope,
      validity: { type: 'relative', days: 7 }, perCustomerLimit: 2, totalQuantity: null, status: 'active',
    }, { token: owner });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(200);
    const token = await shopperWithAddress(koi, '13700000009');
    const buy = async () => {
      const claimed = await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: tpl.body.id }, { token });
      expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
      const placed = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId, quantity: 2 }], couponIds: [claimed.body.id] }, { token });
      expect(placed.body.couponDiscountFen).toBe(1000);
      const pay = await call(koi, 'POST', `/api/shop/orders/${placed.body.id}/pay`, { channel: 'wechat_h5' }, { token });
      await payInCashier(koi, pay.body.action.url as string);
      await settle(koi);
      return { orderId: placed.body.id as string, lineId: placed.body.lines[0].id as string, couponId: claimed.body.id as string };
    };
    const couponStatus = async (id: string) => (await koi.db.rows<{ status: string }>(sql`select status from promotion_coupons where id = ${id}`))[0]!.status;
    const refund = async (orderId: string, lineId: string, quantity: number) => {
      const a = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId, quantity }], reason: 'not_wanted' }, { token });
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      await call(koi, 'POST', `/api/admin/aftersales/${a.body.id}/approve`, {}, { token: owner });
      await settle(koi);
    };

    const whole = await buy();
    expect(await couponStatus(whole.couponId)).toBe('used');
    await refund(whole.orderId, whole.lineId, 2);
    expect(await couponStatus(whole.couponId)).toBe('available');

    const part = await buy();
    await refund(part.orderId, part.lineId, 1);
    expect(await couponStatus(part.couponId)).toBe('used');
  });

  it('a shopper cannot see or touch another shopper\'s after-sale or order', async () => {
    const { token, order, orderId } = await paidOrder(koi, '13700000007', { qty: 1 });
    const a = await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId: order.lines[0].id, quantity: 1 }], reason: 'not_wanted' }, { token });
    const other = await shopperToken(koi, '13700000008');
    expect((await call(koi, 'GET', `/api/shop/aftersales/${a.body.id}`, undefined, { token: other })).status).toBe(404);
    expect((await call(koi, 'POST', `/api/shop/aftersales/${a.body.id}/withdraw`, undefined, { token: other })).status).toBe(404);
    expect((await call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId: order.lines[0].id, quantity: 1 }], reason: 'not_wanted' }, { token: other })).status).toBe(404);
    expect((await call(koi, 'GET', '/api/shop/aftersales', undefined, { token: other })).body.items).toEqual([]);
    const guide = await staffToken(koi, 'guide.hz@koi.demo');
    expect((await call(koi, 'POST', `/api/admin/aftersales/${a.body.id}/approve`, {}, { token: guide })).status).toBe(403);
    const mine = await call(koi, 'POST', `/api/shop/aftersales/${a.body.id}/withdraw`, undefined, { token });
    expect(mine.body).toMatchObject({ status: 'withdrawn', actions: [] });
  });
});
