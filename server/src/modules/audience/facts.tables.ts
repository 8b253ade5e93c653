import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, integer, bigint, smallint, primaryKey, index } from 'drizzle-orm/pg-core';

/**
 * The audience module's copy of what segments and tags read (issue 7 §4–5), one row per customer:
 * the profile facts from `customer.profiles_changed` and the aggregates of its paid orders (own and
 * imported). The segment compiler filters this table directly for profile conditions, so each
 * filterable column has its own index; a count over 1,000,000 rows stays a bitmap or sequential scan
 * of one narrow table.
 *
 * Customer-keyed (partition-ready by `customer_id`).
 */
export const audienceCustomers = pgTable(
  'audience_customers',
  {
    customerId: uuid('customer_id').primaryKey(),
    gender: text('gender', { enum: ['male', 'female', 'unknown'] }).notNull().default('unknown'),
    /** 1–12, or null when the birthday is unknown. */
    birthdayMonth: smallint('birthday_month'),
    regionCode: text('region_code'),
    sourceChannel: text('source_channel'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** Paid orders not refunded in full, all history. */
    paidOrders: integer('paid_orders').notNull().default(0),
    /** Sum of (total − refunded) of those orders. */
    spendFen: bigint('spend_fen', { mode: 'number' }).notNull().default(0),
    firstOrderAt: timestamp('first_order_at', { withTimezone: true }),
    lastOrderAt: timestamp('last_order_at', { withTimezone: true }),
    /** PIPL deletion done (`customer.erased`): the profile copy is gone and the customer is in no segment. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('audience_customers_gender_idx').on(t.gender),
    index('audience_customers_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('audience_customers_source_idx').on(t.sourceChannel),
    index('audience_customers_birthday_idx').on(t.birthdayMonth),
    index('audience_customers_last_order_idx').on(t.lastOrderAt),
  ],
);

/**
 * Paid order facts from every source: Koi's own orders (`source` 'koi', `order_ref` the order id)
 * and imported ones (`source` the platform, `order_ref` its order number). A repeat of the same
 * (source, order_ref) updates the row, so imports and redelivered events are idempotent.
 *
 * Indexes: (customer_id, paid_at, total_fen, refunded_fen) answers one customer's window measures
 * (segment conditions, aggregates) from the index alone; (paid_at, …) serves whole-window scans
 * (tag recomputes, reports); a GIN on `category_ids` for category conditions.
 */
export const audienceOrders = pgTable(
  'audience_orders',
  {
    source: text('source').notNull(),
    orderRef: text('order_ref').notNull(),
    customerId: uuid('customer_id').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
    categoryIds: text('category_ids').array().notNull().default(sql`'{}'::text[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.orderRef] }),
    index('audience_orders_customer_paid_idx').on(t.customerId, t.paidAt, t.totalFen, t.refundedFen),
    index('audience_orders_paid_idx').on(t.paidAt, t.customerId, t.totalFen, t.refundedFen),
    index('audience_orders_categories_idx').using('gin', t.categoryIds),
  ],
);
