import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, integer, jsonb, primaryKey, index, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TRfmThresholds, TSegmentRule, TTagExplanation, TTagSettings } from '@koi/contracts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Tag groups (兴趣偏好, 服务 …). System groups (RFM, lifecycle, spend) carry `kind` 'system' and are Koi's own. */
export const audienceTagGroups = pgTable('audience_tag_groups', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  color: text('color').notNull(),
  sort: integer('sort').notNull().default(0),
  kind: text('kind', { enum: ['manual', 'rule', 'system'] }).notNull().default('manual'),
  /** System groups only: `rfm`, `lifecycle`, `spend`. */
  code: text('code'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [
  uniqueIndex('audience_tag_groups_name_uq').on(t.name),
  uniqueIndex('audience_tag_groups_code_uq').on(t.code),
]);

/**
 * A tag. `kind` manual: staff set it; rule: `rule` (a segment rule) decides; system: `code` names
 * Koi's computation (`rfm:important_value`, `lifecycle:dormant`, `spend:high`).
 */
export const audienceTags = pgTable('audience_tags', {
  id: uuid('id').primaryKey(),
  groupId: uuid('group_id'),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['manual', 'rule', 'system'] }).notNull(),
  code: text('code'),
  rule: jsonb('rule').$type<TSegmentRule>(),
  description: text('description').notNull().default(''),
  color: text('color').notNull(),
  sort: integer('sort').notNull().default(0),
  /** Last full evaluation (rule and system tags). */
  evaluatedAt: at('evaluated_at'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [
  uniqueIndex('audience_tags_code_uq').on(t.code),
  uniqueIndex('audience_tags_group_name_uq').on(sql`coalesce(${t.groupId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.name),
  index('audience_tags_kind_idx').on(t.kind),
]);

/**
 * Which customer holds which tag, since when, set by whom (`staff`, `rule`, `system`) and why.
 * Shape agreed with the segments helper (issue 7): their SQL compiler reads it for `tag` conditions.
 * Customer-keyed and partition-ready by `customer_id`.
 */
export const audienceCustomerTags = pgTable('audience_customer_tags', {
  tagId: uuid('tag_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  setAt: at('set_at').notNull(),
  setBy: text('set_by').notNull(),
  explanation: jsonb('explanation').$type<TTagExplanation>().notNull(),
}, (t) => [
  primaryKey({ columns: [t.tagId, t.customerId] }),
  index('audience_customer_tags_customer_idx').on(t.customerId),
]);

/** The merchant's system-tag settings: one row, id 'default'. */
export const audienceTagSettings = pgTable('audience_tag_settings', {
  id: text('id').primaryKey(),
  value: jsonb('value').$type<TTagSettings>().notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** A recompute pass (nightly or asked for): progress for the admin, and the RFM cut points it used. */
export const audienceTagRuns = pgTable('audience_tag_runs', {
  id: uuid('id').primaryKey(),
  scope: text('scope').notNull(),
  status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  thresholds: jsonb('thresholds').$type<TRfmThresholds>(),
  message: text('message'),
  createdAt: at('created_at').notNull(),
  startedAt: at('started_at'),
  finishedAt: at('finished_at'),
}, (t) => [index('audience_tag_runs_created_idx').on(t.createdAt)]);
