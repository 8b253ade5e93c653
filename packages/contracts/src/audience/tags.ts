import { z } from 'zod';
import { ZSegmentCondition, ZSegmentRule, type TSegmentCondition } from './segment.ts';
import { ZLifecycleConfig, ZLifecycleStage, ZRfmConfig, ZRfmGroup } from './system-tags.ts';

/**
 * Tags (issue 7 §4): three kinds, every one explainable.
 * - manual: staff tag a customer while serving (in tag groups);
 * - rule: the operator's `TSegmentRule`; Koi sets and clears the tag as the customer's facts change;
 * - system: RFM group, lifecycle stage and spend level, keyed by a stable `code`
 *   (`rfm:important_value`, `lifecycle:dormant`, `spend:high`).
 * Each customer–tag pair keeps the reason it was set (`explanation`), shown as "why" in the admin.
 */

export const TAG_KINDS = ['manual', 'rule', 'system'] as const;
export const ZTagKind = z.enum(TAG_KINDS);
export type TTagKind = z.infer<typeof ZTagKind>;

export const SPEND_LEVELS = ['high', 'mid', 'low'] as const;
export const ZSpendLevel = z.enum(SPEND_LEVELS);
export type TSpendLevel = z.infer<typeof ZSpendLevel>;

/** 消费等级: net paid fen within the window; high ≥ highFromFen, mid ≥ midFromFen, low = any other payer. */
export const ZSpendLevelConfig = z.strictObject({
  windowDays: z.number().int().min(1).max(3650).default(365),
  highFromFen: z.number().int().min(1).default(200_000),
  midFromFen: z.number().int().min(1).default(50_000),
}).refine((c) => c.midFromFen < c.highFromFen, { message: 'needs midFromFen < highFromFen', path: ['midFromFen'] });
export type TSpendLevelConfig = z.infer<typeof ZSpendLevelConfig>;

/** The merchant's system-tag settings (one row). */
export const ZTagSettings = z.strictObject({
  rfm: ZRfmConfig,
  lifecycle: ZLifecycleConfig,
  spend: ZSpendLevelConfig,
});
export type TTagSettings = z.infer<typeof ZTagSettings>;

const ZName = z.string().trim().min(1).max(30);
const ZColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #3b82f6');

export const ZTagGroup = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  sort: z.number().int(),
  /** Kind of the tags this group holds (system groups are Koi's own and cannot be edited). */
  kind: ZTagKind,
  tagCount: z.number().int(),
});
export type TTagGroup = z.infer<typeof ZTagGroup>;
export const ZTagGroupInput = z.strictObject({ name: ZName, color: ZColor.default('#409eff'), sort: z.number().int().min(0).max(9999).default(0) });
export type TTagGroupInput = z.infer<typeof ZTagGroupInput>;

