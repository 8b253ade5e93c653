import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZSegmentRule, type TSegmentCondition, type TSegmentNode, type TSegmentRule } from '@koi/contracts';
import { matchedConditions, matches, type SegmentExplanation, type SegmentFacts } from './segment-rule.rules.ts';

const NOW = new Date('2026-06-30T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const SCALE = Number(process.env.KOI_FC_SCALE ?? 1);
const TAGS = ['vip', 'zisha', 'tea'];
const CATEGORIES = ['紫砂壶', '茶叶'];
const EVENTS = ['product_view', 'share', 'message_click'];
const CHANNELS = ['wechat', 'taobao', 'douyin'];
/** 330110 holds "11" and "01" inside, so a prefix test that only looks for a substring is caught. */
const REGIONS = ['110105', '110101', '330106', '330110', '330203', '440305'];
const WINDOWS = [1, 7, 30, 90, 365];

/**
 * An independent, deliberately naive reading of the rule semantics in segment.ts, written from the
 * contract's comments, not from the evaluator: counts by filter, windows as `now − N·24h ≤ t ≤ now`.
 */
function reference(node: TSegmentNode, c: SegmentFacts, now: Date): boolean {
  if (node.type === 'group') {
    const results = node.items.map((i) => reference(i, c, now));
    return node.op === 'and' ? !results.includes(false) : results.includes(true);
  }
  const inWindow = (t: Date, days: number | null) => t.getTime() <= now.getTime() && (days === null || now.getTime() - t.getTime() <= days * DAY);
  const cmp = (a: number, op: string, b: number) => ({ gte: a >= b, gt: a > b, lte: a <= b, lt: a < b, eq: a === b })[op];
  switch (node.type) {
    case 'tag': return [...c.tagIds].includes(node.tagId) === (node.op === 'has');
    case 'gender': return node.in.some((g) => g === c.gender);
    case 'region': return c.regionCode !== null && c.regionCode.slice(0, node.prefix.length) === node.prefix;
    case 'source_channel': return node.in.some((s) => s === c.sourceChannel);
    case 'birthday_month': return node.months.some((m) => m === c.birthdayMonth);
    case 'order_count': return cmp(c.paidOrders.filter((o) => inWindow(o.paidAt, node.withinDays)).length, node.cmp, node.value)!;
    case 'order_spend': return cmp(c.paidOrders.filter((o) => inWindow(o.paidAt, node.withinDays)).reduce((s, o) => s + o.totalFen, 0), node.cmp, node.valueFen)!;
    case 'category_purchase': return c.paidOrders.filter((o) => inWindow(o.paidAt, node.withinDays) && o.categoryIds.includes(node.categoryId)).length >= node.minTimes;
    case 'event_count': return cmp(c.events.filter((e) => e.type === node.eventType && inWindow(e.at, node.withinDays)).length, node.cmp, node.value)!;
  }
}

/** Days ago (negative = after now, as clock skew or bad imports give), with window edges and now itself often. */
const daysAgo = fc.oneof(fc.integer({ min: -2, max: 400 }), fc.constantFrom(-1, 0, 1, 7, 30, 90, 365));
/** Times around those days, hitting each edge exactly and ±1 ms from it. */
const when = fc.tuple(daysAgo, fc.constantFrom(0, 0, -1, 1, DAY / 2)).map(([d, jitter]) => new Date(NOW.getTime() - d * DAY - jitter));
const cmp = fc.constantFrom('gte' as const, 'gt' as const, 'lte' as const, 'lt' as const, 'eq' as const);
const window = fc.constantFrom(...WINDOWS);

const condition: fc.Arbitrary<TSegmentCondition> = fc.oneof(
  fc.record({ type: fc.constant('tag' as const), op: fc.constantFrom('has' as const, 'has_not' as const), tagId: fc.constantFrom(...TAGS) }),
  fc.record({ type: fc.constant('gender' as const), in: fc.uniqueArray(fc.constantFrom('male' as const, 'female' as const, 'unknown' as const), { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant('region' as const), prefix: fc.constantFrom(...REGIONS).chain((r) => fc.constantFrom(r.slice(0, 2), r.slice(0, 4), r)) }),
  fc.record({ type: fc.constant('source_channel' as const), in: fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 2 }) }),
  fc.record({ type: fc.constant('birthday_month' as const), months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant('order_count' as const), withinDays: window, cmp, value: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ type: fc.constant('order_spend' as const), withinDays: window, cmp, valueFen: fc.integer({ min: 0, max: 30_000 }) }),
  fc.record({ type: fc.constant('category_purchase' as const), categoryId: fc.constantFrom(...CATEGORIES), minTimes: fc.integer({ min: 1, max: 3 }), withinDays: fc.option(window) }),
  fc.record({ type: fc.constant('event_count' as const), eventType: fc.constantFrom(...EVENTS), withinDays: window, cmp, value: fc.integer({ min: 0, max: 4 }) }),
);

const groupOf = (depth: number): fc.Arbitrary<TSegmentRule> => fc.record({
  type: fc.constant('group' as const),
  op: fc.constantFrom('and' as const, 'or' as const),
  items: fc.array(depth <= 1 ? condition : fc.oneof({ weight: 3, arbitrary: condition }, { weight: 1, arbitrary: groupOf(depth - 1) }), { minLength: 1, maxLength: 4 }),
});
const rule = groupOf(3);

const customer: fc.Arbitrary<SegmentFacts> = fc.record({
  tagIds: fc.uniqueArray(fc.constantFrom(...TAGS)).map((t) => new Set(t)),
  gender: fc.constantFrom('male' as const, 'female' as const, 'unknown' as const),
  regionCode: fc.option(fc.constantFrom(...REGIONS)),
  sourceChannel: fc.option(fc.constantFrom(...CHANNELS)),
  birthdayMonth: fc.option(fc.integer({ min: 1, max: 12 })),
  paidOrders: fc.array(fc.record({ paidAt: when, totalFen: fc.integer({ min: 1, max: 20_000 }), categoryIds: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 2 }) }), { maxLength: 6 }),
  events: fc.array(fc.record({ type: fc.constantFrom(...EVENTS), at: when }), { maxLength: 8 }),
});

