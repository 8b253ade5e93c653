import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderEvents, type TOrderPaidEvent } from '@koi/contracts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress, stockOf } from './order-fixtures.ts';
import { eventsOf, payInCashier } from '../src/modules/payment/payment.fixtures.ts';

describe.each(DB_KINDS)('orders and payments on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => { koi = await startKoi(kind); });
  afterAll(async () => { await koi?.dispose(); });

  const drain = async () => { while ((await koi.bus.dispatchOnce()) > 0); };

  async function placed(phone: string, priceFen = 8800, qty = 2) {
    const { productId, skuIds: [a] } = await makeSkus(koi, [{ priceFen, stock: 10 }]);
    const token = await shopperWithAddress(koi, phone);
    const order = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: qty }], couponIds: [] }, { token });
    expect(order.status).toBe(201);
    return { token, order: order.body, skuId: a!, productId };
  }

  async function cashierUrl(token: string, orderId: string, channel = 'wechat_h5') {
    const pay = await call(koi, 'POST', `/api/shop/orders/${orderId}/pay`, { channel, returnPath: `/#/pages/order/detail?id=${orderId}` }, { token });
    expect(pay.status).toBe(200);
    expect(pay.body.action.kind).toBe('redirect');
    return pay.body.action.url as string;
  }

  it('pays through the WeChat Pay cashier: the order is paid once, stock leaves the shelf and sales count', async () => {
    const { token, order, skuId, productId } = await placed('13600000001');
    const url = await cashierUrl(token, order.id);
    const { res } = await payInCashier(koi, url);
    expect(res.statusCode).toBe(303);
    await drain();
    const paid = await call(koi, 'GET', `/api/shop/orders/${order.id}`, undefined, { token });
    expect(paid.body).toMatchObject({ status: 'paid', paidFen: order.payableFen, actions: [] });
    expect(paid.body.payment).toMatchObject({ channel: 'wechatpay' });
    expect(await stockOf(koi, skuId)).toMatchObject({ onHand: 8, reserved: 0, available: 8 });
    const events = (await eventsOf<TOrderPaidEvent>(koi, OrderEvents.paid)).filter((e) => e.orderId === order.id);
    expect(events).toHaveLength(1);
    const detail = await call(koi, 'GET', `/api/shop/catalog/products/${productId}`);
    expect(detail.body.sales).toBe(2);
    // paying again is refused
    const again = await call(koi, 'POST', `/api/shop/orders/${order.id}/pay`, { channel: 'wechat_h5' }, { token });
    expect(again.status).toBe(409);

    // 确认收货 only once shipped (shipping itself comes with fulfilment: stand in for it here).
    expect((await call(koi, 'POST', `/api/shop/orders/${order.id}/confirm-receipt`, undefined, { token })).body.code).toBe('order.not_shipped');
    await koi.db.rows(sql`update orders set status = 'shipped', shipped_at = now() where id = ${order.id}`);
    const done = await call(koi, 'POST', `/api/shop/orders/${order.id}/confirm-receipt`, undefined, { token });
    expect(done.body).toMatchObject({ status: 'completed', actions: [] });
    expect(done.body.completedAt).toBeTruthy();
  });

  it('20 concurrent duplicate callbacks pay the order once', async () => {
    const { token, order } = await placed('13600000002');
    const url = await cashierUrl(token, order.id, 'alipay_wap');
    const sims = koi.payment.simulators!;
    await payInCashier(koi, url);
    const [n] = await koi.db.rows<{ id: string }>(sql`select id from payment_sim_notifications order by created_at desc limit 1`);
    const req = await sims.notifications.signedRequest(n!.id);
    const target = new URL(req.url);
    const results = await Promise.all(Array.from({ length: 20 }, () => koi.app.inject({
      method: 'POST', url: `${target.pathname}${target.search}`, headers: req.headers, payload: req.body,
    })));
    expect(results.every((r) => r.statusCode === 200 && r.body === 'success')).toBe(true);
    await drain();
    const events = (await eventsOf<TOrderPaidEvent>(koi, OrderEvents.paid)).filter((e) => e.orderId === order.id);
    expect(events).toHaveLength(1);
    expect((await call(koi, 'GET', `/api/shop/orders/${order.id}`, undefined, { token })).body.status).toBe('paid');
  });

  it('a payment that lands after the order closed is refunded in full', async () => {
    const { token, order, skuId } = await placed('13600000003');
    const url = await cashierUrl(token, order.id);
    await payInCashier(koi, url); // the provider took the money; the event is not handled yet
    const cancelled = await call(koi, 'POST', `/api/shop/orders/${order.id}/cancel`, undefined, { token });
    expect(cancelled.body.status).toBe('closed');
    await drain();
    await drain();
    expect((await call(koi, 'GET', `/api/shop/orders/${order.id}`, undefined, { token })).body.status).toBe('closed');
    const { refunds } = await koi.payment.paymentsOf('order', order.id);
    expect(refunds).toEqual([expect.objectContaining({ amountFen: order.payableFen })]);
    expect(await stockOf(koi, skuId)).toMatchObject({ onHand: 10, reserved: 0 });
  });

  it('shows the operator the order with its per-line allocation; 改价 is audited and only for those allowed', async () => {
    const { order } = await placed('13600000004', 10000, 3);
    const owner = await staffToken(koi, 'owner@koi.demo');
    const guide = await staffToken(koi, 'guide.hz@koi.demo');
    const list = await call(koi, 'GET', `/api/admin/orders?q=${order.orderNo}`, undefined, { token: owner });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].buyerMobile).toBe('136****0004');
    expect((await call(koi, 'GET', '/api/admin/orders?q=0004', undefined, { token: owner })).body.items.map((o: { id: string }) => o.id)).toContain(order.id);

    const forbidden = await call(koi, 'POST', `/api/admin/orders/${order.id}/adjust`, { itemsPayableFen: 20000, shippingFen: 0, reason: '老客优惠' }, { token: guide });
    expect(forbidden.status).toBe(403);
    const adjusted = await call(koi, 'POST', `/api/admin/orders/${order.id}/adjust`, { itemsPayableFen: 25001, shippingFen: 0, reason: '老客优惠' }, { token: owner });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body.payableFen).toBe(25001);
    expect(adjusted.body.lines.reduce((n: number, l: { payableFen: number }) => n + l.payableFen, 0)).toBe(25001);
    expect(adjusted.body.adjustments).toEqual([expect.objectContaining({ staffName: expect.any(String), afterFen: 25001, reason: '老客优惠' })]);
    const tooHigh = await call(koi, 'POST', `/api/admin/orders/${order.id}/adjust`, { itemsPayableFen: 30001, shippingFen: 0, reason: 'x' }, { token: owner });
    expect(tooHigh.status).toBe(422);

    const remark = await call(koi, 'PUT', `/api/admin/orders/${order.id}/remark`, { remark: '顺丰发货' }, { token: owner });
    expect(remark.body.merchantRemark).toBe('顺丰发货');
    const closed = await call(koi, 'POST', `/api/admin/orders/${order.id}/close`, { reason: '买家要求' }, { token: owner });
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'merchant_closed', adminActions: ['remark'] });

    const xlsx = await koi.app.inject({ method: 'GET', url: `/api/admin/orders/export?q=${order.orderNo}`, headers: { authorization: `Bearer ${owner}` } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect(String(ws.getRow(2).getCell(1).value)).toBe(order.orderNo);
    expect(String(ws.getRow(2).getCell(5).value)).toBe('136****0004');
  });
});
