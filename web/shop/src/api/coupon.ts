import {
  ZClaimableList, ZRedeemCodeResult, ZWallet, ZWalletCoupon,
  type TClaimableTemplate, type TWalletCoupon,
} from '@koi/contracts';
import { request } from './request';

/** 领券中心, 我的优惠券 and 兑换码: the server decides every amount and state shown. */
export async function claimableCoupons(): Promise<TClaimableTemplate[]> {
  return (await request('/api/shop/coupons/claimable', { schema: ZClaimableList })).items;
}

/** One key per tap, so a double tap claims once. */
export function claimCoupon(templateId: string, idempotencyKey: string): Promise<TWalletCoupon> {
  return request('/api/shop/coupons/claim', { method: 'POST', body: { templateId }, headers: { 'Idempotency-Key': idempotencyKey }, schema: ZWalletCoupon });
}

/** 领券 on the product page: the claimable coupons whose scope covers this product (the server decides the scope). */
export async function productCoupons(productId: string): Promise<TClaimableTemplate[]> {
  return (await request(`/api/shop/products/${encodeURIComponent(productId)}/coupons`, { schema: ZClaimableList })).items;
}

export async function myCoupons(): Promise<TWalletCoupon[]> {
  return (await request('/api/shop/coupons/wallet', { schema: ZWallet })).items;
}

export async function redeemCode(code: string): Promise<TWalletCoupon> {
  return (await request('/api/shop/coupons/redeem', { method: 'POST', body: { code }, schema: ZRedeemCodeResult })).coupon;
}
