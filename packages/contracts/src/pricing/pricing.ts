import { z } from 'zod';
import { ZFen } from '../platform/money.ts';

/**
 * The pricing engine's input and output (server/src/modules/pricing). The engine is pure: the caller
 * gathers lines, the shopper's context, active promotions, chosen coupons, points and the shipping fee,
 * and stores or shows the priced order it gets back. Money is integer fen throughout.
 */

/** A text in both languages; the caller picks one by Accept-Language. */
export const ZLocalText = z.object({ zh: z.string(), en: z.string() });
export type TLocalText = z.infer<typeof ZLocalText>;

/** Which lines a promotion or coupon covers: everything, some categories or some products, minus exclusions. */
export const SCOPE_TYPES = ['all', 'categories', 'products'] as const;
export const ZScope = z
  .strictObject({
    type: z.enum(SCOPE_TYPES),
    /** Category ids (`categories`, a line matches any of its categories) or product ids (`products`); empty for `all`. */
    ids: z.array(z.string().min(1).max(64)).max(500).default([]),
    /** Products never covered, whatever the type. */
    excludeProductIds: z.array(z.string().min(1).max(64)).max(500).default([]),
  })
  .refine((s) => (s.type === 'all' ? s.ids.length === 0 : s.ids.length > 0), { path: ['ids'], message: 'ids must be empty for all and given otherwise' });
export type TScope = z.output<typeof ZScope>;
export const SCOPE_ALL: TScope = { type: 'all', ids: [], excludeProductIds: [] };

export const ZPricingLine = z.object({
  lineId: z.string(),
  skuId: z.string(),
  productId: z.string(),
  categoryIds: z.array(z.string()),
  quantity: z.number().int().min(1),
  /** The catalog's sale price of one unit (before item-level promotions). */
  unitPriceFen: ZFen.min(0),
  /** 划线价, shown struck through; null when the product has none. */
  listPriceFen: ZFen.min(0).nullable(),
  /** Of one unit. */
  weightGrams: z.number().int().min(0),
});
export type TPricingLine = z.infer<typeof ZPricingLine>;

export const ZPricingContext = z.object({
  /** null: a guest. */
  customerId: z.string().nullable(),
  memberLevelId: z.string().nullable(),
  isFirstOrder: z.boolean(),
  /** ISO instant; promotions and coupons are checked against it (the engine never reads a clock). */
  now: z.string(),
});
export type TPricingContext = z.infer<typeof ZPricingContext>;

/** An active promotion as the promotion module hands it over; `args` are checked by the kind's schema. */
export const ZPricingPromotion = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  args: z.unknown(),
  scope: ZScope,
  /** Higher first within a stage (ties: id). */
  priority: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
});
export type TPricingPromotion = z.infer<typeof ZPricingPromotion>;

export const COUPON_STATUSES = ['available', 'frozen', 'used', 'expired'] as const;
export const ZCouponStatus = z.enum(COUPON_STATUSES);
export type TCouponStatus = z.infer<typeof ZCouponStatus>;

/** An issued coupon the shopper chose, with its template's kind, args and scope (as issued). */
export const ZPricingCoupon = z.object({
  id: z.string(),
  templateId: z.string(),
  kind: z.string(),
  name: z.string(),
  args: z.unknown(),
  scope: ZScope,
  status: ZCouponStatus,
  validFrom: z.string(),
  validUntil: z.string(),
});
export type TPricingCoupon = z.infer<typeof ZPricingCoupon>;

export const ZPricingPoints = z.object({
  /** Points the shopper wants to use. */
  requested: z.number().int().min(0),
  balance: z.number().int().min(0),
  /** The merchant's rate: this many points are worth ¥1. */
  perYuan: z.number().int().min(1),
  /** At most this % of the amount left after discounts may be paid with points. */
  capPercent: z.number().int().min(0).max(100),
});
export type TPricingPoints = z.infer<typeof ZPricingPoints>;

