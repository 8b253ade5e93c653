import { z } from 'zod';
import { ZFen } from '../platform/money.ts';

/** 售后 (issue 6): refund only (仅退款), return and refund (退货退款), exchange (换货). */
export const AFTERSALE_KINDS = ['refund_only', 'return_refund', 'exchange'] as const;
export const ZAfterSaleKind = z.enum(AFTERSALE_KINDS);
export type TAfterSaleKind = z.infer<typeof ZAfterSaleKind>;

/**
 * requested → approved (refund only) | awaiting_return (return, exchange) | rejected | withdrawn;
 * awaiting_return → returned (shopper sent it back) → received (merchant checked it) → refunding →
 * refunded, or (exchange) → reshipped → closed. A refund the provider refused waits in refund_failed.
 */
export const AFTERSALE_STATUSES = [
  'requested', 'approved', 'rejected', 'withdrawn', 'awaiting_return', 'returned', 'received',
  'refunding', 'refund_failed', 'refunded', 'reshipped', 'closed',
] as const;
export const ZAfterSaleStatus = z.enum(AFTERSALE_STATUSES);
export type TAfterSaleStatus = z.infer<typeof ZAfterSaleStatus>;

/** Why the shopper asks (the shop shows the localized label of each code). */
export const AFTERSALE_REASONS = [
  'not_wanted', 'wrong_item', 'damaged', 'quality', 'not_as_described', 'missing_parts', 'late_delivery', 'size_fit', 'other',
] as const;
export const ZAfterSaleReason = z.enum(AFTERSALE_REASONS);
export type TAfterSaleReason = z.infer<typeof ZAfterSaleReason>;

export const ZAfterSaleItem = z.strictObject({ lineId: z.uuid(), quantity: z.number().int().min(1).max(9999) });
export type TAfterSaleItem = z.infer<typeof ZAfterSaleItem>;

/** A photo is one of Koi's own uploads (`POST /api/shop/aftersales/photos`). */
export const ZAfterSalePhoto = z.string().regex(/^\/media\/[0-9A-Za-z_-]+\.(jpg|png|webp|gif)$/);

export const ZAfterSaleQuoteInput = z.strictObject({
  orderId: z.uuid(),
  kind: ZAfterSaleKind,
  items: z.array(ZAfterSaleItem).min(1).max(50),
});
export type TAfterSaleQuoteInput = z.infer<typeof ZAfterSaleQuoteInput>;

/** What the server would refund for these units (the shopper may ask for less, never more). */
export const ZAfterSaleQuote = z.object({
  kind: ZAfterSaleKind,
  lines: z.array(z.object({ lineId: z.string(), quantity: z.number().int(), amountFen: ZFen })),
  /** Shipping comes back only when the whole order is refunded before it shipped. */
  shippingFen: ZFen,
  maxAmountFen: ZFen,
});
export type TAfterSaleQuote = z.infer<typeof ZAfterSaleQuote>;

export const ZAfterSaleApplyInput = ZAfterSaleQuoteInput.extend({
  reason: ZAfterSaleReason,
  description: z.string().trim().max(500).default(''),
  photos: z.array(ZAfterSalePhoto).max(6).default([]),
  /** Less than the quote's maximum when the shopper asks for less; left out = the maximum. */
  amountFen: ZFen.min(0).optional(),
});
export type TAfterSaleApplyInput = z.input<typeof ZAfterSaleApplyInput>;

export const ZReturnAddress = z.strictObject({
  name: z.string().trim().min(1).max(40),
  mobile: z.string().trim().min(5).max(20),
  address: z.string().trim().min(4).max(200),
});
export type TReturnAddress = z.infer<typeof ZReturnAddress>;

export const ZAfterSaleLine = z.object({
  lineId: z.string(), skuId: z.string(), title: z.string(), specValues: z.array(z.string()), image: z.string().nullable(),
  quantity: z.number().int(), amountFen: ZFen,
});

export const ZAfterSaleStep = z.object({
  status: ZAfterSaleStatus,
  at: z.string(),
  actor: z.enum(['shopper', 'merchant', 'system']),
  note: z.string(),
});
export type TAfterSaleStep = z.infer<typeof ZAfterSaleStep>;

export const SHOPPER_AFTERSALE_ACTIONS = ['withdraw', 'ship_back', 'confirm_exchange'] as const;
export const ADMIN_AFTERSALE_ACTIONS = ['approve', 'reject', 'receive', 'refund', 'reship'] as const;

