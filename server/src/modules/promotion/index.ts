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
import './promotion.errors.ts';

export { PromotionErrors } from './promotion.errors.ts';

/**
 * Promotions (满减 now) and coupons (满减券 now): storage, the operator's CRUD, claiming, the wallet,
 * and what checkout needs — `activeFor` and `usableFor`/`availableFor` feed the pricing engine;
 * `freeze`/`consume`/`release` run inside checkout's transaction. Kinds come from the pricing
 * engine's registry, so a new kind needs nothing here.
 */
export function createPromotion(deps: { db: Db; registry?: KindRegistry; cacheTtlMs?: number }) {
  const { db } = deps;
  const registry = deps.registry ?? KINDS;
  const promotions = createPromotions(db, registry, { ttlMs: deps.cacheTtlMs ?? 5_000 });
  const templates = createCouponTemplates(db, registry);
  const claims = createCouponClaims(db, registry);
  const wallet = createCouponWallet(db, registry);
  const checkout = createCouponCheckout(db);
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
    registerRoutes(app: App) {
      registerAdminPromotionRoutes(app, { registry, promotions, templates });
      registerShopCouponRoutes(app, { db, claims, wallet });
    },
  };
}
export type PromotionService = ReturnType<typeof createPromotion>;
