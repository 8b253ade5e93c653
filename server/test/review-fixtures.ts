import type { Koi } from '../src/app.ts';
import { call } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';

export type Buyer = { token: string; customerId: string };

export async function buyer(koi: Koi, phone: string): Promise<Buyer> {
  const token = await shopperWithAddress(koi, phone);
  const me = await call(koi, 'GET', '/api/shop/me', undefined, { token });
  return { token, customerId: me.body.id };
}

/**
 * An order of `b` for the given SKUs, paid through the order lifecycle (no payment provider: reviews
 * only care that it was paid), and — unless `upTo` says otherwise — shipped and received.
 */
export async function orderOf(koi: Koi, b: Buyer, skuIds: string[], upTo: 'paid' | 'completed' = 'completed'): Promise<{ orderId: string; lineIds: string[] }> {
  const orderId = await koi.orders.submit(b.customerId, { items: skuIds.map((skuId) => ({ skuId, quantity: 1 })), couponIds: [] }, 'zh-CN');
  const { order, lines } = await koi.orders.queries.one(orderId, b.customerId);
  await koi.db.tx(async (q) => {
    if (!(await koi.orders.lifecycle.markPaid(q, orderId, { channel: 'wechat_h5', transactionId: `T${order.orderNo}`, amountFen: order.payableFen }))) throw new Error('not paid');
  });
  if (upTo === 'completed') {
    await koi.db.tx(async (q) => {
      if (!(await koi.orders.lifecycle.ship(q, orderId))) throw new Error('not shipped');
    });
    await koi.orders.lifecycle.confirmReceipt(orderId, b.customerId);
  }
  return { orderId, lineIds: lines.map((l) => l.id) };
}

/** A product with `n` SKUs on sale (plenty of stock). */
export async function product(koi: Koi, n = 1, title?: string) {
  return makeSkus(koi, Array.from({ length: n }, (_, i) => ({ priceFen: 3900 + i * 100, stock: 100 })), title ? { title } : {});
}

export function review(koi: Koi, b: Buyer, body: Record<string, unknown>) {
  return call(koi, 'POST', '/api/shop/reviews', body, { token: b.token });
}
