import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, boolean, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One package of an order handed to a courier. The order number and buyer region are copied here
 * so the shipping queue lists packages without reading the order module's tables.
 */
export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    orderNo: text('order_no').notNull(),
    customerId: uuid('customer_id').notNull(),
    recipient: text('recipient'),
    mobile: text('mobile'),
    region: text('region'),
    courierCode: text('courier_code').notNull(),
    courierName: text('courier_name').notNull(),
    trackingNo: text('tracking_no').notNull(),
    /** Units of each order line in this package, with the line's title as sold. */
    lines: jsonb('lines').$type<{ lineId: string; quantity: number; title: string; specValues: string[]; image: string | null }[]>().notNull(),
    trackingState: integer('tracking_state'),
    subscribed: boolean('subscribed').notNull().default(false),
    shippedAt: at('shipped_at').notNull(),
    lastEventAt: at('last_event_at'),
    lastContext: text('last_context'),
    deliveredAt: at('delivered_at'),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('shipments_order_tracking_uq').on(t.orderId, t.courierCode, t.trackingNo),
    index('shipments_tracking_idx').on(t.courierCode, t.trackingNo),
    index('shipments_order_idx').on(t.orderId),
    index('shipments_shipped_idx').on(t.shippedAt),
  ],
);

/**
 * Units shipped per order line. A package adds its units with a conditional upsert
 * (`shipped + n <= ordered`), so two operators shipping the same line at once cannot exceed it.
 */
export const shipmentLineUnits = pgTable('shipment_line_units', {
  orderLineId: uuid('order_line_id').primaryKey(),
  orderId: uuid('order_id').notNull(),
  ordered: integer('ordered').notNull(),
  shipped: integer('shipped').notNull(),
}, (t) => [index('shipment_line_units_order_idx').on(t.orderId), check('shipment_line_units_bound', sql`${t.shipped} >= 0 and ${t.shipped} <= ${t.ordered}`)]);

/** A package's tracking timeline; a pushed event already stored is ignored (duplicate pushes). */
export const shipmentEvents = pgTable(
  'shipment_events',
  {
    id: uuid('id').primaryKey(),
    shipmentId: uuid('shipment_id').notNull(),
    at: at('at').notNull(),
    context: text('context').notNull(),
    state: integer('state'),
    areaName: text('area_name'),
  },
  (t) => [uniqueIndex('shipment_events_uq').on(t.shipmentId, t.at, t.context)],
);

/** Orders whose packages are all delivered: completed by the countdown at `due_at` unless confirmed first. */
export const shipmentAutoConfirm = pgTable('shipment_auto_confirm', {
  orderId: uuid('order_id').primaryKey(),
  dueAt: at('due_at').notNull(),
  doneAt: at('done_at'),
}, (t) => [index('shipment_auto_confirm_due_idx').on(t.dueAt).where(sql`done_at is null`)]);

/** Batch shipping from an Excel sheet: a durable job, polled for progress. */
export const shipmentImports = pgTable('shipment_imports', {
  id: uuid('id').primaryKey(),
  status: text('status', { enum: ['validating', 'importing', 'done', 'failed'] }).notNull(),
  fileName: text('file_name').notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  shippedRows: integer('shipped_rows').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  hasErrorReport: boolean('has_error_report').notNull().default(false),
  message: text('message'),
  createdBy: uuid('created_by'),
  startedAt: at('started_at').notNull(),
  finishedAt: at('finished_at'),
});