export const ZPricingStoredValue = z.object({
  balanceFen: ZFen.min(0),
  /** null: as much as the balance and the payable allow. */
  requestedFen: ZFen.min(0).nullable(),
});
export type TPricingStoredValue = z.infer<typeof ZPricingStoredValue>;

/** Where merchants differ. See DEFAULT_PRICING_POLICY for the defaults and why. */
export const ZPricingPolicy = z.object({
  /** Coupon thresholds look at the eligible amount before or after order-level promotions (满减). */
  couponThresholdBase: z.enum(['before_order_promotions', 'after_order_promotions']),
  /** Points may also pay the shipping fee. */
  pointsMayPayShipping: z.boolean(),
});
export type TPricingPolicy = z.infer<typeof ZPricingPolicy>;
/** Like Taobao and Youzan: coupon thresholds count what is left after 满减; points pay goods only. */
export const DEFAULT_PRICING_POLICY: TPricingPolicy = { couponThresholdBase: 'after_order_promotions', pointsMayPayShipping: false };

export const ZPricingInput = z.object({
  lines: z.array(ZPricingLine),
  context: ZPricingContext,
  promotions: z.array(ZPricingPromotion),
  coupons: z.array(ZPricingCoupon),
  points: ZPricingPoints.nullable(),
  /** Quoted by the shipping templates; the engine may discount it. */
  shippingFen: ZFen.min(0),
  storedValue: ZPricingStoredValue.nullable(),
  policy: ZPricingPolicy,
  /**
   * 满赠: units in stock of each gift SKU (the checkout asks inventory). A gift whose SKU has fewer
   * units left than it gives is not applied (`gift_out_of_stock`); a SKU missing from the record has
   * none. Absent: stock is not checked (the dry-run and the cart's summary do not ask).
   */
  giftStock: z.record(z.string(), z.number().int().min(0)).optional(),
});
export type TPricingInput = z.infer<typeof ZPricingInput>;

/** item-level prices → order-level (满减) → coupons → shipping → points; stored value is payment, not a stage. */
export const PRICING_STAGES = ['item', 'order', 'coupon', 'shipping', 'points'] as const;
export const ZPricingStage = z.enum(PRICING_STAGES);
export type TPricingStage = z.infer<typeof ZPricingStage>;
export const ZDiscountSource = z.enum(['promotion', 'coupon', 'points']);
export type TDiscountSource = z.infer<typeof ZDiscountSource>;

/** One discount's share of a line (or of shipping), by the largest-remainder method. */
export const ZDiscountShare = z.object({
  source: ZDiscountSource,
  /** Promotion id, coupon id, or `points`. */
  sourceId: z.string(),
  stage: ZPricingStage,
  label: ZLocalText,
  amountFen: ZFen,
});
export type TDiscountShare = z.infer<typeof ZDiscountShare>;

export const ZPricedLine = z.object({
  lineId: z.string(),
  skuId: z.string(),
  productId: z.string(),
  quantity: z.number().int(),
  listPriceFen: ZFen.nullable(),
  /** The catalog's price of one unit. */
  unitPriceFen: ZFen,
  /** One unit after item-level prices (limited-time discount, member price). */
  salePriceFen: ZFen,
  /** unitPriceFen × quantity. */
  amountFen: ZFen,
  /** salePriceFen × quantity. */
  subtotalFen: ZFen,
  /** Every discount on this line, item-level and points included. */
  discounts: z.array(ZDiscountShare),
  discountFen: ZFen,
  /** amountFen − discountFen; never below zero. */
  payableFen: ZFen,
  /** Points spent on this line (their value is in `discounts`). */
  points: z.number().int(),
  storedValueFen: ZFen,
  cashFen: ZFen,
});
export type TPricedLine = z.infer<typeof ZPricedLine>;

