import { pgTable, text, timestamp, uuid, integer, jsonb, primaryKey, index, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TSegmentRule } from '@koi/contracts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Saved segments (人群): a name and a live rule, re-evaluated whenever it is read. */
export const audienceSegments = pgTable('audience_segments', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  rule: jsonb('rule').$type<TSegmentRule>().notNull(),
  lastCount: integer('last_count'),
  lastCountedAt: at('last_counted_at'),
  createdBy: uuid('created_by'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [index('audience_segments_updated_idx').on(t.updatedAt, t.id), uniqueIndex('audience_segments_name_uq').on(t.name)]);

/**
 * A segment's members frozen at one moment, for a campaign or a coupon issue: the rule as it was,
 * how many, who took it. Members are kept in `audience_segment_snapshot_members`.
 */
export const audienceSegmentSnapshots = pgTable('audience_segment_snapshots', {
  id: uuid('id').primaryKey(),
  segmentId: uuid('segment_id').notNull(),
  rule: jsonb('rule').$type<TSegmentRule>().notNull(),
  count: integer('count').notNull(),
  takenAt: at('taken_at').notNull(),
  takenBy: uuid('taken_by'),
}, (t) => [index('audience_segment_snapshots_segment_idx').on(t.segmentId, t.takenAt)]);

/** Members of a snapshot; paged by keyset on (snapshot_id, customer_id). */
export const audienceSegmentSnapshotMembers = pgTable('audience_segment_snapshot_members', {
  snapshotId: uuid('snapshot_id').notNull(),
  customerId: uuid('customer_id').notNull(),
}, (t) => [primaryKey({ columns: [t.snapshotId, t.customerId] })]);
