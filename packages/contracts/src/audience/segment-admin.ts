import { z } from 'zod';
import { ZCustomerGender, ZSegmentRule } from './segment.ts';
import { ZSegmentExplanationNode } from './tags.ts';

/**
 * The admin's segments (人群, issue 7 §5): a live preview while the operator edits a rule, saved
 * segments, "why is this customer in it", snapshots frozen for campaigns, and the Excel export.
 * Routes: `/api/admin/segments…` in `server/src/modules/audience/segment.routes.admin.ts`.
 */

/** One customer of a preview's sample or a snapshot page, with the facts the segment read. */
export const ZSegmentCustomer = z.object({
  customerId: z.string(),
  /** The customer's name when the customer module knows it, else null (the admin shows the id). */
  name: z.string().nullable(),
  gender: ZCustomerGender,
  regionCode: z.string().nullable(),
  sourceChannel: z.string().nullable(),
  /** Paid orders (own and imported) not refunded in full, all history. */
  paidOrders: z.number().int(),
  /** What the customer kept of those orders, in fen. */
  spendFen: z.number().int(),
  lastOrderAt: z.string().nullable(),
});
export type TSegmentCustomer = z.infer<typeof ZSegmentCustomer>;

export const ZSegmentPreviewRequest = z.strictObject({ rule: ZSegmentRule });
export type TSegmentPreviewRequest = z.infer<typeof ZSegmentPreviewRequest>;

export const SEGMENT_SAMPLE_SIZE = 20;
export const ZSegmentPreview = z.object({
  count: z.number().int(),
  /** Up to 20 members, in a stable order. */
  sample: z.array(ZSegmentCustomer),
  /** The `now` the rule's windows were measured from. */
  at: z.string(),
  tookMs: z.number(),
});
export type TSegmentPreview = z.infer<typeof ZSegmentPreview>;

/** "Why is this customer in it": the reference evaluator's tree (the shape tags' explanations use too). */
export const ZSegmentExplainRequest = z.strictObject({ rule: ZSegmentRule, customerId: z.uuid() });
export type TSegmentExplainRequest = z.infer<typeof ZSegmentExplainRequest>;
export const ZSegmentExplanation = z.object({
  customer: ZSegmentCustomer,
  matched: z.boolean(),
  explanation: ZSegmentExplanationNode,
  at: z.string(),
});
export type TSegmentExplanation = z.infer<typeof ZSegmentExplanation>;

export const ZSegmentInput = z.strictObject({
  name: z.string().trim().min(1).max(40),
  description: z.string().trim().max(200).default(''),
  rule: ZSegmentRule,
});
export type TSegmentInput = z.infer<typeof ZSegmentInput>;

export const ZSegment = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  rule: ZSegmentRule,
  /** Members when last counted (list, save, snapshot), and when; null before the first count. */
  lastCount: z.number().int().nullable(),
  lastCountedAt: z.string().nullable(),
  snapshots: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSegment = z.infer<typeof ZSegment>;
export const ZSegmentList = z.object({ items: z.array(ZSegment), total: z.number().int() });
export type TSegmentList = z.infer<typeof ZSegmentList>;
export const ZSegmentListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  keyword: z.string().trim().max(40).optional(),
});
export type TSegmentListQuery = z.infer<typeof ZSegmentListQuery>;

/** A segment's members frozen at one moment (a campaign sends to these, whatever the rule says later). */
export const ZSegmentSnapshot = z.object({
  id: z.string(),
  segmentId: z.string(),
  rule: ZSegmentRule,
  count: z.number().int(),
  takenAt: z.string(),
  takenBy: z.string().nullable(),
});
export type TSegmentSnapshot = z.infer<typeof ZSegmentSnapshot>;
export const ZSegmentSnapshotList = z.object({ items: z.array(ZSegmentSnapshot) });
export const ZSnapshotMembersQuery = z.object({
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const ZSnapshotMembersPage = z.object({
  items: z.array(z.string()),
  /** Pass as `after` for the next page; null at the end. */
  next: z.string().nullable(),
});
export type TSnapshotMembersPage = z.infer<typeof ZSnapshotMembersPage>;
