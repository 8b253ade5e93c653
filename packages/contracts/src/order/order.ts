import { z } from 'zod';
import { ZFen } from '../platform/money.ts';
import { ZPriceNote } from './cart.ts';

/** pending_payment → paid → shipped → completed; closed from pending_payment. After-sale flags come later. */
export const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'completed', 'closed'] as const;
export const ZOrderStatus = z.enum(ORDER_STATUSES);
export type TOrderStatus = z.infer<typeof ZOrderStatus>;

/** `refunded`: paid, then refunded in full through after-sales (issue 6). */
export const CLOSE_REASONS = ['payment_timeout', 'buyer_cancelled', 'merchant_closed', 'refunded'] as const;
export const ZCloseReason = z.enum(CLOSE_REASONS);
export type TCloseReason = z.infer<typeof ZCloseReason>;

/** The address as it was when the order was placed (kept on the order, not a reference). */
export const ZAddressSnapshot = z.object({
  recipient: z.string(),
  mobile: z.string(),
  provinceCode: z.string(),
  province: z.string(),
  cityCode: z.string(),
  city: z.string(),
  districtCode: z.string(),
  district: z.string(),
  detail: z.string(),
});
export type TAddressSnapshot = z.infer<typeof ZAddressSnapshot>;

/** One discount's share of a line, by the largest-remainder method (so line refunds are exact). */
export const ZLineDiscount = z.object({
  source: z.enum(['promotion', 'coupon', 'points', 'adjustment']),
  sourceId: z.string().nullable(),
  label: z.string(),
  amountFen: ZFen,
});

/** 满赠: a gift line (¥0) and the promotion that gave it. */
export const ZOrderLineGift = z.object({ promotionId: z.string(), name: z.string(), text: z.string() });
export type TOrderLineGift = z.infer<typeof ZOrderLineGift>;

export const ZOrderLine = z.object({
  id: z.string(),
  skuId: z.string(),
  productId: z.string(),
  title: z.string(),
  specValues: z.array(z.string()),
  image: z.string().nullable(),
  quantity: z.number().int(),
  listPriceFen: ZFen.nullable(),
  unitPriceFen: ZFen,
  subtotalFen: ZFen,
  discounts: z.array(ZLineDiscount),
  discountFen: ZFen,
  payableFen: ZFen,
  /** 满赠: set on a gift line (¥0, shipped with the order); absent or null on a bought line. */
  gift: ZOrderLineGift.nullable().optional(),
});
export type TOrderLine = z.infer<typeof ZOrderLine>;

/** How the order reaches the shopper (issue 6 point 3). */
export const ZDeliveryMethod = z.enum(['express', 'pickup', 'local_delivery']);
export type TDeliveryMethod = z.infer<typeof ZDeliveryMethod>;

/** A local-delivery window in China time, e.g. { date: '2026-11-23', start: '14:00', end: '15:00' }. */
export const ZDeliverySlot = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  start: z.string().regex(/^\d{2}:\d{2}$/),
  end: z.string().regex(/^\d{2}:\d{2}$/),
});
export type TDeliverySlot = z.infer<typeof ZDeliverySlot>;

/** How an order is delivered, as snapshotted at checkout (store data as it was then). */
export const ZOrderDelivery = z.object({
  method: ZDeliveryMethod,
  storeId: z.string().nullable(),
  storeName: z.string().nullable(),
  storeAddress: z.string().nullable(),
  storePhone: z.string().nullable(),
  slot: ZDeliverySlot.nullable(),
  distanceMetres: z.number().int().nullable(),
  /** The delivery fee charged before shipping discounts (pickup: 0). */
  feeFen: ZFen,
});
export type TOrderDelivery = z.infer<typeof ZOrderDelivery>;

export const ZOrderSummary = z.object({
  id: z.string(),
  orderNo: z.string(),
  status: ZOrderStatus,
  createdAt: z.string(),
  payableFen: ZFen,
  itemCount: z.number().int(),
  lines: z.array(z.object({ title: z.string(), image: z.string().nullable(), specValues: z.array(z.string()), quantity: z.number().int(), unitPriceFen: ZFen })),
  /** Unpaid orders close at this time. */
  payDeadline: z.string().nullable(),
});
export type TOrderSummary = z.infer<typeof ZOrderSummary>;

export const ZOrderDetail = ZOrderSummary.extend({
  lines: z.array(ZOrderLine),
  address: ZAddressSnapshot.nullable(),
  itemsTotalFen: ZFen,
  promotionDiscountFen: ZFen,
  couponDiscountFen: ZFen,
  adjustmentFen: ZFen,
  shippingFen: ZFen,
  shippingDiscountFen: ZFen,
  paidFen: ZFen,
  applied: z.array(ZPriceNote),
  buyerRemark: z.string(),
  closeReason: ZCloseReason.nullable(),
  payment: z.object({ channel: z.string(), transactionId: z.string().nullable(), paidAt: z.string() }).nullable(),
  paidAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** What the shopper may do now. */
  actions: z.array(z.enum(['pay', 'cancel', 'confirm_receipt'])),
  /** Express orders written before issue 6 may leave it out. */
  delivery: ZOrderDelivery.optional(),
  /** 积分抵扣 (issue 8): points spent and the fen they took off. */
  pointsUsed: z.number().int().optional(),
  pointsFen: ZFen.optional(),
  /** 余额支付: the part of `payableFen` paid from the stored-value balance; the rest (`cashFen`) through WeChat/Alipay. */
  balanceFen: ZFen.optional(),
  cashFen: ZFen.optional(),
});
export type TOrderDetail = z.infer<typeof ZOrderDetail>;

export const ORDER_TABS = ['all', 'pending_payment', 'paid', 'shipped', 'completed', 'closed'] as const;
export const ZShopOrderQuery = z.object({
  status: z.enum(ORDER_TABS).default('all'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export const ZShopOrderPage = z.object({ items: z.array(ZOrderSummary), total: z.number().int(), hasMore: z.boolean() });
export type TShopOrderPage = z.infer<typeof ZShopOrderPage>;
export const ZOrderCounts = z.object({ pending_payment: z.number().int(), paid: z.number().int(), shipped: z.number().int() });
