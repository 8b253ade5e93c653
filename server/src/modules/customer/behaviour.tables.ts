import { pgTable, text, timestamp, uuid, jsonb, primaryKey, index, date, integer } from 'drizzle-orm/pg-core';

/**
 * What shoppers did (viewed a product, searched, shared …), append-only, for the customer data
 * platform. Partition-ready: the primary key leads with `customer_key` (the shopper's id when signed
 * in, else `anon:<anonymousId>`), so Citus can distribute by it and each customer's timeline is one
 * index range (ids are UUIDv7, time-ordered); `occurred_at` has its own index for time windows,
 * rollups and retention (a range partition by month fits it).
 */
export const behaviourEvents = pgTable(
  'behaviour_events',
  {
    customerKey: text('customer_key').notNull(),
    id: uuid('id').notNull(),
    shopperId: uuid('shopper_id'),
    /** The device's id; null only for server-side events of a caller who sent none. */
    anonymousId: text('anonymous_id'),
    type: text('type').notNull(),
    props: jsonb('props').notNull(),
    /** When it happened (the device's clock, clamped to [received − 24 h, received + 5 min]). */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    source: text('source', { enum: ['shop', 'server'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerKey, t.id] }),
    index('behaviour_events_occurred_idx').on(t.occurredAt),
    index('behaviour_events_anonymous_idx').on(t.anonymousId, t.occurredAt),
    // Segment and tag counts of one event type in a time window, per customer, from the index alone.
    index('behaviour_events_type_time_idx').on(t.type, t.occurredAt, t.shopperId),
  ],
);

/**
 * How many events of one type each signed-in customer had on one UTC day: a rollup kept exactly in
 * step with `behaviour_events` (every insert upserts `n = n + k` in the same transaction, see
 * behaviour-append.ts; erasure deletes the customer's rows). Segment and tag counts over a window
 * read the whole days here and only the partial boundary days from the raw events: the window index
 * holds every column, so a window is one index-only range of (type, day); the primary key serves
 * one customer's counts (explanations, membership) and erasure.
 */
export const behaviourDailyCounts = pgTable(
  'behaviour_daily_counts',
  {
    type: text('type').notNull(),
    /** The UTC calendar day of `occurred_at`. */
    day: date('day', { mode: 'string' }).notNull(),
    customerId: uuid('customer_id').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.type, t.day] }),
    index('behaviour_daily_counts_window_idx').on(t.type, t.day, t.customerId, t.n),
  ],
);
