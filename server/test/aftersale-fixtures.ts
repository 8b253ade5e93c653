import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Koi } from '../src/app.ts';
import { call, staffToken } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';
import { clock } from '../src/platform/clock.ts';
import { payInCashier } from '../src/modules/payment/payment.fixtures.ts';

export const drain = async (koi: Koi) => { while ((await koi.bus.dispatchOnce()) > 0); };

/** Delivers owed simulator callbacks (WeChat refunds answer by callback) and dispatches the events. */
export async function settle(koi: Koi) {
  await drain(koi);
  await koi.payment.simulators!.notifications.runDue();
  await drain(koi);
}

/**
 * A paid order of `qty` units at `priceFen` (WeChat H5 through the simulated cashier); with
 * `itemsPayableFen` the operator's 改价 sets what the items cost first (an allocation with remainders).
 */
export async function paidOrder(koi: Koi, phone: string, o: { priceFen?: number; qty?: number; itemsPayableFen?: number; lines?: number } = {}) {
  const n = o.lines ?? 1;
  const { skuIds } = await makeSkus(koi, Array.from({ length: n }, () => ({ priceFen: o.priceFen ?? 8800, stock: 10 })));
  const token = await shopperWithAddress(koi, phone);
  const placed = await call(koi, 'POST', '/api/shop/orders', { items: skuIds.map((skuId) => ({ skuId, quantity: o.qty ?? 2 })), couponIds: [] }, { token });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  const orderId = placed.body.id as string;
  if (o.itemsPayableFen !== undefined) {
    const owner = await staffToken(koi, 'owner@koi.demo');
    const adj = await call(koi, 'POST', `/api/admin/orders/${orderId}/adjust`, { itemsPayableFen: o.itemsPayableFen, shippingFen: 0, reason: '测试改价' }, { token: owner });
    expect(adj.status, JSON.stringify(adj.body)).toBe(200);
  }
  const pay = await call(koi, 'POST', `/api/shop/orders/${orderId}/pay`, { channel: 'wechat_h5', returnPath: `/#/pages/order/detail?id=${orderId}` }, { token });
  expect(pay.status, JSON.stringify(pay.body)).toBe(200);
  await payInCashier(koi, pay.body.action.url as string);
  await drain(koi);
  const order = await call(koi, 'GET', `/api/shop/orders/${orderId}`, undefined, { token });
  expect(order.body.status).toBe('paid');
  return { token, order: order.body, orderId, skuIds };
}

/** Stands in for fulfilment: the order shipped (and, with `completed`, was received). */
export async function markShipped(koi: Koi, orderId: string, completed = false) {
  await koi.db.rows(sql`update orders set status = ${completed ? 'completed' : 'shipped'}, shipped_at = now(), completed_at = ${completed ? clock.now().toISOString() : null}::timestamptz where id = ${orderId}`);
}

export const RETURN_ADDRESS = { name: '青瓷小筑售后', mobile: '0571-88886666', address: '浙江省杭州市余杭区仓前街道 良睦路 1399 号 3 幢' };
