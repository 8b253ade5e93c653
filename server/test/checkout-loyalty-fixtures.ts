import type { Koi } from '../src/app.ts';
import { call, staffToken } from './harness.ts';
import { payInCashier } from '../src/modules/payment/payment.fixtures.ts';

const owners = new WeakMap<Koi, Promise<string>>();
/** The owner's token, one sign-in per Koi (staff sign-ins are rate limited). */
export function ownerToken(koi: Koi): Promise<string> {
  let t = owners.get(koi);
  if (!t) owners.set(koi, (t = staffToken(koi, 'owner@koi.demo')));
  return t;
}

export const drain = async (koi: Koi) => { while ((await koi.bus.dispatchOnce()) > 0); };

export const customerOf = async (koi: Koi, token: string): Promise<string> =>
  (await call(koi, 'GET', '/api/shop/loyalty/me', undefined, { token })).body.customerId;

/** Gives the shopper `amount` points (an order's earn entry, never expiring). */
export async function givePoints(koi: Koi, customerId: string, amount: number, key: string): Promise<void> {
  await koi.db.tx((q) => koi.loyalty.points.earn(q, { customerId, key, kind: 'order', amount, memo: '测试积分', expiry: { mode: 'never' } }));
}

/** Tops the balance up by `amountFen` through a real recharge paid in the simulator's cashier. */
export async function recharge(koi: Koi, token: string, amountFen: number): Promise<void> {
  const owner = await ownerToken(koi);
  const pkg = await call(koi, 'POST', '/api/admin/loyalty/recharge-packages', { name: `充${amountFen / 100}`, amountFen, bonusFen: 0, active: true }, { token: owner });
  if (pkg.status !== 200) throw new Error(JSON.stringify(pkg.body));
  const started = await call(koi, 'POST', '/api/shop/loyalty/recharges', { packageId: pkg.body.id, channel: 'alipay_wap' }, { token });
  if (started.status !== 200) throw new Error(JSON.stringify(started.body));
  await payInCashier(koi, started.body.action.url);
  await drain(koi);
}

/** The merchant's 积分抵扣 rule. */
export async function setRedeem(koi: Koi, redeem: { perYuan: number; capPercent: number }): Promise<void> {
  const owner = await ownerToken(koi);
  const cur = (await call(koi, 'GET', '/api/admin/loyalty/settings', undefined, { token: owner })).body;
  const res = await call(koi, 'PUT', '/api/admin/loyalty/settings', { ...cur, points: { ...cur.points, redeem } }, { token: owner });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
}

export async function balances(koi: Koi, customerId: string) {
  const w = await koi.loyalty.forCheckout(customerId);
  return { points: w.points, walletFen: w.walletFen };
}