const and = (...items: TSegmentNode[]): TSegmentRule => ({ type: 'group', op: 'and', items });
const or = (...items: TSegmentNode[]): TSegmentRule => ({ type: 'group', op: 'or', items });
const is = (r: TSegmentRule, c: SegmentFacts) => matches(r, c, NOW).matched;
const runs = { numRuns: 500 * SCALE };

describe('segment rule: the evaluator against the reference', () => {
  it('generated rules are valid contracts (so the properties cover real rules)', () => {
    fc.assert(fc.property(rule, (r) => { expect(ZSegmentRule.safeParse(r).success).toBe(true); }), { numRuns: 200 });
  });
  it('agrees with the naive reference on random rules and customers, at every node', () => {
    const check = (node: TSegmentNode, e: SegmentExplanation, c: SegmentFacts): void => {
      expect(e.matched).toBe(reference(node, c, NOW));
      if (node.type === 'group' && e.node === 'group') node.items.forEach((n, i) => check(n, e.items[i]!, c));
    };
    fc.assert(fc.property(rule, customer, (r, c) => {
      const { matched, explanation } = matches(r, c, NOW);
      expect(matched).toBe(reference(r, c, NOW));
      check(r, explanation, c);
    }), runs);
  });
  it('is not trivially constant: random rules both match and miss', () => {
    const outcomes = fc.sample(fc.tuple(rule, customer), 300).map(([r, c]) => is(r, c));
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });
});

describe('segment rule: algebra', () => {
  it('AND and OR of a rule with itself equal the rule', () => {
    fc.assert(fc.property(rule, customer, (r, c) => {
      expect(is(and(r, r), c)).toBe(is(r, c));
      expect(is(or(r, r), c)).toBe(is(r, c));
    }), runs);
  });
  it('OR is monotone and AND only narrows', () => {
    fc.assert(fc.property(rule, rule, customer, (r, s, c) => {
      if (is(r, c)) expect(is(or(r, s), c)).toBe(true);
      if (is(and(r, s), c)) expect(is(r, c) && is(s, c)).toBe(true);
      expect(is(or(r, s), c)).toBe(is(or(s, r), c));
      expect(is(and(r, s), c)).toBe(is(and(s, r), c));
    }), runs);
  });
  it('has and has_not of the same tag are complements', () => {
    fc.assert(fc.property(fc.constantFrom(...TAGS), customer, (tagId, c) => {
      expect(is(and({ type: 'tag', op: 'has', tagId }), c)).toBe(!is(and({ type: 'tag', op: 'has_not', tagId }), c));
    }));
  });
});