export const ZPricedShipping = z.object({
  feeFen: ZFen,
  discounts: z.array(ZDiscountShare),
  /** Shipping discounts (not points). */
  discountFen: ZFen,
  pointsFen: ZFen,
  points: z.number().int(),
  payableFen: ZFen,
  storedValueFen: ZFen,
  cashFen: ZFen,
});
export type TPricedShipping = z.infer<typeof ZPricedShipping>;

export const ZAppliedDiscount = z.object({
  source: ZDiscountSource,
  sourceId: z.string(),
  kind: z.string(),
  stage: ZPricingStage,
  name: z.string(),
  /** What was taken off. */
  amountFen: ZFen,
  /** What the rule asked for; more than `amountFen` when the eligible amount capped it. */
  requestedFen: ZFen,
  capped: z.boolean(),
  /** e.g. "满 ¥300 减 ¥30：已减 ¥30". */
  text: ZLocalText,
  /** Upsell, e.g. "再买 ¥120 可减 ¥80". */
  hint: ZLocalText.nullable(),
  lineIds: z.array(z.string()),
});
export type TAppliedDiscount = z.infer<typeof ZAppliedDiscount>;

export const ZNotApplied = z.object({
  source: ZDiscountSource,
  sourceId: z.string(),
  kind: z.string(),
  name: z.string(),
  /** Machine reason: below_threshold, out_of_scope, not_started, ended, exclusive, … (see pricing/reasons). */
  code: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  /** e.g. "差 ¥12 可减 ¥20". */
  text: ZLocalText,
});
export type TNotApplied = z.infer<typeof ZNotApplied>;

/** 满赠: a SKU given with the order. It costs nothing, changes no payable and takes no part in allocation. */
export const ZPricedGift = z.object({
  promotionId: z.string(),
  kind: z.string(),
  name: z.string(),
  skuId: z.string(),
  quantity: z.number().int().min(1),
  /** e.g. "满 ¥299 赠 茶巾 ×1". */
  text: ZLocalText,
});
export type TPricedGift = z.infer<typeof ZPricedGift>;

export const ZPricedOrder = z.object({
  lines: z.array(ZPricedLine),
  shipping: ZPricedShipping,
  totals: z.object({
    /** Σ unitPriceFen × quantity. */
    itemsFen: ZFen,
    discounts: z.object({ item: ZFen, order: ZFen, coupon: ZFen, shipping: ZFen }),
    /** item + order + coupon + shipping (points are not in it). */
    discountFen: ZFen,
    pointsFen: ZFen,
    /** itemsFen − discountFen + shipping fee − pointsFen = Σ lines' payable + shipping's payable. */
    payableFen: ZFen,
    storedValueFen: ZFen,
    /** payableFen − storedValueFen: what WeChat Pay / Alipay collect. */
    cashPayableFen: ZFen,
  }),
  points: z.object({ requested: z.number().int(), used: z.number().int(), valueFen: ZFen, capFen: ZFen }).nullable(),
  applied: z.array(ZAppliedDiscount),
  notApplied: z.array(ZNotApplied),
  /** 满赠: what is given with the order (also listed in `applied` with amount 0). */
  gifts: z.array(ZPricedGift),
  policy: ZPricingPolicy,
});
export type TPricedOrder = z.infer<typeof ZPricedOrder>;

/** Units of a line to refund. */
export const ZRefundItem = z.object({ lineId: z.string(), quantity: z.number().int().min(1) });
export type TRefundItem = z.infer<typeof ZRefundItem>;

const ZRefundPart = z.object({ amountFen: ZFen, storedValueFen: ZFen, cashFen: ZFen, pointsFen: ZFen, points: z.number().int() });
export const ZRefundQuote = z.object({
  lines: z.array(ZRefundPart.extend({ lineId: z.string(), quantity: z.number().int() })),
  /** Shipping comes back with the last unit of the order. */
  shipping: ZRefundPart.nullable(),
  totals: ZRefundPart,
});
export type TRefundQuote = z.infer<typeof ZRefundQuote>;
