import { pgTable, text, timestamp, uuid, integer, bigint, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TImportMapping } from '@koi/contracts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** One uploaded export: the mapping the operator chose, the job's progress and its counts. */
export const customerImports = pgTable(
  'customer_imports',
  {
    id: uuid('id').primaryKey(),
    status: text('status', { enum: ['uploaded', 'queued', 'importing', 'done', 'failed'] }).notNull(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    encoding: text('encoding', { enum: ['utf-8', 'gbk'] }),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    platform: text('platform').notNull(),
    mapping: jsonb('mapping').$type<TImportMapping>().notNull(),
    /** The file's header row (the rejected-rows report repeats it after the upload is gone). */
    headers: jsonb('headers').$type<string[]>().notNull(),
    /** Data rows committed so far: a retried job skips them (each batch commits with this count). */
    rowsDone: integer('rows_done').notNull().default(0),
    bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
    totalEstimate: integer('total_estimate').notNull().default(0),
    ordersImported: integer('orders_imported').notNull().default(0),
    paidOrders: integer('paid_orders').notNull().default(0),
    customersCreated: integer('customers_created').notNull().default(0),
    customersMatched: integer('customers_matched').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    message: text('message'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [index('customer_imports_created_idx').on(t.createdAt)],
);

/**
 * Orders a customer placed on another platform, as imported. One per (source, platform order no):
 * importing the same file again updates them. Personal fields are dropped when the customer is erased.
 */
export const customerImportedOrders = pgTable(
  'customer_imported_orders',
  {
    id: uuid('id').primaryKey(),
    source: text('source').notNull(),
    platformOrderNo: text('platform_order_no').notNull(),
    customerId: uuid('customer_id').notNull(),
    importId: uuid('import_id').notNull(),
    status: text('status', { enum: ['pending', 'paid', 'completed', 'refunded', 'closed'] }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    placedAt: at('placed_at'),
    paidAt: at('paid_at'),
    itemSummary: text('item_summary').notNull().default(''),
    itemQuantity: integer('item_quantity'),
    buyerId: text('buyer_id'),
    receiverName: text('receiver_name'),
    phone: text('phone'),
    address: text('address'),
    importedAt: at('imported_at').notNull(),
  },
  (t) => [
    uniqueIndex('customer_imported_orders_source_no_uq').on(t.source, t.platformOrderNo),
    index('customer_imported_orders_customer_idx').on(t.customerId, t.placedAt),
    // The import's closing tag pass walks its customers by keyset (import_id, customer_id).
    index('customer_imported_orders_import_idx').on(t.importId, t.customerId),
  ],
);

/** Rows the job could not import, with the reasons and the original cells (the downloadable report). */
export const customerImportRejects = pgTable(
  'customer_import_rejects',
  {
    importId: uuid('import_id').notNull(),
    rowNo: integer('row_no').notNull(),
    reason: text('reason').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
  },
  (t) => [uniqueIndex('customer_import_rejects_pk').on(t.importId, t.rowNo)],
);
