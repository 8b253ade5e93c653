import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { KINDS, type KindRegistry } from '../pricing/index.ts';
import { createPromotions } from './promotions.ts';
import { createCouponTemplates } from './coupon-templates.ts';
import { createCouponClaims } from './coupon-claims.ts';
import { createCouponWallet } from './coupon-wallet.ts';
import { createCouponCheckout } from './coupon-checkout.ts';
import { registerAdminPromotionRoutes } from './promotion.routes.admin.ts';
import { registerShopCouponRoutes } from './coupon.routes.shop.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import { createCouponIssuer } from './coupon-issue.ts';
import { createCouponCodes } from './coupon-codes.ts';
import { createCouponIssueJobs } from './coupon-issue-jobs.ts';
import { createCouponRewards } from './coupon-rewards.ts';
import { UNBOUND_CUSTOMERS, type IssuancePorts } from './coupon-issue-ports.ts';
import { registerAdminCouponIssueRoutes } from './coupon-issue.routes.admin.ts';
import { registerShopCouponCodeRoutes } from './coupon-code.routes.shop.ts';
import './promotion.errors.ts';

export { PromotionErrors } from './promotion.errors.ts';
export { couponCustomerData } from './customer-data.ts';
export type { IssuancePorts } from './coupon-issue-ports.ts';

/**
 * Promotions (满减 now) and coupons (满减券 now): storage, the operator's CRUD, claiming, the wallet,
 * and what checkout needs — `activeFor` and `usableFor`/`availableFor` feed the pricing engine;
 * `freeze`/`consume`/`release` run inside checkout's transaction. Kinds come from the pricing
 * engine's registry, so a new kind needs nothing here.
 */
export function createPromotion(deps: { db: Db; limiter: RateLimiter; jobs?: Jobs; log?: Logger; registry?: KindRegistry; cacheTtlMs?: number }) {
  const { db } = deps;
  const registry = deps.registry ?? KINDS;
  const promotions = createPromotions(db, registry, { ttlMs: deps.cacheTtlMs ?? 5_000 });
  const templates = createCouponTemplates(db, registry);
  const claims = createCouponClaims(db, registry);
  const wallet = createCouponWallet(db, registry);
  const checkout = createCouponCheckout(db);
  // Issuance beyond claiming (codes, lists, segments, rewards); the ports are bound by links/coupon-issuance.ts.
  const ports: IssuancePorts = { customers: UNBOUND_CUSTOMERS };
  const issuer = createCouponIssuer(db);
  const codes = createCouponCodes(db, registry, issuer);
  const issueJobs = createCouponIssueJobs({ db, jobs: deps.jobs, log: deps.log, issuer, ports });
  const rewards = createCouponRewards({ db, jobs: deps.jobs, log: deps.log, issuer, ports });
  return {
    registry,
    promotions,
    templates,
    activeFor: promotions.activeFor,
    claim: claims.claim,
    claimable: claims.claimable,
    walletFor: wallet.walletFor,
    usableFor: wallet.usableFor,
    availableFor: wallet.availableFor,
    freeze: checkout.freeze,
    consume: checkout.consume,
    release: checkout.release,
    /** After-sales: coupons of an order refunded in full come back by its rule. */
    restoreUsed: checkout.restoreUsed,
    issuer,
    codes,
    issueJobs,
    rewards,
    /** Late binding of what issuance needs from other modules (identity, audience, customer profiles). */
    bindIssuance(p: IssuancePorts) { Object.assign(ports, p); },
    schedule: () => rewards.schedule(),
    registerRoutes(app: App) {
      registerAdminPromotionRoutes(app, { registry, promotions, templates });
      registerShopCouponRoutes(app, { db, claims, wallet });
      registerAdminCouponIssueRoutes(app, { codes, jobs: issueJobs, rewards });
      registerShopCouponCodeRoutes(app, { codes, limiter: deps.limiter });
    },
  };
}
export type PromotionService = ReturnType<typeof createPromotion>;
export { createCouponCustomerFacts, type CouponCustomerFacts } from './customer-merge.ts';
