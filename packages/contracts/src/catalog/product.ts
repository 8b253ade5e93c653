import { z } from 'zod';
import { ZFen } from '../platform/money.ts';

export const PRODUCT_STATUSES = ['draft', 'on_sale', 'off_shelf'] as const;
export const ZProductStatus = z.enum(PRODUCT_STATUSES);
export type TProductStatus = z.infer<typeof ZProductStatus>;

/** Money in an input: integer fen, not negative, below ¥10,000,000. */
export const ZPriceFen = ZFen.min(0, 'must not be negative').max(1_000_000_000, 'too large');

/** A spec dimension (规格): 颜色 → [天青, 月白]. SKUs are the cartesian product of the values. */
export const ZSpecDimension = z.strictObject({
  name: z.string().trim().min(1).max(20),
  values: z.array(z.string().trim().min(1).max(30)).min(1).max(50),
});
export type TSpecDimension = z.infer<typeof ZSpecDimension>;

export const ZSkuInput = z.strictObject({
  /** Merchant's SKU code (货号), unique across the catalog. */
  code: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only'),
  /** One value per spec dimension, in the dimensions' order. Empty when the product has no specs. */
  specValues: z.array(z.string().trim().min(1).max(30)).max(5),
  priceFen: ZPriceFen,
  listPriceFen: ZPriceFen.nullable().default(null),
  costPriceFen: ZPriceFen.nullable().default(null),
  weightGrams: z.number().int().min(0).max(1_000_000).nullable().default(null),
  barcode: z.string().trim().max(32).nullable().default(null),
  imageUrl: z.string().max(500).nullable().default(null),
  /** Stock at the default warehouse; set on create and on edit (inventory keeps the truth). */
  stock: z.number().int().min(0).max(10_000_000),
});
export type TSkuInput = z.infer<typeof ZSkuInput>;

export const ZProductInput = z.strictObject({
  title: z.string().trim().min(1).max(60),
  subtitle: z.string().trim().max(120).default(''),
  categoryId: z.string().min(1).max(64),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  /** Rich description (HTML); the server sanitises it. */
  description: z.string().max(200_000).default(''),
  /** Image URLs from the media upload, the first is the main image. */
  images: z.array(z.string().max(500)).max(15).default([]),
  specs: z.array(ZSpecDimension).max(5).default([]),
  skus: z.array(ZSkuInput).min(1).max(600),
  /** Most units one shopper may buy (限购); null: no limit. */
  purchaseLimit: z.number().int().min(1).max(9999).nullable().default(null),
  /** The shipping template (运费模板) its lines are charged by; null: the merchant's default. */
  shippingTemplateId: z.uuid().nullable().default(null),
  status: ZProductStatus.default('draft'),
  scheduledOnSaleAt: z.iso.datetime({ offset: true }).nullable().default(null),
  scheduledOffSaleAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type TProductInput = z.input<typeof ZProductInput>;

export const ZSku = z.object({
  id: z.string(),
  code: z.string(),
  specValues: z.array(z.string()),
  priceFen: ZFen,
  listPriceFen: ZFen.nullable(),
  costPriceFen: ZFen.nullable(),
  weightGrams: z.number().int().nullable(),
  barcode: z.string().nullable(),
  imageUrl: z.string().nullable(),
  stock: z.number().int(),
});
export type TSku = z.infer<typeof ZSku>;

export const ZProduct = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  categoryId: z.string(),
  categoryName: z.string().nullable(),
  tags: z.array(z.string()),
  description: z.string(),
  images: z.array(z.string()),
  specs: z.array(ZSpecDimension),
  skus: z.array(ZSku),
  purchaseLimit: z.number().int().nullable(),
  shippingTemplateId: z.string().nullable(),
  status: ZProductStatus,
  scheduledOnSaleAt: z.string().nullable(),
  scheduledOffSaleAt: z.string().nullable(),
  priceMinFen: ZFen,
  priceMaxFen: ZFen,
  stockTotal: z.number().int(),
  sales: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TProduct = z.infer<typeof ZProduct>;

/** A row of the admin product list. */
export const ZProductRow = z.object({
  id: z.string(),
  title: z.string(),
  mainImage: z.string().nullable(),
  status: ZProductStatus,
  categoryName: z.string().nullable(),
  priceMinFen: ZFen,
  priceMaxFen: ZFen,
  stockTotal: z.number().int(),
  sales: z.number().int(),
  skuCount: z.number().int(),
  updatedAt: z.string(),
});
export type TProductRow = z.infer<typeof ZProductRow>;

/** Most ids one product-list request may name (a picker loads what it shows in pages of this many). */
export const ADMIN_PRODUCT_IDS_MAX = 100;
/**
 * `ids=a,b,c` or `ids=a&ids=b`: only these products (pickers show the titles of what they hold in one
 * request). Every id must be a uuid; at most ADMIN_PRODUCT_IDS_MAX of them.
 */
export const ZProductIdList = z
  .union([z.string(), z.array(z.string())])
  .describe(`Only these products: uuids, comma-separated (ids=a,b) or repeated (ids=a&ids=b), at most ${ADMIN_PRODUCT_IDS_MAX}`)
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.uuid()).max(ADMIN_PRODUCT_IDS_MAX));

export const ZAdminProductQuery = z.object({
  q: z.string().trim().max(60).optional(),
  ids: ZProductIdList.optional(),
  categoryId: z.string().max(64).optional(),
  status: ZProductStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZProductRowList = z.object({ items: z.array(ZProductRow), total: z.number().int() });
export type TProductRowList = z.infer<typeof ZProductRowList>;

export const ZBatchStatusRequest = z.strictObject({ ids: z.array(z.string()).min(1).max(500), status: ZProductStatus });
/** Batch price change: set every SKU to a price, or move by a percentage (e.g. -10 = 9折) or by fen. */
export const ZBatchPriceRequest = z.strictObject({
  ids: z.array(z.string()).min(1).max(500),
  mode: z.enum(['set', 'percent', 'delta']),
  value: z.number().int().min(-1_000_000_000).max(1_000_000_000),
});
export const ZBatchResult = z.object({ updated: z.number().int() });
export type TBatchPriceRequest = z.infer<typeof ZBatchPriceRequest>;

export const ZMedia = z.object({ url: z.string(), thumbUrl: z.string(), width: z.number().int(), height: z.number().int(), bytes: z.number().int() });
export type TMedia = z.infer<typeof ZMedia>;
