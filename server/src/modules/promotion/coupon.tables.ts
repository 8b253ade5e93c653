import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, jsonb, integer, boolean, index, primaryKey, check } from 'drizzle-orm/pg-core';
import type { TCouponValidity, TScope } from '@koi/contracts';

/** What coupons are issued from: kind, args, scope, validity, limits. `issued_count` never passes `total_quantity`. */
export const promotionCouponTemplates = pgTable(
  'promotion_coupon_templates',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    args: jsonb('args').$type<Record<string, unknown>>().notNull(),
    scope: jsonb('scope').$type<TScope>().notNull(),
    validity: jsonb('validity').$type<TCouponValidity>().notNull(),
    perCustomerLimit: integer('per_customer_limit').notNull(),
    totalQuantity: integer('total_quantity'),
    issuedCount: integer('issued_count').notNull().default(0),
    claimable: boolean('claimable').notNull(),
    status: text('status', { enum: ['draft', 'active', 'ended'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('promotion_coupon_templates_created_idx').on(t.createdAt, t.id),
    check('promotion_coupon_templates_quantity_ck', sql`${t.totalQuantity} is null or ${t.issuedCount} <= ${t.totalQuantity}`),
  ],
);

/**
 * An issued coupon. Kind, name, args and scope are copied from the template when issued, so a later
 * edit of the template never changes a coupon a shopper holds. available → frozen (by an unpaid
 * order) → used (paid), or back to available when that order closes; expired past `valid_until`.
 */
export const promotionCoupons = pgTable(
  'promotion_coupons',
  {
    id: uuid('id').primaryKey(),
    templateId: uuid('template_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    code: text('code').notNull().unique(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    args: jsonb('args').$type<Record<string, unknown>>().notNull(),
    scope: jsonb('scope').$type<TScope>().notNull(),
    status: text('status', { enum: ['available', 'frozen', 'used', 'expired'] }).notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    orderId: uuid('order_id'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    usedAt: timestamp('used_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('promotion_coupons_customer_idx').on(t.customerId, t.status),
    index('promotion_coupons_order_idx').on(t.orderId),
    index('promotion_coupons_template_idx').on(t.templateId, t.status),
  ],
);

/** Coupons each shopper claimed per template: the per-customer limit is a conditional upsert on this row. */
export const promotionCouponClaims = pgTable(
  'promotion_coupon_claims',
  {
    templateId: uuid('template_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.customerId] })],
);
