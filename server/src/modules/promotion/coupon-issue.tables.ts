import { pgTable, text, timestamp, uuid, jsonb, integer, index, primaryKey } from 'drizzle-orm/pg-core';

/**
 * One row per issuance, keyed by its occasion (`code:<code>:<customer>`, `list:<job>:<customer>`,
 * `reward:birthday:<customer>:<year>` …): an issuance happens once per key however often it is tried.
 */
export const promotionCouponIssues = pgTable(
  'promotion_coupon_issues',
  {
    key: text('key').primaryKey(),
    templateId: uuid('template_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    couponId: uuid('coupon_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('promotion_coupon_issues_customer_idx').on(t.customerId)],
);

/** A batch of redeem codes: `count` unique one-use codes, or one shared code redeemable `count` times. */
export const promotionCouponCodeBatches = pgTable(
  'promotion_coupon_code_batches',
  {
    id: uuid('id').primaryKey(),
    templateId: uuid('template_id').notNull(),
    type: text('type', { enum: ['unique', 'shared'] }).notNull(),
    count: integer('count').notNull(),
    sharedCode: text('shared_code'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('promotion_coupon_code_batches_template_idx').on(t.templateId, t.createdAt)],
);

/** A redeem code. `redeemed < max_redemptions` is the conditional update that makes parallel redemptions safe. */
export const promotionCouponCodes = pgTable(
  'promotion_coupon_codes',
  {
    code: text('code').primaryKey(),
    batchId: uuid('batch_id').notNull(),
    templateId: uuid('template_id').notNull(),
    maxRedemptions: integer('max_redemptions').notNull(),
    redeemed: integer('redeemed').notNull().default(0),
  },
  (t) => [index('promotion_coupon_codes_batch_idx').on(t.batchId, t.code)],
);

/** Who redeemed which code: one shopper redeems a (shared) code once. */
export const promotionCouponCodeRedemptions = pgTable(
  'promotion_coupon_code_redemptions',
  {
    code: text('code').notNull(),
    customerId: uuid('customer_id').notNull(),
    couponId: uuid('coupon_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.customerId] })],
);

export type IssueSkip = { customer: string; reason: string };

/** 定向发券 to a list or a segment: a durable job whose progress the admin polls; skipped customers with the reason. */
export const promotionCouponIssueJobs = pgTable(
  'promotion_coupon_issue_jobs',
  {
    id: uuid('id').primaryKey(),
    templateId: uuid('template_id').notNull(),
    source: text('source', { enum: ['list', 'segment'] }).notNull(),
    segmentId: text('segment_id'),
    /** The pasted or uploaded entries (list), or the segment's members as they are read (segment). */
    entries: jsonb('entries').$type<string[]>().notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    issued: integer('issued').notNull().default(0),
    skipped: jsonb('skipped').$type<IssueSkip[]>().notNull(),
    message: text('message'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('promotion_coupon_issue_jobs_created_idx').on(t.createdAt)],
);

/** Reward occasions → the template each issues (new customer, birthday, level-up). */
export const promotionCouponRewards = pgTable('promotion_coupon_rewards', {
  occasion: text('occasion', { enum: ['new_customer', 'birthday', 'level_up'] }).primaryKey(),
  templateId: uuid('template_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