export const ZAfterSale = z.object({
  id: z.string(),
  afterSaleNo: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  kind: ZAfterSaleKind,
  status: ZAfterSaleStatus,
  reason: ZAfterSaleReason,
  description: z.string(),
  photos: z.array(z.string()),
  lines: z.array(ZAfterSaleLine),
  /** What is asked back, shipping included. */
  amountFen: ZFen,
  shippingFen: ZFen,
  refundedFen: ZFen,
  rejectReason: z.string().nullable(),
  returnAddress: ZReturnAddress.nullable(),
  returnCourier: z.string().nullable(),
  returnTrackingNo: z.string().nullable(),
  reshipCourier: z.string().nullable(),
  reshipTrackingNo: z.string().nullable(),
  restocked: z.boolean(),
  /** The merchant answers by then, or the request is approved automatically. */
  merchantDeadline: z.string().nullable(),
  steps: z.array(ZAfterSaleStep),
  actions: z.array(z.enum(SHOPPER_AFTERSALE_ACTIONS)),
  adminActions: z.array(z.enum(ADMIN_AFTERSALE_ACTIONS)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAfterSale = z.infer<typeof ZAfterSale>;

export const ZAfterSaleSummary = ZAfterSale.pick({
  id: true, afterSaleNo: true, orderId: true, orderNo: true, kind: true, status: true, reason: true, lines: true,
  amountFen: true, refundedFen: true, merchantDeadline: true, createdAt: true, updatedAt: true,
}).extend({ overdue: z.boolean() });
export type TAfterSaleSummary = z.infer<typeof ZAfterSaleSummary>;

export const ZAfterSalePage = z.object({ items: z.array(ZAfterSaleSummary), total: z.number().int(), hasMore: z.boolean() });
export type TAfterSalePage = z.infer<typeof ZAfterSalePage>;

export const ZShopAfterSaleQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

/** Admin tabs: pending = waiting for the merchant's answer; to_receive = parcels on their way back. */
export const ADMIN_AFTERSALE_TABS = ['pending', 'awaiting_return', 'to_receive', 'refunding', 'done', 'all'] as const;
export const ZAdminAfterSaleQuery = z.object({
  tab: z.enum(ADMIN_AFTERSALE_TABS).default('pending'),
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TAdminAfterSaleQuery = z.infer<typeof ZAdminAfterSaleQuery>;
export const ZAfterSaleTabCounts = z.record(z.enum(ADMIN_AFTERSALE_TABS), z.number().int());

/** An order line as after-sales sees it: what is left to ask for, what came back already. */
export const ZOrderAfterSaleLine = z.object({
  lineId: z.string(), title: z.string(), specValues: z.array(z.string()), image: z.string().nullable(),
  quantity: z.number().int(), payableFen: ZFen,
  refundedQuantity: z.number().int(), refundedFen: ZFen,
  /** Units and fen held by after-sales still open. */
  openQuantity: z.number().int(),
  availableQuantity: z.number().int(),
});
export const ZOrderAfterSales = z.object({
  orderId: z.string(),
  /** The kinds the shopper may ask for now (empty: none, e.g. the window passed). */
  kinds: z.array(ZAfterSaleKind),
  /** Requests are accepted until then (null: no limit yet, e.g. not received). */
  windowEndsAt: z.string().nullable(),
  lines: z.array(ZOrderAfterSaleLine),
  refundedFen: ZFen,
  afterSales: z.array(ZAfterSaleSummary),
});
export type TOrderAfterSales = z.infer<typeof ZOrderAfterSales>;

export const ZShipBackInput = z.strictObject({
  courier: z.string().trim().min(1).max(40),
  trackingNo: z.string().trim().regex(/^[0-9A-Za-z-]{6,40}$/),
});
export type TShipBackInput = z.infer<typeof ZShipBackInput>;
export const ZApproveInput = z.strictObject({ returnAddress: ZReturnAddress.optional() });
export const ZRejectInput = z.strictObject({ reason: z.string().trim().min(1).max(200) });
export const ZReceiveInput = z.strictObject({ restock: z.boolean().default(false) });

export const COUPON_RETURN_POLICIES = ['never', 'full_refund_before_shipping', 'full_refund'] as const;
export const ZAfterSaleSettings = z.strictObject({
  /** Hours the merchant has to answer before the request is approved automatically. */
  autoApproveHours: z.number().int().min(1).max(720),
  /** Days after receipt (completion) a shopper may still ask. */
  requestWindowDays: z.number().int().min(1).max(90),
  returnAddress: ZReturnAddress.nullable(),
  /** When a used coupon comes back to the shopper (still valid only). */
  couponReturn: z.enum(COUPON_RETURN_POLICIES),
  restockByDefault: z.boolean(),
});
export type TAfterSaleSettings = z.infer<typeof ZAfterSaleSettings>;
