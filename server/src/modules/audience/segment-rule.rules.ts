import type { TCustomerGender, TSegmentComparator, TSegmentCondition, TSegmentGroup, TSegmentRule } from '@koi/contracts';
import { withinDays } from './audience-time.ts';

/**
 * Evaluates a segment rule (issue 7 §5) against one customer's facts. Pure: the caller loads the facts
 * and passes `now`. Every condition is evaluated (no short-circuit) so the explanation shows each one's
 * actual value, which the admin shows as "why is this customer in the segment".
 *
 * A group with no items cannot come through `ZSegmentRule` (min 1); if one is built in code anyway,
 * AND of nothing is true and OR of nothing is false, as in logic.
 */

export type SegmentOrderFact = { paidAt: Date; totalFen: number; categoryIds: readonly string[] };
export type SegmentEventFact = { type: string; at: Date };

/** What the evaluator knows of one customer. Orders are paid ones only (imported included). */
export type SegmentFacts = {
  tagIds: ReadonlySet<string>;
  gender: TCustomerGender;
  /** Six-digit GB/T 2260 code of the customer's region (district, city or province level). */
  regionCode: string | null;
  sourceChannel: string | null;
  /** 1–12, or null when the birthday is unknown. */
  birthdayMonth: number | null;
  paidOrders: readonly SegmentOrderFact[];
  events: readonly SegmentEventFact[];
};

/** The value a condition looked at: a count, fen, a field, or whether the tag is present. */
export type SegmentActual = number | string | boolean | null;

export type ConditionExplanation = { node: 'condition'; path: string; condition: TSegmentCondition; matched: boolean; actual: SegmentActual };
export type GroupExplanation = { node: 'group'; path: string; op: 'and' | 'or'; matched: boolean; items: SegmentExplanation[] };
export type SegmentExplanation = ConditionExplanation | GroupExplanation;

export function compare(actual: number, cmp: TSegmentComparator, value: number): boolean {
  switch (cmp) {
    case 'gte': return actual >= value;
    case 'gt': return actual > value;
    case 'lte': return actual <= value;
    case 'lt': return actual < value;
    case 'eq': return actual === value;
  }
}

function countOrders(f: SegmentFacts, now: Date, days: number | null, pred: (o: SegmentOrderFact) => boolean = () => true): number {
  let n = 0;
  for (const o of f.paidOrders) if ((days === null ? o.paidAt.getTime() <= now.getTime() : withinDays(o.paidAt, now, days)) && pred(o)) n += 1;
  return n;
}

/** One condition: whether it matched and the actual value it compared. */
export function evaluateCondition(c: TSegmentCondition, f: SegmentFacts, now: Date): { matched: boolean; actual: SegmentActual } {
  switch (c.type) {
    case 'tag': {
      const has = f.tagIds.has(c.tagId);
      return { matched: c.op === 'has' ? has : !has, actual: has };
    }
    case 'gender': return { matched: c.in.includes(f.gender), actual: f.gender };
    case 'region': return { matched: f.regionCode !== null && f.regionCode.startsWith(c.prefix), actual: f.regionCode };
    case 'source_channel': return { matched: f.sourceChannel !== null && c.in.includes(f.sourceChannel), actual: f.sourceChannel };
    case 'birthday_month': return { matched: f.birthdayMonth !== null && c.months.includes(f.birthdayMonth), actual: f.birthdayMonth };
    case 'order_count': {
      const n = countOrders(f, now, c.withinDays);
      return { matched: compare(n, c.cmp, c.value), actual: n };
    }
    case 'order_spend': {
      let fen = 0;
      for (const o of f.paidOrders) if (withinDays(o.paidAt, now, c.withinDays)) fen += o.totalFen;
      return { matched: compare(fen, c.cmp, c.valueFen), actual: fen };
    }
    case 'category_purchase': {
      const n = countOrders(f, now, c.withinDays, (o) => o.categoryIds.includes(c.categoryId));
      return { matched: n >= c.minTimes, actual: n };
    }
    case 'event_count': {
      let n = 0;
      for (const e of f.events) if (e.type === c.eventType && withinDays(e.at, now, c.withinDays)) n += 1;
      return { matched: compare(n, c.cmp, c.value), actual: n };
    }
  }
}

function explainGroup(g: TSegmentGroup, f: SegmentFacts, now: Date, path: string): GroupExplanation {
  const items = g.items.map((item, i): SegmentExplanation => {
    const p = path === '' ? String(i) : `${path}.${i}`;
    if (item.type === 'group') return explainGroup(item, f, now, p);
    return { node: 'condition', path: p, condition: item, ...evaluateCondition(item, f, now) };
  });
  const matched = g.op === 'and' ? items.every((i) => i.matched) : items.some((i) => i.matched);
  return { node: 'group', path, op: g.op, matched, items };
}

/**
 * Whether the customer is in the segment, and why: the explanation tree mirrors the rule, each node
 * with a dotted `path` ("1.0" = first item of the second item of the root) and whether it matched.
 */
export function matches(rule: TSegmentRule, facts: SegmentFacts, now: Date): { matched: boolean; explanation: GroupExplanation } {
  const explanation = explainGroup(rule, facts, now, '');
  return { matched: explanation.matched, explanation };
}

/** The conditions that matched, in rule order: what the admin lists as "in the segment because". */
export function matchedConditions(e: SegmentExplanation): ConditionExplanation[] {
  if (e.node === 'condition') return e.matched ? [e] : [];
  return e.items.flatMap(matchedConditions);
}
