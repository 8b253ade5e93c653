import { z } from 'zod';
import { ZFen } from '../platform/money.ts';
import { ZPriceNote } from './cart.ts';
import { ZAddressSnapshot, ZOrderLine } from './order.ts';
import { ZPayAction, ZPayChannel } from '../payment/payment.ts';

/**
 * What the shopper chose on the confirm page. Never a price: the server prices everything, and any
 * price-looking field a client adds is dropped by the schema.
 */
export const ZCheckoutInput = z.object({
  /** Buy now: these SKUs. Omitted: the cart's selected lines. */
  items: z.array(z.object({ skuId: z.uuid(), quantity: z.number().int().min(1).max(999) })).min(1).max(100).optional(),
  addressId: z.uuid().optional(),
  /** Omitted: the server picks the best usable coupon. [] : no coupon. */
  couponIds: z.array(z.uuid()).max(5).optional(),
  remark: z.string().trim().max(200).default(''),
});
export type TCheckoutInput = z.input<typeof ZCheckoutInput>;

export const ZCheckoutCoupon = z.object({
  id: z.string(),
  name: z.string(),
  /** e.g. "满 ¥200 减 ¥20". */
  summary: z.string(),
  /** What it takes off this order when chosen (0 when unusable). */
  discountFen: ZFen,
  usable: z.boolean(),
  /** Why it cannot be used on this order. */
  reason: z.string().nullable(),
  validUntil: z.string().nullable(),
});

export const ZCheckoutBlocker = z.object({ code: z.string(), message: z.string(), lineId: z.string().nullable() });

/** The confirm page, computed by the server. `canSubmit` false lists why in `blockers`. */
export const ZCheckoutPreview = z.object({
  lines: z.array(ZOrderLine),
  address: ZAddressSnapshot.nullable(),
  coupons: z.array(ZCheckoutCoupon),
  chosenCouponIds: z.array(z.string()),
  itemsTotalFen: ZFen,
  promotionDiscountFen: ZFen,
  couponDiscountFen: ZFen,
  shippingFen: ZFen,
  shippingDiscountFen: ZFen,
  payableFen: ZFen,
  applied: z.array(ZPriceNote),
  notApplied: z.array(ZPriceNote),
  canSubmit: z.boolean(),
  blockers: z.array(ZCheckoutBlocker),
});
export type TCheckoutPreview = z.infer<typeof ZCheckoutPreview>;

export const ZPayInput = z.object({
  channel: ZPayChannel,
  /** Where the cashier sends the shopper back (a shop path such as `/pages/order/detail?id=…`). */
  returnPath: z.string().max(300).regex(/^\/[^/\\]/, 'a path on this site').optional(),
});

/** What the client does to pay (the payment module's action), or nothing for a zero-amount order. */
export const ZOrderPayAction = z.union([ZPayAction, z.object({ kind: z.literal('none') })]);
export type TOrderPayAction = z.infer<typeof ZOrderPayAction>;
export const ZPayResult = z.object({ orderId: z.string(), action: ZOrderPayAction });
