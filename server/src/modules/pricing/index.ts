/**
 * The pricing engine: pure functions, no tables, no I/O. Checkout (order), the cart and the promotion
 * dry-run call it with data they gathered; the promotion module validates promotions and coupon
 * templates with the kinds declared here.
 */
export { priceCart } from './price-cart.rules.ts';
export { quoteRefund, RefundQuantityError } from './refund.rules.ts';
export { couponOptions, bestCoupons, type CouponOption } from './coupon-options.rules.ts';
export { allocate } from './allocate.rules.ts';
export { inScope } from './candidates.rules.ts';
export { KINDS, kindRegistry, type KindRegistry } from './kinds/registry.ts';
export { describeKind, describeKinds, argFields } from './kinds/describe-args.ts';
export type { PromotionKind, CouponKind, AnyKind, KindContext, KindLine, KindOutcome, Stacking } from './kinds/kind.ts';
export { definePromotionKind, defineCouponKind } from './kinds/kind.ts';
export { REASON_CODES } from './reasons.ts';
export { ZFullReductionArgs, type TFullReductionArgs } from './kinds/full-reduction.kind.ts';
export { ZAmountOffArgs, type TAmountOffArgs } from './kinds/amount-off.kind.ts';
export { ZFullDiscountArgs, type TFullDiscountArgs } from './kinds/full-discount.kind.ts';
export { ZFreeShippingOverArgs, type TFreeShippingOverArgs } from './kinds/free-shipping-over.kind.ts';
export { ZTimedDiscountArgs, type TTimedDiscountArgs } from './kinds/timed-discount.kind.ts';
export { ZBundlePriceArgs, type TBundlePriceArgs } from './kinds/bundle-price.kind.ts';
export { ZFirstOrderArgs, type TFirstOrderArgs } from './kinds/first-order.kind.ts';
export { ZPercentOffArgs, type TPercentOffArgs } from './kinds/percent-off.kind.ts';
export { ZNoThresholdArgs, type TNoThresholdArgs } from './kinds/no-threshold.kind.ts';
export { ZShippingOffArgs, type TShippingOffArgs } from './kinds/shipping-off.kind.ts';
export { ZExchangeArgs, type TExchangeArgs } from './kinds/exchange.kind.ts';
export { ZFullGiftArgs, type TFullGiftArgs } from './kinds/full-gift.kind.ts';
export { giftSkusOf } from './gifts.rules.ts';
export { ZMemberPriceArgs, type TMemberPriceArgs } from './kinds/member-price.kind.ts';
export { memberPromotions, withMemberKinds, MEMBER_DISCOUNT_ID, MEMBER_SHIPPING_ID, type MemberBenefitsInput } from './kinds/member-benefits.kind.ts';
