import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, integer, bigint, jsonb, boolean, index, primaryKey, check, uniqueIndex } from 'drizzle-orm/pg-core';
import type { LevelBenefits } from './levels.rules.ts';
import type { LoyaltySettings } from './points.rules.ts';

const amount = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A customer's ledger accounts with their cached balance (the sum of the account's postings; the
 * ledger check proves it). Never below zero: the check constraint backs the conditional updates.
 */
export const loyaltyAccounts = pgTable('loyalty_accounts', {
  customerId: uuid('customer_id').notNull(),
  kind: text('kind').notNull(),
  balance: amount('balance'),
  version: integer('version').notNull().default(0),
  updatedAt: at('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.customerId, t.kind] }), check('loyalty_accounts_nonneg_ck', sql`${t.balance} >= 0`)]);

/** A journal entry: append-only, once per idempotency key. */
export const loyaltyEntries = pgTable('loyalty_entries', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull().unique(),
  kind: text('kind').notNull(),
  customerId: uuid('customer_id').notNull(),
  ref: text('ref'),
  memo: text('memo').notNull(),
  staffId: uuid('staff_id'),
  reason: text('reason'),
  createdAt: at('created_at').notNull(),
}, (t) => [index('loyalty_entries_customer_idx').on(t.customerId, t.createdAt)]);

/** A posting of an entry: customer accounts carry the customer; merchant counter-accounts do not. */
export const loyaltyPostings = pgTable('loyalty_postings', {
  id: uuid('id').primaryKey(),
  entryId: uuid('entry_id').notNull(),
  customerId: uuid('customer_id'),
  account: text('account').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [
  index('loyalty_postings_entry_idx').on(t.entryId),
  index('loyalty_postings_account_idx').on(t.customerId, t.account, t.createdAt),
]);

/** Points by when they were earned and when they expire; the remaining of all lots = the points balance. */
export const loyaltyPointLots = pgTable('loyalty_point_lots', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  entryId: uuid('entry_id').notNull(),
  amount: amount('amount'),
  remaining: amount('remaining'),
  earnedAt: at('earned_at').notNull(),
  expiresAt: at('expires_at'),
}, (t) => [
  index('loyalty_point_lots_customer_idx').on(t.customerId, t.expiresAt),
  index('loyalty_point_lots_expiry_idx').on(t.expiresAt),
  check('loyalty_point_lots_remaining_ck', sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.amount}`),
]);

/** Points or stored value held for a checkout (`ref` = the order): held → consumed | released. */
export const loyaltyHolds = pgTable('loyalty_holds', {
  id: uuid('id').primaryKey(),
  asset: text('asset', { enum: ['points', 'wallet'] }).notNull(),
  ref: text('ref').notNull(),
  customerId: uuid('customer_id').notNull(),
  amount: amount('amount'),
  principal: amount('principal'),
  bonus: amount('bonus'),
  refundedPrincipal: amount('refunded_principal'),
  refundedBonus: amount('refunded_bonus'),
  lots: jsonb('lots').$type<{ id: string; n: number }[]>().notNull(),
  status: text('status', { enum: ['held', 'consumed', 'released'] }).notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [uniqueIndex('loyalty_holds_ref_uq').on(t.asset, t.ref)]);

/** The member: growth, level, sign-in streak. */
export const loyaltyMembers = pgTable('loyalty_members', {
  customerId: uuid('customer_id').primaryKey(),
  growth: amount('growth'),
  levelId: uuid('level_id'),
  levelSince: at('level_since'),
  streak: integer('streak').notNull().default(0),
  lastSigninDay: text('last_signin_day'),
  ordersPaid: integer('orders_paid').notNull().default(0),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** Growth value changes, once per key; the level window sums these. */
export const loyaltyGrowth = pgTable('loyalty_growth', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull().unique(),
  customerId: uuid('customer_id').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [index('loyalty_growth_customer_idx').on(t.customerId, t.createdAt)]);

/** One sign-in per customer per Shanghai day (the primary key makes a double tap harmless). */
export const loyaltySignins = pgTable('loyalty_signins', {
  customerId: uuid('customer_id').notNull(),
  day: text('day').notNull(),
  streak: integer('streak').notNull(),
  points: integer('points').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.customerId, t.day] })]);

/** What loyalty knows of an order: paid and refunded fen, and the points and growth it gave and took back. */
export const loyaltyOrders = pgTable('loyalty_orders', {
  orderId: uuid('order_id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  paidFen: amount('paid_fen'),
  refundedFen: amount('refunded_fen'),
  fullyRefunded: boolean('fully_refunded').notNull().default(false),
  pointsEarned: amount('points_earned'),
  pointsClawed: amount('points_clawed'),
  growthAdded: amount('growth_added'),
  growthRemoved: amount('growth_removed'),
  /** The member's effective points multiplier when the order was paid (level, card, member day); null: paid before it was kept. */
  pointsMultiplierPct: integer('points_multiplier_pct'),
  earnedAt: at('earned_at'),
  completedAt: at('completed_at'),
  createdAt: at('created_at').notNull(),
});

export const loyaltyLevels = pgTable('loyalty_levels', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  threshold: bigint('threshold', { mode: 'number' }).notNull(),
  benefits: jsonb('benefits').$type<LevelBenefits>().notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [uniqueIndex('loyalty_levels_threshold_uq').on(t.threshold)]);

export const loyaltySettings = pgTable('loyalty_settings', {
  id: text('id').primaryKey(),
  value: jsonb('value').$type<LoyaltySettings>().notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const loyaltyRechargePackages = pgTable('loyalty_recharge_packages', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  amountFen: amount('amount_fen'),
  bonusFen: amount('bonus_fen'),
  active: boolean('active').notNull(),
  sort: integer('sort').notNull().default(0),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** A shopper's purchase of a recharge package: pending → paid once (credited with the entry `recharge:<id>`). */
export const loyaltyRecharges = pgTable('loyalty_recharges', {
  id: uuid('id').primaryKey(),
  rechargeNo: text('recharge_no').notNull().unique(),
  customerId: uuid('customer_id').notNull(),
  packageId: uuid('package_id').notNull(),
  amountFen: amount('amount_fen'),
  bonusFen: amount('bonus_fen'),
  status: text('status', { enum: ['pending', 'paid'] }).notNull(),
  intentId: uuid('intent_id'),
  paidAt: at('paid_at'),
  createdAt: at('created_at').notNull(),
}, (t) => [index('loyalty_recharges_customer_idx').on(t.customerId, t.createdAt)]);

/** What each run of the ledger check found. */
export const loyaltyLedgerChecks = pgTable('loyalty_ledger_checks', {
  id: uuid('id').primaryKey(),
  ok: boolean('ok').notNull(),
  drift: jsonb('drift').$type<{ kind: string; subject: string; detail: string }[]>().notNull(),
  ranAt: at('ran_at').notNull(),
});
