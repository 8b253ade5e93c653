import type { TStoreProfile } from '@koi/contracts';
import type { Koi } from '../src/app.ts';
import { call, shopperToken, staffToken } from './harness.ts';

/** The demo stores by key (their profiles come from demo/delivery.seed.ts). */
export async function demoStores(koi: Koi): Promise<Record<'hz' | 'sh' | 'sz', TStoreProfile>> {
  const all = await koi.stores.profiles.list({ fresh: true });
  const by = (city: string) => all.find((s) => s.city === city)!;
  return { hz: by('杭州'), sh: by('上海'), sz: by('苏州') };
}

/** A store manager of `storeId` (order:manage), signed in. */
export async function managerOf(koi: Koi, storeId: string, email: string): Promise<string> {
  await koi.identity.staff.create(null, { email, name: `店长${email.slice(0, 4)}`, password: 'koi-demo-2026', role: 'store_manager', storeId });
  return staffToken(koi, email);
}

/** A shopper whose default address is in `districtCode` (province and city derived from it). */
export async function shopperIn(koi: Koi, phone: string, districtCode: string): Promise<string> {
  const token = await shopperToken(koi, phone, `10.7.${Number(phone.slice(-4)) % 250}.${Number(phone.slice(-2)) + 1}`);
  const res = await call(koi, 'POST', '/api/shop/addresses', {
    recipient: '顾小北', mobile: phone, provinceCode: `${districtCode.slice(0, 2)}0000`, cityCode: `${districtCode.slice(0, 4)}00`,
    districtCode, detail: '测试路 1 号', isDefault: true,
  }, { token });
  if (res.status !== 200 && res.status !== 201) throw new Error(JSON.stringify(res.body));
  return token;
}

/** Marks an order paid the way a payment callback does (the order lifecycle), then runs the outbox. */
export async function payOrder(koi: Koi, orderId: string, payableFen: number): Promise<void> {
  const ok = await koi.db.tx((q) => koi.orders.lifecycle.markPaid(q, orderId, { channel: 'wechatpay', transactionId: `T${orderId.slice(0, 8)}`, amountFen: payableFen }));
  if (!ok) throw new Error('order was not waiting for payment');
  while ((await koi.bus.dispatchOnce()) > 0);
}
