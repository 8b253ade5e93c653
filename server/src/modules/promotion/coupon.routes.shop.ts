import { ZClaimableList, ZClaimRequest, ZWallet, ZWalletCoupon, ZWalletQuery } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { requireShopper, shopperOf, subjectKey } from '../../platform/auth.ts';
import { idempotent } from '../../platform/idempotency.ts';
import type { CouponClaims } from './coupon-claims.ts';
import type { CouponWallet } from './coupon-wallet.ts';

const shop = { tags: ['shop'] };
const signedIn = { ...shop, security: [{ bearer: [] }] };

export function registerShopCouponRoutes(app: App, deps: { db: Db; claims: CouponClaims; wallet: CouponWallet }) {
  const { claims, wallet } = deps;

  app.get('/api/shop/coupons/wallet', {
    schema: { ...signedIn, summary: 'My coupons: available first, then held, used, expired', querystring: ZWalletQuery, response: { 200: ZWallet } }, preValidation: requireShopper,
  }, async (req) => wallet.walletFor(shopperOf(req).id, clock.now(), req.query.status));

  app.post('/api/shop/coupons/claim', {
    schema: { ...signedIn, summary: 'Claim a coupon (Idempotency-Key supported); 409 when sold out or at the per-customer limit', body: ZClaimRequest, response: { 200: ZWalletCoupon } },
    preValidation: requireShopper, preHandler: idempotent(deps.db, { subject: subjectKey }),
  }, async (req) => claims.claim(shopperOf(req).id, req.body.templateId));

  app.get('/api/shop/coupons/claimable', {
    schema: { ...shop, summary: 'The coupon centre (bearer optional: adds what the shopper already claimed)', response: { 200: ZClaimableList } },
  }, async (req) => claims.claimable(req.principal?.kind === 'shopper' ? req.principal.id : null));
}
