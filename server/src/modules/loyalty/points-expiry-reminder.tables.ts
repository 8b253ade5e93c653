import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The expiry reminders sent (issue 8): one row per customer and expiry day (the batch of points that
 * expire that day, Asia/Shanghai). The key makes a batch's reminder once only, whatever runs at once.
 */
export const loyaltyExpiryReminders = pgTable('loyalty_expiry_reminders', {
  customerId: uuid('customer_id').notNull(),
  /** The last day the points can be used, YYYY-MM-DD (Shanghai). */
  day: text('day').notNull(),
  points: bigint('points', { mode: 'number' }).notNull(),
  /** The outbox event that carried the reminder (one event may cover several days). */
  eventId: text('event_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.customerId, t.day] }), index('loyalty_expiry_reminders_created_idx').on(t.createdAt)]);
