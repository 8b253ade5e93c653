import { z } from 'zod';
import { ZFen } from '../platform/money.ts';
import { ZPriceNote } from './cart.ts';
import { ZAddressSnapshot, ZDeliveryMethod, ZDeliverySlot, ZOrderLine } from './order.ts';
import { ZPayAction, ZPayChannel } from '../payment/payment.ts';

/**
 * What the shopper chose on the confirm page. Never a price: the server prices everything, and any
 * price-looking field a client adds is dropped by the schema.
 */
/** The shopper's choice: express (default), pickup at `storeId`, or local delivery in `slot`. */
export const ZCheckoutDelivery = z.object({
  method: ZDeliveryMethod.default('express'),
  /** Pickup: the store chosen. Local delivery: ignored (the nearest store in range serves). */
  storeId: z.uuid().optional(),
  slot: ZDeliverySlot.optional(),
});

export const ZCheckoutInput = z.object({
  /** Buy now: these SKUs. Omitted: the cart's selected lines. */
  items: z.array(z.object({ skuId: z.uuid(), quantity: z.number().int().min(1).max(999) })).min(1).max(100).optional(),
  addressId: z.uuid().optional(),
  /** Omitted: the server picks the best usable coupon. [] : no coupon. */
  couponIds: z.array(z.uuid()).max(5).optional(),
  remark: z.string().trim().max(200).default(''),
  /** Omitted: express delivery to the address. */
  delivery: ZCheckoutDelivery.optional(),
  /** 积分抵扣: true — as many points as the cap allows; a number — at most that many; false/omitted — none. */
  usePoints: z.union([z.boolean(), z.number().int().min(0).max(1_000_000_000)]).optional(),
  /** 余额支付: true — the stored-value balance pays as much as it can; false/omitted — none. */
  useBalance: z.boolean().optional(),
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

/** A store as the confirm page offers it (hours as one line per day, China time). */
export const ZCheckoutStore = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  /** Monday first; null: closed. */
  hours: z.array(z.object({ open: z.string(), close: z.string() }).nullable()),
  /** From the shopper's address, when both are known. */
  distanceMetres: z.number().int().nullable(),
});
export type TCheckoutStore = z.infer<typeof ZCheckoutStore>;

/** The delivery part of the confirm page, all computed by the server. */
export const ZCheckoutDeliveryPreview = z.object({
  method: ZDeliveryMethod,
  /** Which methods this order may use now, and why not. */
  methods: z.array(z.object({ method: ZDeliveryMethod, available: z.boolean(), reason: z.string().nullable() })),
  /** Stores offering pickup (nearest first when the address is known). */
  pickupStores: z.array(ZCheckoutStore),
  /** The pickup store chosen, or the store that delivers locally. */
  store: ZCheckoutStore.nullable(),
  distanceMetres: z.number().int().nullable(),
  /** The delivery fee before any shipping discount (0 for pickup). */
  feeFen: ZFen,
  /** Local delivery windows the shopper may choose. */
  slots: z.array(ZDeliverySlot),
  slot: ZDeliverySlot.nullable(),
});
export type TCheckoutDeliveryPreview = z.infer<typeof ZCheckoutDeliveryPreview>;

/** The points row of the confirm page ("可用 N 积分抵 ¥X"), all computed by the server. */
export const ZCheckoutPoints = z.object({
  balance: z.number().int(),
  /** The merchant's rate: this many points are worth ¥1. */
  perYuan: z.number().int(),
  /** At most this % of the order may be paid with points. */
  capPercent: z.number().int(),
  /** The most points this order can use, and what they take off. */
  usable: z.number().int(),
  usableFen: ZFen,
  /** What the shopper's choice uses now (0 when the switch is off). */
  used: z.number().int(),
  valueFen: ZFen,
  chosen: z.boolean(),
});
export type TCheckoutPoints = z.infer<typeof ZCheckoutPoints>;

/** The balance row of the confirm page ("余额 ¥Y"). */
export const ZCheckoutBalance = z.object({
  balanceFen: ZFen,
  /** What the balance could pay on this order. */
  usableFen: ZFen,
  /** What it pays with the shopper's choice (0 when the switch is off). */
  usedFen: ZFen,
  chosen: z.boolean(),
});
export type TCheckoutBalance = z.infer<typeof ZCheckoutBalance>;

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
  delivery: ZCheckoutDeliveryPreview.optional(),
  /** Points and stored value (issue 8); null when the shopper has none to use. */
  points: ZCheckoutPoints.nullable().optional(),
  balance: ZCheckoutBalance.nullable().optional(),
  /** Taken off by points (included in `payableFen`'s reduction). */
  pointsFen: ZFen.optional(),
  /** Paid from the balance (part of `payableFen`). */
  balanceFen: ZFen.optional(),
  /** What is left for WeChat/Alipay: `payableFen − balanceFen`. */
  cashPayableFen: ZFen.optional(),
  /** 满赠: the gifts this order gets, as ¥0 lines with `gift` set (out of stock: in `notApplied`, "赠品已赠完"). */
  gifts: z.array(ZOrderLine).optional(),
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
