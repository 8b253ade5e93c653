import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AfterSaleEvents, PaymentEvents, type TAfterSaleRefundedEvent, type TPaymentRefundEvent } from '@koi/contracts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { eventsOf } from '../src/modules/payment/payment.fixtures.ts';
import { drain, markShipped, paidOrder, settle } from './aftersale-fixtures.ts';

describe.each(DB_KINDS)('after-sale races on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => { await koi?.dispose(); });

  const ask = (token: string, orderId: string, lineId: string, quantity: number) =>
    call(koi, 'POST', '/api/shop/aftersales', { orderId, kind: 'refund_only', items: [{ lineId, quantity }], reason: 'not_wanted' }, { token });

  it('two refund requests at once for the same units: one request, one refund', async () => {
    const { token, order, orderId } = await paidOrder(koi, '13710000001', { priceFen: 9_900, qty: 2 });
    await markShipped(koi, orderId);
    const lineId = order.lines[0].id as string;
    const two = await Promise.all([ask(token, orderId, lineId, 2), ask(token, orderId, lineId, 2)]);
    expect(two.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(two.find((r) => r.status === 409)!.body.code).toBe('aftersale.quantity_exceeded');
    const id = two.find((r) => r.status === 201)!.body.id as string;
    // Two operators press 同意 at once: one refund.
    const approvals = await Promise.all([1, 2].map(() => call(koi, 'POST', `/api/admin/aftersales/${id}/approve`, {}, { token: owner })));
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
    await settle(koi);
    const { refunds } = await koi.payment.paymentsOf('order', orderId);
    expect(refunds).toEqual([expect.objectContaining({ amountFen: 19_800, status: 'succeeded' })]);
  });

  it('ten one-unit requests at once on a three-unit line: exactly three, adding up to the line', async () => {
    const { token, orderId } = await paidOrder(koi, '13710000002', { priceFen: 10_000, qty: 3, itemsPayableFen: 20_000 });
    await markShipped(koi, orderId);
    const line = (await call(koi, 'GET', `/api/shop/orders/${orderId}`, undefined, { token })).body.lines[0];
    const many = await Promise.all(Array.from({ length: 10 }, () => ask(token, orderId, line.id, 1)));
    const ok = many.filter((r) => r.status === 201);
    expect(ok).toHaveLength(3);
    expect(many.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'aftersale.quantity_exceeded')).toBe(true);
    expect(ok.reduce((n, r) => n + (r.body.amountFen as number), 0)).toBe(line.payableFen);
  });

  it('duplicate refund callbacks: refunded once, one aftersale.refunded', async () => {
    const { token, order, orderId } = await paidOrder(koi, '13710000003', { priceFen: 7_700, qty: 1 });
    await markShipped(koi, orderId, true);
    const a = await ask(token, orderId, order.lines[0].id, 1);
    await call(koi, 'POST', `/api/admin/aftersales/${a.body.id}/approve`, {}, { token: owner });
    await drain(koi);
    const [n] = await koi.db.rows<{ id: string }>(sql`select id from payment_sim_notifications order by created_at desc limit 1`);
    const req = await koi.payment.simulators!.notifications.signedRequest(n!.id);
    const target = new URL(req.url);
    const results = await Promise.all(Array.from({ length: 10 }, () => koi.app.inject({
      method: 'POST', url: `${target.pathname}${target.search}`, headers: req.headers, payload: req.body,
    })));
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 204)).toBe(true);
    await drain(koi);
    await settle(koi);
    const mine = (await eventsOf<TAfterSaleRefundedEvent>(koi, AfterSaleEvents.refunded)).filter((e) => e.orderId === orderId);
    expect(mine).toEqual([expect.objectContaining({ amountFen: 7_700, orderFullyRefunded: true })]);
    // The payment event delivered again (at least once): the subscriber changes nothing.
    const [paymentEvent] = (await eventsOf<TPaymentRefundEvent>(koi, PaymentEvents.refundSucceeded)).filter((e) => e.payableId === orderId);
    const { onRefundSucceeded } = await import('../src/modules/aftersale/refunds.ts');
    await koi.db.tx(async (q) => {
      // Called directly with a context of the real services: the status guard makes it a no-op.
      await onRefundSucceeded({ db: koi.db, log: koi.log, orders: koi.orders, payment: koi.payment, inventory: koi.inventory, promotion: koi.promotion, wallet: koi.loyalty.wallet, settings: koi.aftersales.settings }, q, paymentEvent!);
    });
    const view = await call(koi, 'GET', `/api/shop/orders/${orderId}/aftersales`, undefined, { token });
    expect(view.body.lines[0]).toMatchObject({ refundedQuantity: 1, refundedFen: 7_700 });
    expect(view.body.refundedFen).toBe(7_700);
    expect((await eventsOf<TAfterSaleRefundedEvent>(koi, AfterSaleEvents.refunded)).filter((e) => e.orderId === orderId)).toHaveLength(1);
  });
});
