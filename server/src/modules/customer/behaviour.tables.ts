import { pgTable, text, timestamp, uuid, jsonb, primaryKey, index } from 'drizzle-orm/pg-core';

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
  ],
);
