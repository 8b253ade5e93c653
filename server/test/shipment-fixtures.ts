import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Koi } from '../src/app.ts';
import { call } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';

/**
 * A paid express order of a fresh shopper: placed through the shop API, then marked paid through
 * the order lifecycle exactly as the payment callback does (payment has its own tests).
 */
export async function paidOrder(koi: Koi, phone: string, quantities: number[]) {
  const { skuIds } = await makeSkus(koi, quantities.map(() => ({ priceFen: 6800, stock: 50 })));
  const token = await shopperWithAddress(koi, phone);
  const placed = await call(koi, 'POST', '/api/shop/orders', { items: skuIds.map((skuId, i) => ({ skuId, quantity: quantities[i]! })), couponIds: [] }, { token });
  if (placed.status !== 201) throw new Error(JSON.stringify(placed.body));
  const orderId = placed.body.id as string;
  const { order, lines } = await koi.orders.queries.one(orderId, null);
  const paid = await koi.db.tx((q) => koi.orders.lifecycle.markPaid(q, orderId, { channel: 'wechatpay', transactionId: `42000${randomBytes(6).toString('hex')}`, amountFen: order.payableFen }));
  if (!paid) throw new Error('order not paid');
  return { token, orderId, orderNo: order.orderNo, lines: lines.map((l) => ({ id: l.id, quantity: l.quantity, title: l.title })) };
}

/** A tracking number of the courier's format, unique per call. */
export const sfNo = () => `SF${String(Date.now()).slice(-7)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
export const ytNo = () => `YT${String(Date.now()).slice(-7)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

export async function eventsOf<T>(koi: Koi, topic: string): Promise<T[]> {
  const rows = await koi.db.rows<{ payload: T | string }>(sql`select payload from outbox_events where topic = ${topic} order by id`);
  return rows.map((r) => (typeof r.payload === 'string' ? (JSON.parse(r.payload) as T) : r.payload));
}
