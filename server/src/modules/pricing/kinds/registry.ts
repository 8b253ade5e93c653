import type { CouponKind, PromotionKind } from './kind.ts';
import { fullReduction } from './full-reduction.kind.ts';
import { amountOff } from './amount-off.kind.ts';
import { fullDiscount } from './full-discount.kind.ts';
import { freeShippingOver } from './free-shipping-over.kind.ts';
import { timedDiscount } from './timed-discount.kind.ts';
import { bundlePrice } from './bundle-price.kind.ts';
import { firstOrder } from './first-order.kind.ts';
import { percentOff } from './percent-off.kind.ts';
import { noThreshold } from './no-threshold.kind.ts';
import { shippingOff } from './shipping-off.kind.ts';
import { exchange } from './exchange.kind.ts';
import { fullGift } from './full-gift.kind.ts';
import { memberPrice } from './member-price.kind.ts';

/**
 * Every kind the engine knows. Adding one (member price, 满赠 …) is a
 * file beside this one and a line here; the engine, the promotion module's validation and the admin's
 * generated form pick it up from this list.
 */
export type KindRegistry = { promotions: ReadonlyMap<string, PromotionKind>; coupons: ReadonlyMap<string, CouponKind> };

export function kindRegistry(promotions: readonly PromotionKind[], coupons: readonly CouponKind[]): KindRegistry {
  return { promotions: new Map(promotions.map((k) => [k.kind, k])), coupons: new Map(coupons.map((k) => [k.kind, k])) };
}

export const KINDS: KindRegistry = kindRegistry(
  [fullReduction, fullDiscount, bundlePrice, firstOrder, timedDiscount, freeShippingOver, fullGift, memberPrice] as PromotionKind[],
  [amountOff, noThreshold, percentOff, shippingOff, exchange] as CouponKind[],
);
