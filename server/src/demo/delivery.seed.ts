import type { TLocalDeliverySettings, TStoreProfileInput, TWeekHours } from '@koi/contracts';
import type { Koi } from '../app.ts';
import { DEMO_STORES } from './seed.ts';

const every = (open: string, close: string): TWeekHours => Array.from({ length: 7 }, () => ({ open, close }));
const city: TLocalDeliverySettings = {
  radiusMetres: 10_000,
  bands: [{ maxMetres: 3000, feeFen: 500 }, { maxMetres: 5000, feeFen: 800 }, { maxMetres: 10_000, feeFen: 1500 }],
  freeOverFen: 19_900, slotMinutes: 60, leadMinutes: 60, days: 3,
};

/**
 * The demo stores' pickup and local delivery settings (issue 6 point 3). Coordinates are GCJ-02
 * (as AMap / Tencent Maps show them) of the real streets: 杭州南山路, 上海愚园路, 苏州平江路.
 */
export const DEMO_STORE_PROFILES: Record<(typeof DEMO_STORES)[number]['key'], Omit<TStoreProfileInput, 'name' | 'city' | 'address' | 'sort'>> = {
  hz: { phone: '0571-87961218', latE6: 30_245_300, lngE6: 120_164_000, hours: every('10:00', '21:00'), pickupEnabled: true, localDeliveryEnabled: true, localDelivery: city },
  sh: {
    phone: '021-62801088', latE6: 31_221_800, lngE6: 121_431_500, hours: [...every('10:00', '22:00').slice(0, 5), { open: '09:30', close: '22:00' }, { open: '09:30', close: '21:00' }],
    pickupEnabled: true, localDeliveryEnabled: true, localDelivery: { ...city, slotMinutes: 30, leadMinutes: 45 },
  },
  // 平江路 is a lane of old houses: pickup only, closed on Mondays, and riders within 5 km.
  sz: {
    phone: '0512-67270095', latE6: 31_315_000, lngE6: 120_634_500, hours: [null, ...every('10:00', '20:00').slice(1)],
    pickupEnabled: true, localDeliveryEnabled: true,
    localDelivery: { radiusMetres: 5000, bands: [{ maxMetres: 3000, feeFen: 600 }, { maxMetres: 5000, feeFen: 1000 }], freeOverFen: null, slotMinutes: 60, leadMinutes: 90, days: 2 },
  },
};

/** Sets the stores' profiles and places one paid pickup order at 杭州西湖店 (its code is ready). */
export async function seedDelivery(koi: Pick<Koi, 'stores' | 'identity' | 'catalog' | 'orders' | 'payment' | 'bus' | 'config' | 'app'>): Promise<void> {
  const all = await koi.stores.profiles.list({ fresh: true });
  let hzId: string | null = null;
  for (const s of DEMO_STORES) {
    const store = all.find((x) => x.name === s.name);
    if (!store) continue;
    await koi.stores.profiles.update(store.id, { name: s.name, city: s.city, address: s.address, sort: s.sort, ...DEMO_STORE_PROFILES[s.key] });
    if (s.key === 'hz') hzId = store.id;
  }
  if (!hzId) return;

  // 张雅琴 buys a gift set to pick up on her way home, and pays with WeChat Pay (simulator).
  const { items: rows } = await koi.catalog.list({ status: 'on_sale' }, 1, 20);
  const product = rows[1] ? await koi.catalog.products.get(rows[1].id) : null;
  const sku = product?.skus.find((x) => x.stock >= 3);
  const sims = koi.payment.simulators;
  if (!sku || !sims) return;
  const customerId = await koi.identity.shoppers.ensureByPhone('13916880001', '');
  const orderId = await koi.orders.submit(customerId, {
    items: [{ skuId: sku.id, quantity: 1 }], couponIds: [], remark: '下班后来取', delivery: { method: 'pickup', storeId: hzId },
  }, 'zh-CN');
  const action = await koi.orders.pay(orderId, customerId, 'wechat_h5', '127.0.0.1', `${koi.config.publicUrl}/#/pages/order/detail?id=${orderId}`);
  if (action.kind !== 'redirect') return;
  const opened = new URL(action.url);
  await koi.app.inject({ method: 'GET', url: `${opened.pathname}${opened.search}` });
  const [intent] = (await koi.payment.paymentsOf('order', orderId)).intents;
  const trade = intent && (await sims.trades.byNo('wechatpay', koi.config.payment.wechatpay.mchid, intent.outTradeNo));
  if (!trade) return;
  const paid = await sims.wechatpay.pay(trade.handle);
  if (paid.notificationId) await sims.notifications.deliver(paid.notificationId);
  // Paid → the pickup code is drawn and `pickup.ready` goes out.
  while ((await koi.bus.dispatchOnce()) > 0);
}
