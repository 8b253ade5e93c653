import type { TNotApplied, TPricingCoupon, TPricingInput } from '@koi/contracts';
import { priceCart } from './price-cart.rules.ts';
import { KINDS, type KindRegistry } from './kinds/registry.ts';

export type CouponOption = {
  couponId: string;
  /** What it takes off this order when it is the chosen coupon (0 when it cannot be used). */
  discountFen: number;
  /** The order's payable with it. */
  payableFen: number;
  usable: boolean;
  /** Why not, when not usable. */
  reason: TNotApplied | null;
};

/**
 * Every coupon of the wallet tried alone on this cart (the engine once per coupon), and the best:
 * the usable one leaving the lowest payable (ties: the larger discount, then the id). With one coupon
 * per order (the only coupon kind stacks exclusively) the best single coupon is the best choice.
 */
export function couponOptions(input: Omit<TPricingInput, 'coupons'>, wallet: readonly TPricingCoupon[], registry: KindRegistry = KINDS): { options: CouponOption[]; bestId: string | null } {
  const options = wallet.map((c): CouponOption => {
    const priced = priceCart({ ...input, coupons: [c] }, registry);
    const applied = priced.applied.find((a) => a.source === 'coupon' && a.sourceId === c.id);
    const reason = applied ? null : (priced.notApplied.find((n) => n.source === 'coupon' && n.sourceId === c.id) ?? null);
    return { couponId: c.id, discountFen: applied?.amountFen ?? 0, payableFen: priced.totals.payableFen, usable: !!applied, reason };
  });
  const best = options
    .filter((o) => o.usable)
    .sort((a, b) => a.payableFen - b.payableFen || b.discountFen - a.discountFen || (a.couponId < b.couponId ? -1 : 1))[0];
  return { options, bestId: best?.couponId ?? null };
}