describe('segment rule: examples and explanation', () => {
  const buyer: SegmentFacts = {
    tagIds: new Set(['vip']), gender: 'female', regionCode: '330106', sourceChannel: 'taobao', birthdayMonth: 6,
    paidOrders: [
      { paidAt: new Date(NOW.getTime() - 10 * DAY), totalFen: 150_000, categoryIds: ['紫砂壶'] },
      { paidAt: new Date(NOW.getTime() - 200 * DAY), totalFen: 60_000, categoryIds: ['紫砂壶', '茶叶'] },
      { paidAt: new Date(NOW.getTime() - 400 * DAY), totalFen: 90_000, categoryIds: ['茶叶'] },
    ],
    events: [{ type: 'product_view', at: new Date(NOW.getTime() - DAY) }, { type: 'product_view', at: new Date(NOW.getTime() - 40 * DAY) }],
  };
  it('spent ≥ ¥2,000 in 365 days and bought 紫砂壶 twice, from Zhejiang', () => {
    const r = ZSegmentRule.parse(and(
      { type: 'order_spend', withinDays: 365, cmp: 'gte', valueFen: 200_000 },
      { type: 'category_purchase', categoryId: '紫砂壶', minTimes: 2, withinDays: null },
      { type: 'region', prefix: '33' },
    ));
    const { matched, explanation } = matches(r, buyer, NOW);
    expect(matched).toBe(true);
    expect(explanation.items.map((i) => [i.path, i.node === 'condition' ? i.actual : null])).toEqual([['0', 210_000], ['1', 2], ['2', '330106']]);
  });
  it('explains a miss, and lists only the conditions that matched', () => {
    const r = ZSegmentRule.parse(or(
      { type: 'tag', op: 'has', tagId: 'zisha' },
      and({ type: 'event_count', eventType: 'product_view', withinDays: 30, cmp: 'gte', value: 2 }, { type: 'birthday_month', months: [6] }),
      { type: 'gender', in: ['female'] },
    ));
    const { matched, explanation } = matches(r, buyer, NOW);
    expect(matched).toBe(true);
    expect(matchedConditions(explanation).map((m) => [m.path, m.condition.type, m.actual])).toEqual([['1.1', 'birthday_month', 6], ['2', 'gender', 'female']]);
    const views = explanation.items[1];
    expect(views?.node === 'group' && views.items[0]).toMatchObject({ path: '1.0', matched: false, actual: 1 });
  });
  it('a customer with unknown fields matches no profile condition on them', () => {
    const unknown: SegmentFacts = { ...buyer, regionCode: null, sourceChannel: null, birthdayMonth: null };
    const conditions: TSegmentCondition[] = [{ type: 'region', prefix: '33' }, { type: 'source_channel', in: ['taobao'] }, { type: 'birthday_month', months: [6] }];
    expect(conditions.every((c) => is(and(c), buyer))).toBe(true);
    for (const c of conditions) {
      expect(is(and(c), unknown)).toBe(false);
    }
  });
  it('rejects rules the editor must not produce', () => {
    const deep = and(and(and(and({ type: 'gender', in: ['male'] }))));
    expect(ZSegmentRule.safeParse(deep).success).toBe(false);
    expect(ZSegmentRule.safeParse(and()).success).toBe(false);
    expect(ZSegmentRule.safeParse(and({ type: 'region', prefix: '330' } as unknown as TSegmentCondition)).success).toBe(false);
    expect(ZSegmentRule.safeParse(and({ type: 'order_count', withinDays: 0, cmp: 'gte', value: 1 })).success).toBe(false);
  });
});
