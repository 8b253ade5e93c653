import { pgTable, text, timestamp, uuid, boolean, integer, jsonb, primaryKey, index, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A shopper's channel switches per purpose. No row means the default: transactional on, marketing
 * off (PIPL: marketing needs a granted consent). Customer-keyed (partition-ready by customer_id).
 */
export const messagePreferences = pgTable(
  'message_preferences',
  {
    customerId: uuid('customer_id').notNull(),
    purpose: text('purpose', { enum: ['transactional', 'marketing'] }).notNull(),
    channel: text('channel', { enum: ['wechat', 'sms'] }).notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.purpose, t.channel] })],
);

/** Every consent change, append-only: who, which channel and purpose, granted or withdrawn, when, from where. */
export const messageConsentLog = pgTable(
  'message_consent_log',
  {
    customerId: uuid('customer_id').notNull(),
    id: uuid('id').notNull(),
    purpose: text('purpose').notNull(),
    channel: text('channel').notNull(),
    granted: boolean('granted').notNull(),
    source: text('source').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.id] })],
);

/**
 * WeChat one-time subscriptions (一次性订阅): each template the shopper accepted in
 * wx.requestSubscribeMessage allows one message; a send consumes one.
 */
export const wechatSubscriptions = pgTable(
  'wechat_subscriptions',
  {
    customerId: uuid('customer_id').notNull(),
    templateId: text('template_id').notNull(),
    remaining: integer('remaining').notNull(),
    acceptedTotal: integer('accepted_total').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.templateId] })],
);

/**
 * The send log and outbox of notifications: one row per (event, channel), so a redelivered event
 * never sends twice. `queued` rows are delivered by the `messaging.deliver` job (and the sweep);
 * `skipped` rows say why a channel was passed over. The full recipient is kept to send; lists mask it.
 */
export const messageSends = pgTable(
  'message_sends',
  {
    id: uuid('id').primaryKey(),
    eventId: text('event_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel', { enum: ['wechat', 'sms'] }).notNull(),
    template: text('template').notNull(),
    recipient: text('recipient').notNull(),
    payload: jsonb('payload').notNull(),
    content: text('content').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed', 'skipped'] }).notNull(),
    providerId: text('provider_id'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('message_sends_event_channel_uq').on(t.eventId, t.channel),
    index('message_sends_due_idx').on(t.status, t.nextAttemptAt),
    index('message_sends_created_idx').on(t.createdAt),
    index('message_sends_customer_idx').on(t.customerId, t.createdAt),
  ],
);
