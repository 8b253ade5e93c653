import { SOURCE_CHANNELS, ZSegmentRule, type TSegmentCondition, type TSegmentConditionType, type TSegmentGroup, type TSegmentNode, type TSegmentRule } from '@koi/contracts';

/** 人群 editor helpers (issue 7 §5): blank conditions per type, the rule check, the actual value's text. */

export const CONDITION_TYPES: TSegmentConditionType[] = [
  'tag', 'order_spend', 'order_count', 'category_purchase', 'event_count', 'region', 'source_channel', 'gender', 'birthday_month',
];
export const COMPARATORS = ['gte', 'gt', 'lte', 'lt', 'eq'] as const;
export const CMP_SIGN: Record<(typeof COMPARATORS)[number], string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };
export const EVENT_TYPES = ['product_view', 'add_to_cart', 'search', 'share', 'page_view', 'category_view', 'message_open', 'message_click'] as const;
export const CHANNELS = SOURCE_CHANNELS;
/** Provinces the region picker offers by name; any 2/4/6-digit code can be typed. */
export const PROVINCES: { code: string; zh: string; en: string }[] = [
  { code: '11', zh: '北京', en: 'Beijing' }, { code: '31', zh: '上海', en: 'Shanghai' }, { code: '32', zh: '江苏', en: 'Jiangsu' },
  { code: '33', zh: '浙江', en: 'Zhejiang' }, { code: '44', zh: '广东', en: 'Guangdong' }, { code: '51', zh: '四川', en: 'Sichuan' },
  { code: '35', zh: '福建', en: 'Fujian' }, { code: '37', zh: '山东', en: 'Shandong' }, { code: '42', zh: '湖北', en: 'Hubei' },
  { code: '43', zh: '湖南', en: 'Hunan' }, { code: '36', zh: '江西', en: 'Jiangxi' }, { code: '34', zh: '安徽', en: 'Anhui' },
];

/** A new condition of `type` with sensible defaults (an operator changes one or two fields). */
export function blankCondition(type: TSegmentConditionType): TSegmentCondition {
  switch (type) {
    case 'tag': return { type, op: 'has', tagId: '' };
    case 'gender': return { type, in: ['female'] };
    case 'region': return { type, prefix: '33' };
    case 'source_channel': return { type, in: ['shop'] };
    case 'birthday_month': return { type, months: [new Date().getMonth() + 1] };
    case 'order_count': return { type, withinDays: 365, cmp: 'gte', value: 2 };
    case 'order_spend': return { type, withinDays: 365, cmp: 'gte', valueFen: 100_000 };
    case 'category_purchase': return { type, categoryId: '', minTimes: 1, withinDays: null };
    case 'event_count': return { type, eventType: 'product_view', withinDays: 30, cmp: 'gte', value: 3 };
  }
}

export function blankGroup(op: 'and' | 'or' = 'and'): TSegmentGroup {
  return { type: 'group', op, items: [blankCondition('order_spend')] };
}

/** Levels of groups at `depth` (root = 1): a sub-group may be added while below the contract's limit of 3. */
export const canNest = (depth: number) => depth < 3;

/** The rule as the server accepts it, or null while a field is incomplete (no preview request then). */
export function validRule(rule: TSegmentRule): TSegmentRule | null {
  const r = ZSegmentRule.safeParse(rule);
  return r.success ? r.data : null;
}

/** A deep copy the editor can change without touching the saved segment. */
export function cloneRule(rule: TSegmentRule): TSegmentRule {
  return JSON.parse(JSON.stringify(rule)) as TSegmentRule;
}

/** 1,234.50 from fen, for the explanation's spend values (the server's fen, shown, never computed on). */
export function fenText(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** What the explanation shows as a condition's actual value. */
export function actualText(c: TSegmentCondition, actual: number | string | boolean | null, t: (k: string) => string): string {
  if (actual === null) return t('segments.explain.unknown');
  if (c.type === 'order_spend' && typeof actual === 'number') return `¥${fenText(actual)}`;
  if (c.type === 'tag') return actual ? t('segments.explain.hasTag') : t('segments.explain.noTag');
  if (c.type === 'gender' && typeof actual === 'string') return t(`segments.genders.${actual}`);
  if (c.type === 'source_channel' && typeof actual === 'string') return t(`segments.channels.${actual}`);
  if (c.type === 'birthday_month') return `${actual}${t('segments.monthUnit')}`;
  if (typeof actual === 'number' && (c.type === 'order_count' || c.type === 'category_purchase' || c.type === 'event_count')) return `${actual}${t('segments.timesUnit')}`;
  return String(actual);
}

/** Conditions in a rule (the list shows "3 个条件"). */
export function conditionCount(n: TSegmentNode): number {
  return n.type === 'group' ? n.items.reduce((s, i) => s + conditionCount(i), 0) : 1;
}
