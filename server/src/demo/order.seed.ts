import type { Koi } from '../app.ts';
import { clock } from '../platform/clock.ts';

// `coupon`: let checkout pick the shopper's best coupon; otherwise none is used (13916880001 keeps
// their 新客券 for the first demo checkout).
// `daysAgo`: when it happened (paid and closed orders only: unpaid ones are placed now, so they are
// still within their payment time).
type Buyer = { phone: string; buys: number[][]; then: 'pay' | 'leave' | 'cancel'; channel?: 'wechat_h5' | 'alipay_wap'; remark?: string; coupon?: boolean; daysAgo?: number };

/**
 * Orders of the demo shoppers, placed and paid the way a shopper does it: checkout through the
 * order service (server prices, 满减 and the best coupon, stock reserved), then payment in the
 * WeChat Pay or Alipay simulator with its signed callback — so the admin's order list shows paid,
 * unpaid and closed orders with real allocations.
 */
const BUYERS: Buyer[] = [
  { phone: '13916880001', buys: [[0, 1], [3, 2]], then: 'pay', remark: '送朋友的，请用礼盒包装', daysAgo: 6 },
  { phone: '13916880002', buys: [[1, 1], [4, 1]], then: 'pay', channel: 'alipay_wap', coupon: true, daysAgo: 3 },
  { phone: '13916880003', buys: [[2, 2]], then: 'pay', daysAgo: 1 },
  { phone: '13916880004', buys: [[5, 1], [6, 1]], then: 'cancel', daysAgo: 2 },
  { phone: '13916880005', buys: [[7, 1], [0, 1]], then: 'leave' },
  { phone: '13916880001', buys: [[8, 1]], then: 'leave' },
];

export async function seedOrders(koi: Pick<Koi, 'identity' | 'catalog' | 'orders' | 'payment' | 'bus' | 'config' | 'app'>): Promise<number> {
  const sims = koi.payment.simulators;
  const { items: rows } = await koi.catalog.list({ status: 'on_sale' }, 1, 20);
  const skus: string[] = [];
  for (const r of rows) {
    const p = await koi.catalog.products.get(r.id);
    const sku = p.skus.find((s) => s.stock >= 5);
    if (sku) skus.push(sku.id);
  }
  let placed = 0;
  for (const b of BUYERS) {
    // The demo's history: move the clock back for this order and forward again afterwards.
    const back = b.daysAgo ? b.daysAgo * 86_400_000 - ((placed * 7_919_000) % 36_000_000) : 0;
    clock.advance(-back);
    try {
      placed += await placeOne(b);
    } finally {
      clock.advance(back);
    }
  }
  while ((await koi.bus.dispatchOnce()) > 0);
  return placed;

  async function placeOne(b: Buyer): Promise<number> {
    const items = b.buys.filter(([i]) => skus[i!]).map(([i, quantity]) => ({ skuId: skus[i!]!, quantity: quantity! }));
    if (!items.length) return 0;
    const customerId = await koi.identity.shoppers.ensureByPhone(b.phone, '');
    const orderId = await koi.orders.submit(customerId, { items, remark: b.remark ?? '', ...(b.coupon ? {} : { couponIds: [] }) }, 'zh-CN');
    if (b.then === 'cancel') await koi.orders.cancel(orderId, customerId);
    if (b.then !== 'pay' || !sims) return 1;
    const action = await koi.orders.pay(orderId, customerId, b.channel ?? 'wechat_h5', '127.0.0.1', `${koi.config.publicUrl}/#/pages/order/detail?id=${orderId}`);
    if (action.kind !== 'redirect') return 1;
    // The shopper's browser opens the cashier (Alipay's trade exists from then on), then presses 确认支付.
    const opened = new URL(action.url);
    await koi.app.inject({ method: 'GET', url: `${opened.pathname}${opened.search}` });
    const [intent] = (await koi.payment.paymentsOf('order', orderId)).intents;
    const alipay = b.channel === 'alipay_wap';
    const merchantId = alipay ? koi.config.payment.alipay.appId : koi.config.payment.wechatpay.mchid;
    const trade = intent && (await sims.trades.byNo(alipay ? 'alipay' : 'wechatpay', merchantId, intent.outTradeNo));
    if (!trade) return 1;
    const paid = alipay ? await sims.alipay.pay(trade.handle) : await sims.wechatpay.pay(trade.handle);
    if (paid.notificationId) await sims.notifications.deliver(paid.notificationId);
    // The order is paid when the outbox hands over the payment, still at this moment in the past.
    while ((await koi.bus.dispatchOnce()) > 0);
    return 1;
  }
}
