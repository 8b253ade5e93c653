import type { CouponKind, PromotionKind } from './kind.ts';
import { fullReduction } from './full-reduction.kind.ts';
import { amountOff } from './amount-off.kind.ts';

/**
 * Every kind the engine knows. Adding one (满折, 满包邮, limited-time price, member price …) is a
 * file beside this one and a line here; the engine, the promotion module's validation and the admin's
 * generated form pick it up from this list.
 */
export type KindRegistry = { promotions: ReadonlyMap<string, PromotionKind>; coupons: ReadonlyMap<string, CouponKind> };

export function kindRegistry(promotions: readonly PromotionKind[], coupons: readonly CouponKind[]): KindRegistry {
  return { promotions: new Map(promotions.map((k) => [k.kind, k])), coupons: new Map(coupons.map((k) => [k.kind, k])) };
}

export const KINDS: KindRegistry = kindRegistry(
  [fullReduction as PromotionKind],
  [amountOff as CouponKind],
);
