import { pgTable, text, timestamp, uuid, integer, uniqueIndex, index } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The Kuaidi100 simulator's side (demo mode, tests): subscriptions it accepted, how far each parcel
 * got, and the pushes it owes. A real Kuaidi100 account keeps these on its servers.
 */
export const kd100SimSubscriptions = pgTable('kd100_sim_subscriptions', {
  id: uuid('id').primaryKey(),
  company: text('company').notNull(),
  number: text('number').notNull(),
  toArea: text('to_area'),
  callbackUrl: text('callback_url').notNull(),
  salt: text('salt').notNull(),
  subscribedAt: at('subscribed_at').notNull(),
  /** Steps of the route already pushed. */
  pushedSteps: integer('pushed_steps').notNull().default(0),
  status: text('status', { enum: ['polling', 'shutdown'] }).notNull(),
}, (t) => [uniqueIndex('kd100_sim_sub_uq').on(t.company, t.number), index('kd100_sim_sub_status_idx').on(t.status)]);

/** One push owed to a callback URL: the timeline after `steps` steps, retried until acknowledged. */
export const kd100SimPushes = pgTable('kd100_sim_pushes', {
  id: uuid('id').primaryKey(),
  subscriptionId: uuid('subscription_id').notNull(),
  steps: integer('steps').notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: at('created_at').notNull(),
  deliveredAt: at('delivered_at'),
  lastError: text('last_error'),
}, (t) => [uniqueIndex('kd100_sim_push_uq').on(t.subscriptionId, t.steps)]);
