import { z } from 'zod';
import { ZFen } from '../platform/money.ts';

/**
 * 积分商城 (issue 8 point 2): shoppers exchange points — points only, no cash part — for a coupon
 * (a promotion coupon template) or a product (a catalog SKU, shipped as an order through the usual
 * fulfilment). Each item has its own stock, a per-customer limit and an on-shelf window.
 */

export const ZMallItemKind = z.enum(['coupon', 'product']);
export type TMallItemKind = z.infer<typeof ZMallItemKind>;

const ZWhen = z.string().datetime({ offset: true });

/** What the operator saves. `refId` is the coupon template's id (coupon) or the SKU's id (product). */
export const ZMallItemInput = z.strictObject({
  kind: ZMallItemKind,
  refId: z.string().uuid(),
  /** Shown in the shop; empty: the template's or the product's own name. */
  title: z.string().trim().max(40).default(''),
  description: z.string().trim().max(500).default(''),
  pointsPrice: z.number().int().min(1).max(100_000_000),
  /** Units left to exchange (the operator may raise or lower it; exchanges take it down). */
  stock: z.number().int().min(0).max(1_000_000),
  perCustomerLimit: z.number().int().min(1).max(1000),
  sort: z.number().int().min(0).max(10_000).default(0),
  onShelf: z.boolean(),
  validFrom: ZWhen.nullable().default(null),
  validUntil: ZWhen.nullable().default(null),
}).refine((v) => !v.validFrom || !v.validUntil || new Date(v.validUntil) > new Date(v.validFrom),
  { path: ['validUntil'], message: 'validUntil must be after validFrom' });
export type TMallItemInput = z.input<typeof ZMallItemInput>;

export const ZMallItem = z.object({
  id: z.string(),
  kind: ZMallItemKind,
  refId: z.string(),
  title: z.string(),
  /** The template's or the product's name at saving time (so the list reads even if the title is blank). */
  refName: z.string(),
  image: z.string().nullable(),
  description: z.string(),
  pointsPrice: z.number().int(),
  stock: z.number().int(),
  exchangedCount: z.number().int(),
  perCustomerLimit: z.number().int(),
  sort: z.number().int(),
  onShelf: z.boolean(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** For a product: its sale price (what the shopper would pay in cash), for reference. */
  marketPriceFen: ZFen.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TMallItem = z.infer<typeof ZMallItem>;
export const ZMallItemList = z.object({ items: z.array(ZMallItem) });
export type TMallItemList = z.infer<typeof ZMallItemList>;

/** Why the shopper cannot exchange an item now (null: they can). */
export const ZMallBlock = z.enum(['sold_out', 'limit_reached', 'not_started', 'ended', 'off_shelf', 'insufficient_points', 'sign_in']);
export type TMallBlock = z.infer<typeof ZMallBlock>;

export const ZShopMallItem = z.object({
  id: z.string(),
  kind: ZMallItemKind,
  title: z.string(),
  image: z.string().nullable(),
  description: z.string(),
  pointsPrice: z.number().int(),
  stock: z.number().int(),
  perCustomerLimit: z.number().int(),
  /** How many this shopper has exchanged (0 when signed out). */
  exchanged: z.number().int(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** A coupon's rule in words (满 ¥100 减 ¥10), null for a product. */
  couponSummary: z.string().nullable(),
  marketPriceFen: ZFen.nullable(),
  /** A product needs a delivery address at exchange. */
  needsAddress: z.boolean(),
  block: ZMallBlock.nullable(),
});
export type TShopMallItem = z.infer<typeof ZShopMallItem>;
export const ZShopMallList = z.object({
  /** The shopper's points now; null when signed out. */
  balance: z.number().int().nullable(),
  items: z.array(ZShopMallItem),
});
export type TShopMallList = z.infer<typeof ZShopMallList>;

/** Exchange one unit. `addressId` is required for a product (the order ships there). */
export const ZMallExchangeRequest = z.strictObject({
  itemId: z.string().uuid(),
  addressId: z.string().uuid().optional(),
});
export type TMallExchangeRequest = z.infer<typeof ZMallExchangeRequest>;

export const ZMallExchangeStatus = z.enum(['completed']);
export const ZMallExchange = z.object({
  id: z.string(),
  itemId: z.string(),
  kind: ZMallItemKind,
  title: z.string(),
  image: z.string().nullable(),
  points: z.number().int(),
  status: ZMallExchangeStatus,
  /** The coupon issued into the wallet (coupon items). */
  couponId: z.string().nullable(),
  /** The order that ships the product (product items). */
  orderId: z.string().nullable(),
  createdAt: z.string(),
});
export type TMallExchange = z.infer<typeof ZMallExchange>;
export const ZMallExchangeResult = ZMallExchange.extend({ balance: z.number().int() });
export type TMallExchangeResult = z.infer<typeof ZMallExchangeResult>;

export const ZMallExchangeQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZMallExchangePage = z.object({ items: z.array(ZMallExchange), total: z.number().int() });
export type TMallExchangePage = z.infer<typeof ZMallExchangePage>;

export const ZMallRecordQuery = ZMallExchangeQuery.extend({
  itemId: z.string().uuid().optional(),
  customerId: z.string().uuid().optional(),
});
export type TMallRecordQuery = z.input<typeof ZMallRecordQuery>;
export const ZMallRecord = ZMallExchange.extend({
  customerId: z.string(),
  /** 138****5678; null when the shopper has no phone login. */
  phoneMasked: z.string().nullable(),
});
export type TMallRecord = z.infer<typeof ZMallRecord>;
export const ZMallRecordPage = z.object({ items: z.array(ZMallRecord), total: z.number().int() });
export type TMallRecordPage = z.infer<typeof ZMallRecordPage>;