export const ZTag = z.object({
  id: z.string(),
  groupId: z.string().nullable(),
  name: z.string(),
  kind: ZTagKind,
  /** System tags only: `rfm:<group>`, `lifecycle:<stage>`, `spend:<level>`. */
  code: z.string().nullable(),
  rule: ZSegmentRule.nullable(),
  description: z.string(),
  color: z.string(),
  /** Customers holding the tag now. */
  customers: z.number().int(),
  /** When Koi last evaluated a rule or system tag over every customer. */
  evaluatedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TTag = z.infer<typeof ZTag>;

export const ZTagList = z.object({ items: z.array(ZTag), groups: z.array(ZTagGroup) });
export type TTagList = z.infer<typeof ZTagList>;
export const ZTagListQuery = z.object({ kind: ZTagKind.optional(), groupId: z.string().uuid().optional() });

/** Creating a manual or rule tag (system tags come with Koi). */
export const ZTagInput = z.strictObject({
  name: ZName,
  kind: z.enum(['manual', 'rule']),
  groupId: z.string().uuid().nullable().default(null),
  rule: ZSegmentRule.nullable().default(null),
  description: z.string().trim().max(200).default(''),
  color: ZColor.default('#409eff'),
}).refine((t) => (t.kind === 'rule') === (t.rule !== null), { message: 'a rule tag needs a rule; a manual tag has none', path: ['rule'] });
export type TTagInput = z.infer<typeof ZTagInput>;

export const ZTagUpdate = z.strictObject({
  name: ZName.optional(),
  groupId: z.string().uuid().nullable().optional(),
  rule: ZSegmentRule.optional(),
  description: z.string().trim().max(200).optional(),
  color: ZColor.optional(),
});
export type TTagUpdate = z.infer<typeof ZTagUpdate>;

/** Staff tag one customer with several tags (manual tags only). */
export const ZTagAssign = z.strictObject({ tagIds: z.array(z.string().uuid()).min(1).max(20), note: z.string().trim().max(200).optional() });
export type TTagAssign = z.infer<typeof ZTagAssign>;
/** Staff tag a list of customers with one manual tag. */
export const ZTagBulkAssign = z.strictObject({ customerIds: z.array(z.string().uuid()).min(1).max(1000), note: z.string().trim().max(200).optional() });
export type TTagBulkAssign = z.infer<typeof ZTagBulkAssign>;
export const ZTagBulkResult = z.object({ tagged: z.number().int(), already: z.number().int() });

// ---- explanations ("why does this customer have this tag") ----

export type TSegmentExplanationNode =
  | { node: 'condition'; path: string; condition: TSegmentCondition; matched: boolean; actual: number | string | boolean | null }
  | { node: 'group'; path: string; op: 'and' | 'or'; matched: boolean; items: TSegmentExplanationNode[] };
export const ZSegmentExplanationNode: z.ZodType<TSegmentExplanationNode> = z.lazy(() => z.union([
  z.object({ node: z.literal('condition'), path: z.string(), condition: ZSegmentCondition, matched: z.boolean(), actual: z.union([z.number(), z.string(), z.boolean(), z.null()]) }),
  z.object({ node: z.literal('group'), path: z.string(), op: z.enum(['and', 'or']), matched: z.boolean(), items: z.array(ZSegmentExplanationNode) }),
]));

const ZRfmCut = z.object({ value: z.number(), source: z.enum(['quantile', 'fixed']), quantile: z.number().nullable(), sampleSize: z.number().int() });
export const ZRfmThresholds = z.object({ recency: ZRfmCut, frequency: ZRfmCut, monetary: ZRfmCut });
export type TRfmThresholds = z.infer<typeof ZRfmThresholds>;

export const ZTagExplanation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual'), staffId: z.string().nullable(), staffName: z.string().nullable(), note: z.string().nullable(), at: z.string() }),
  z.object({ kind: z.literal('rule'), rule: ZSegmentRule, explanation: ZSegmentExplanationNode, evaluatedAt: z.string() }),
  z.object({
    kind: z.literal('rfm'), group: ZRfmGroup, score: z.string(),
    facts: z.object({ recencyDays: z.number().int(), frequency: z.number().int(), monetaryFen: z.number().int(), windowDays: z.number().int() }),
    thresholds: ZRfmThresholds, computedAt: z.string(),
  }),
  z.object({
    kind: z.literal('lifecycle'), stage: ZLifecycleStage, reason: z.string(),
    facts: z.object({
      daysSinceFirstSeen: z.number().int(), daysSinceLastOrder: z.number().int().nullable(), daysSinceLastActivity: z.number().int().nullable(),
      daysSinceLastTouch: z.number().int(), paidOrderCount: z.number().int(),
    }),
    config: z.record(z.string(), z.number()), computedAt: z.string(),
  }),
  z.object({ kind: z.literal('spend'), level: ZSpendLevel, spentFen: z.number().int(), config: z.record(z.string(), z.number()), computedAt: z.string() }),
]);
export type TTagExplanation = z.infer<typeof ZTagExplanation>;

export const ZCustomerTag = z.object({
  tagId: z.string(),
  name: z.string(),
  kind: ZTagKind,
  code: z.string().nullable(),
  color: z.string(),
  groupName: z.string().nullable(),
  setAt: z.string(),
  /** `staff`, `rule` or `system`. */
  setBy: z.string(),
  explanation: ZTagExplanation,
});
export type TCustomerTag = z.infer<typeof ZCustomerTag>;
export const ZCustomerTags = z.object({ customerId: z.string(), items: z.array(ZCustomerTag) });
export type TCustomerTags = z.infer<typeof ZCustomerTags>;

// ---- recompute runs ----

export const TAG_RUN_SCOPES = ['all', 'system', 'rules'] as const;
export const ZTagRecomputeRequest = z.strictObject({ scope: z.enum(TAG_RUN_SCOPES).default('all') });
export const ZTagRun = z.object({
  id: z.string(),
  scope: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  /** RFM cut points of the run (null before it computed them or when no customer ever paid). */
  thresholds: ZRfmThresholds.nullable(),
  message: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TTagRun = z.infer<typeof ZTagRun>;
