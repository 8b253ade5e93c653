import {
  ZEarnWays, ZLedgerPage, ZMemberSummary, ZRecharge, ZRechargePackageList, ZSigninResult, ZStartRechargeResult,
  type TEarnWays, type TLedgerPage, type TMemberSummary, type TPayChannel, type TRecharge, type TRechargePackage, type TSigninResult, type TStartRechargeResult,
} from '@koi/contracts';
import { request } from './request';

/** 会员中心: level, points, balance, sign-in (the server computes every number shown). */
export function getMember(): Promise<TMemberSummary> {
  return request('/api/shop/loyalty/me', { schema: ZMemberSummary });
}

/** The ways to earn points (the merchant's rules, read-only) and my next points to expire. */
export function getEarnWays(): Promise<TEarnWays> {
  return request('/api/shop/loyalty/earn-ways', { schema: ZEarnWays });
}

export function signIn(): Promise<TSigninResult> {
  return request('/api/shop/loyalty/signin', { method: 'POST', schema: ZSigninResult });
}

export function pointsHistory(before?: string): Promise<TLedgerPage> {
  return request('/api/shop/loyalty/points', { query: { limit: 20, ...(before ? { before } : {}) }, schema: ZLedgerPage });
}

export function walletHistory(before?: string): Promise<TLedgerPage> {
  return request('/api/shop/loyalty/wallet', { query: { limit: 20, ...(before ? { before } : {}) }, schema: ZLedgerPage });
}

export async function rechargePackages(): Promise<TRechargePackage[]> {
  return (await request('/api/shop/loyalty/recharge-packages', { schema: ZRechargePackageList })).items;
}

/** Buys a package: the payment action to follow (one key per tap, so a double tap starts one recharge). */
export function startRecharge(packageId: string, channel: TPayChannel, returnPath: string, idempotencyKey: string): Promise<TStartRechargeResult> {
  return request('/api/shop/loyalty/recharges', { method: 'POST', body: { packageId, channel, returnPath }, headers: { 'Idempotency-Key': idempotencyKey }, schema: ZStartRechargeResult });
}

export function getRecharge(id: string): Promise<TRecharge> {
  return request(`/api/shop/loyalty/recharges/${encodeURIComponent(id)}`, { schema: ZRecharge });
}
