/**
 * The pricing engine: pure functions, no tables, no I/O. Checkout (order), the cart and the promotion
 * dry-run call it with data they gathered; the promotion module validates promotions and coupon
 * templates with the kinds declared here.
 */
export { priceCart } from './price-cart.rules.ts';
export { quoteRefund, RefundQuantityError } from './refund.rules.ts';
export { couponOptions, type CouponOption } from './coupon-options.rules.ts';
export { allocate } from './allocate.rules.ts';
export { KINDS, kindRegistry, type KindRegistry } from './kinds/registry.ts';
export { describeKind, describeKinds, argFields } from './kinds/describe-args.ts';
export type { PromotionKind, CouponKind, AnyKind, KindContext, KindLine, KindOutcome, Stacking } from './kinds/kind.ts';
export { definePromotionKind, defineCouponKind } from './kinds/kind.ts';
export { REASON_CODES } from './reasons.ts';
export { ZFullReductionArgs, type TFullReductionArgs } from './kinds/full-reduction.kind.ts';
export { ZAmountOffArgs, type TAmountOffArgs } from './kinds/amount-off.kind.ts';
