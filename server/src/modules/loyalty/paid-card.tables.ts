import { pgTable, text, timestamp, uuid, integer, bigint, jsonb, boolean, index } from 'drizzle-orm/pg-core';
import type { TMemberDaySettings } from '@koi/contracts';
import type { LevelBenefits } from './levels.rules.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** 付费会员 card plans the merchant sells: a price, a period, benefits like a level's. */
export const loyaltyCardPlans = pgTable('loyalty_card_plans', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
  periodDays: integer('period_days').notNull(),
  benefits: jsonb('benefits').$type<LevelBenefits>().notNull(),
  active: boolean('active').notNull(),
  sort: integer('sort').notNull().default(0),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/**
 * A shopper's purchase of a card plan: pending → paid once. Plan name, price, period and benefits
 * are copied when it starts, so a later edit of the plan does not change what a paying shopper gets.
 */
export const loyaltyCardPurchases = pgTable('loyalty_card_purchases', {
  id: uuid('id').primaryKey(),
  purchaseNo: text('purchase_no').notNull().unique(),
  customerId: uuid('customer_id').notNull(),
  planId: uuid('plan_id').notNull(),
  name: text('name').notNull(),
  priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
  periodDays: integer('period_days').notNull(),
  benefits: jsonb('benefits').$type<LevelBenefits>().notNull(),
  status: text('status', { enum: ['pending', 'paid'] }).notNull(),
  intentId: uuid('intent_id'),
  paidAt: at('paid_at'),
  expiresAt: at('expires_at'),
  createdAt: at('created_at').notNull(),
}, (t) => [index('loyalty_card_purchases_customer_idx').on(t.customerId, t.createdAt)]);

/** The card a shopper holds: the last paid plan's benefits, valid until `expires_at` (each purchase extends it). */
export const loyaltyMemberCards = pgTable('loyalty_member_cards', {
  customerId: uuid('customer_id').primaryKey(),
  planId: uuid('plan_id').notNull(),
  name: text('name').notNull(),
  benefits: jsonb('benefits').$type<LevelBenefits>().notNull(),
  startsAt: at('starts_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [index('loyalty_member_cards_expiry_idx').on(t.expiresAt)]);

/** The member day (会员日) settings: one row, id `default`. */
export const loyaltyMemberDay = pgTable('loyalty_member_day', {
  id: text('id').primaryKey(),
  value: jsonb('value').$type<TMemberDaySettings>().notNull(),
  updatedAt: at('updated_at').notNull(),
});
