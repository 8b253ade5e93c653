import { z } from 'zod';

/**
 * A live segment rule (issue 7 §5): AND / OR groups over tags, profile fields, order facts and event
 * facts. The admin's visual editor builds it, the server evaluates it per customer (and later compiles
 * it to SQL for counts). Each condition is a plug-in-like record: a `type` and its arguments.
 *
 * Windows: "within N days" means `now − N days ≤ at ≤ now`.
 */

export const SEGMENT_COMPARATORS = ['gte', 'gt', 'lte', 'lt', 'eq'] as const;
export const ZSegmentComparator = z.enum(SEGMENT_COMPARATORS);
export type TSegmentComparator = z.infer<typeof ZSegmentComparator>;

export const CUSTOMER_GENDERS = ['male', 'female', 'unknown'] as const;
export const ZCustomerGender = z.enum(CUSTOMER_GENDERS);
export type TCustomerGender = z.infer<typeof ZCustomerGender>;

/** Most nesting a rule may have (root group = level 1): deeper rules are unreadable in the editor. */
export const SEGMENT_MAX_DEPTH = 3;
export const SEGMENT_MAX_ITEMS = 20;

const ZWithinDays = z.number().int().min(1).max(3650);
const ZId = z.string().trim().min(1).max(64);

export const ZTagCondition = z.strictObject({ type: z.literal('tag'), op: z.enum(['has', 'has_not']), tagId: ZId });
export const ZGenderCondition = z.strictObject({ type: z.literal('gender'), in: z.array(ZCustomerGender).min(1).max(3) });
/** A GB/T 2260 prefix: 2 digits = province, 4 = city, 6 = district. */
export const ZRegionCondition = z.strictObject({ type: z.literal('region'), prefix: z.string().regex(/^\d{2}(\d{2}){0,2}$/, '2, 4 or 6 digits of a region code') });
export const ZSourceChannelCondition = z.strictObject({ type: z.literal('source_channel'), in: z.array(ZId).min(1).max(50) });
export const ZBirthdayMonthCondition = z.strictObject({ type: z.literal('birthday_month'), months: z.array(z.number().int().min(1).max(12)).min(1).max(12) });
/** Paid orders within the window compared with `value`. */
export const ZOrderCountCondition = z.strictObject({ type: z.literal('order_count'), withinDays: ZWithinDays, cmp: ZSegmentComparator, value: z.number().int().min(0) });
/** Sum of paid orders' totals (fen) within the window compared with `valueFen`. */
export const ZOrderSpendCondition = z.strictObject({ type: z.literal('order_spend'), withinDays: ZWithinDays, cmp: ZSegmentComparator, valueFen: z.number().int().min(0) });
/** At least `minTimes` paid orders holding an item of the category; `withinDays` null = all history. */
export const ZCategoryPurchaseCondition = z.strictObject({ type: z.literal('category_purchase'), categoryId: ZId, minTimes: z.number().int().min(1).max(1000), withinDays: ZWithinDays.nullable() });
/** Behaviour events of one type within the window compared with `value`. */
export const ZEventCountCondition = z.strictObject({ type: z.literal('event_count'), eventType: ZId, withinDays: ZWithinDays, cmp: ZSegmentComparator, value: z.number().int().min(0) });

export const ZSegmentCondition = z.discriminatedUnion('type', [
  ZTagCondition, ZGenderCondition, ZRegionCondition, ZSourceChannelCondition, ZBirthdayMonthCondition,
  ZOrderCountCondition, ZOrderSpendCondition, ZCategoryPurchaseCondition, ZEventCountCondition,
]);
export type TSegmentCondition = z.infer<typeof ZSegmentCondition>;
export type TSegmentConditionType = TSegmentCondition['type'];

export type TSegmentGroup = { type: 'group'; op: 'and' | 'or'; items: Array<TSegmentCondition | TSegmentGroup> };
export type TSegmentNode = TSegmentCondition | TSegmentGroup;

const ZGroupShape: z.ZodType<TSegmentGroup> = z.lazy(() => z.strictObject({
  type: z.literal('group'),
  op: z.enum(['and', 'or']),
  items: z.array(z.union([ZSegmentCondition, ZGroupShape])).min(1).max(SEGMENT_MAX_ITEMS),
}));

/** Levels of groups in a rule (a group of conditions only = 1). */
export function segmentDepth(g: TSegmentGroup): number {
  return 1 + Math.max(0, ...g.items.map((i) => (i.type === 'group' ? segmentDepth(i) : 0)));
}

/** A whole rule: its root is always a group. */
export const ZSegmentRule = ZGroupShape.refine((g) => segmentDepth(g) <= SEGMENT_MAX_DEPTH, {
  message: `groups nest at most ${SEGMENT_MAX_DEPTH} levels`,
});
export type TSegmentRule = TSegmentGroup;
