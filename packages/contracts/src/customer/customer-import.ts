import { z } from 'zod';

/**
 * Importing customers and their historical orders from other platforms' order exports (issue 7 §2).
 * Routes: `/api/admin/customer-imports` (upload, preview, start, status, history, rejected rows, sample)
 * and `/api/admin/customers/:id/imported-orders` (the Customer 360 panel).
 */
export const IMPORT_PLATFORMS = ['taobao', 'jd', 'douyin', 'youzan', 'generic'] as const;
export const ZImportPlatform = z.enum(IMPORT_PLATFORMS);
export type TImportPlatform = z.infer<typeof ZImportPlatform>;

/** What a column can be mapped to. `orderNo`, `amount` and one of `placedAt`/`paidAt` are required. */
export const IMPORT_FIELDS = [
  'orderNo', 'buyerId', 'name', 'phone', 'address', 'amount', 'status', 'placedAt', 'paidAt', 'itemTitle', 'itemQuantity',
] as const;
export const ZImportField = z.enum(IMPORT_FIELDS);
export type TImportField = z.infer<typeof ZImportField>;
export const REQUIRED_IMPORT_FIELDS: readonly TImportField[] = ['orderNo', 'amount'];

/** Field → 0-based column index in the file, or null when the file has no such column. */
export const ZImportMapping = z.strictObject(
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.number().int().min(0).max(499).nullable()])) as Record<TImportField, z.ZodNullable<z.ZodNumber>>,
);
export type TImportMapping = Record<TImportField, number | null>;

export const IMPORTED_ORDER_STATUSES = ['pending', 'paid', 'completed', 'refunded', 'closed'] as const;
export const ZImportedOrderStatus = z.enum(IMPORTED_ORDER_STATUSES);
export type TImportedOrderStatus = z.infer<typeof ZImportedOrderStatus>;

export const CUSTOMER_IMPORT_STATUSES = ['uploaded', 'queued', 'importing', 'done', 'failed'] as const;
export const ZCustomerImportState = z.enum(CUSTOMER_IMPORT_STATUSES);

/** After the upload: what Koi recognised, for the mapping step. */
export const ZCustomerImportPreview = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** CSV only: the text encoding detected (Taobao's exports are often GBK). */
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  headers: z.array(z.string()),
  /** The first rows as text, in column order. */
  sampleRows: z.array(z.array(z.string())),
  /** The platform whose headers matched best, and how many of its usual headers were found. */
  platform: ZImportPlatform,
  matchedHeaders: z.number().int(),
  mapping: ZImportMapping,
  /** Rows estimated from the file size (exact once imported). */
  totalEstimate: z.number().int(),
});
export type TCustomerImportPreview = z.infer<typeof ZCustomerImportPreview>;

export const ZCustomerImportStart = z.strictObject({ platform: ZImportPlatform, mapping: ZImportMapping });
export type TCustomerImportStart = z.infer<typeof ZCustomerImportStart>;

export const ZCustomerImportStatus = z.object({
  id: z.string(),
  status: ZCustomerImportState,
  fileName: z.string(),
  platform: ZImportPlatform,
  rowsDone: z.number().int(),
  totalEstimate: z.number().int(),
  /** 0–100, from the bytes of the file read; 100 only when done. */
  progressPercent: z.number().int(),
  ordersImported: z.number().int(),
  paidOrders: z.number().int(),
  customersCreated: z.number().int(),
  customersMatched: z.number().int(),
  rejectedCount: z.number().int(),
  /** CSV of the rejected rows (row number, reason, original cells); null when none. */
  rejectedReportUrl: z.string().nullable(),
  message: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TCustomerImportStatus = z.infer<typeof ZCustomerImportStatus>;

export const ZCustomerImportListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZCustomerImportList = z.object({ items: z.array(ZCustomerImportStatus), total: z.number().int() });
export type TCustomerImportList = z.infer<typeof ZCustomerImportList>;

export const ZImportSampleQuery = z.object({
  platform: ZImportPlatform.exclude(['generic']).default('taobao'),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  rows: z.coerce.number().int().min(1).max(5000).default(200),
});

/** One imported order on the Customer 360 page; the phone is shown masked. */
export const ZImportedOrder = z.object({
  id: z.string(),
  source: ZImportPlatform,
  platformOrderNo: z.string(),
  status: ZImportedOrderStatus,
  amountFen: z.number().int(),
  placedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  itemSummary: z.string(),
  itemQuantity: z.number().int().nullable(),
  receiverName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  importId: z.string(),
  importedAt: z.string(),
});
export type TImportedOrder = z.infer<typeof ZImportedOrder>;

export const ZImportedOrderListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZImportedOrderList = z.object({
  items: z.array(ZImportedOrder),
  total: z.number().int(),
  /** Paid and completed orders only (refunded and closed excluded). */
  paidTotalFen: z.number().int(),
});
export type TImportedOrderList = z.infer<typeof ZImportedOrderList>;
