import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIFECYCLE_STAGES, ZLifecycleConfig } from '@koi/contracts';
import { DAY_MS } from './audience-time.ts';
import { LIFECYCLE_STAGE_NAMES, lifecycleStage, type LifecycleFacts } from './lifecycle.rules.ts';

const NOW = new Date('2026-06-30T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY_MS);
const CONFIG = ZLifecycleConfig.parse({});
const at = (firstSeen: number, orders: number, lastOrder: number | null, lastActivity: number | null): LifecycleFacts => ({
  firstSeenAt: daysAgo(firstSeen), paidOrderCount: orders, lastPaidOrderAt: lastOrder === null ? null : daysAgo(lastOrder), lastActivityAt: lastActivity === null ? null : daysAgo(lastActivity),
});

describe('lifecycleStage', () => {
  it('documents its defaults', () => {
    expect(CONFIG).toEqual({ newWithinDays: 30, dormantAfterDays: 90, churnedAfterDays: 180, loyalMinOrders: 3 });
    expect(ZLifecycleConfig.safeParse({ dormantAfterDays: 200, churnedAfterDays: 180 }).success).toBe(false);
  });
  it.each([
    ['signed up 3 days ago, no order', at(3, 0, null, 1), 'new', '新客', 'first_seen_recently'],
    ['first order last week', at(10, 1, 7, 7), 'new', '新客', 'first_seen_recently'],
    ['browsing for months, never bought', at(120, 0, null, 5), 'potential', '潜力', 'engaged_without_recent_order'],
    ['bought long ago, still opens messages', at(400, 2, 150, 3), 'potential', '潜力', 'engaged_without_recent_order'],
    ['bought twice, last month', at(200, 2, 30, 30), 'active', '活跃', 'bought_recently'],
    ['bought 5 times, last 10 days ago', at(300, 5, 10, 2), 'loyal', '忠实', 'recent_orders_at_loyal_count'],
    ['three orders in the first week', at(7, 3, 1, 1), 'loyal', '忠实', 'recent_orders_at_loyal_count'],
    ['nothing for 100 days', at(300, 4, 100, 100), 'dormant', '沉睡', 'no_touch_since_dormant_threshold'],
    ['signed up 100 days ago, nothing since', at(100, 0, null, null), 'dormant', '沉睡', 'no_touch_since_dormant_threshold'],
    ['nothing for 200 days', at(500, 9, 200, 190), 'churned', '流失', 'no_touch_since_churn_threshold'],
    ['imported today, last order a year ago', at(0, 3, 365, null), 'churned', '流失', 'no_touch_since_churn_threshold'],
  ] as const)('%s → %s', (_, facts, stage, zh, reason) => {
    const r = lifecycleStage(facts, CONFIG, NOW);
    expect([r.stage, r.name.zh, r.reason]).toEqual([stage, zh, reason]);
  });
  it('puts the boundary day on the later stage (90 days is dormant, 180 churned)', () => {
    expect(lifecycleStage(at(300, 1, 89, null), CONFIG, NOW).stage).toBe('active');
    expect(lifecycleStage(at(300, 1, 90, null), CONFIG, NOW).stage).toBe('dormant');
    expect(lifecycleStage(at(300, 1, 179, null), CONFIG, NOW).stage).toBe('dormant');
    expect(lifecycleStage(at(300, 1, 180, null), CONFIG, NOW).stage).toBe('churned');
  });
  it('follows configured thresholds and explains with the facts', () => {
    const config = ZLifecycleConfig.parse({ newWithinDays: 7, dormantAfterDays: 30, churnedAfterDays: 60, loyalMinOrders: 2 });
    const r = lifecycleStage(at(40, 2, 20, 5), config, NOW);
    expect(r).toMatchObject({ stage: 'loyal', config, facts: { daysSinceFirstSeen: 40, daysSinceLastOrder: 20, daysSinceLastActivity: 5, daysSinceLastTouch: 5, paidOrderCount: 2 } });
    expect(lifecycleStage(at(40, 2, 35, null), config, NOW).stage).toBe('dormant');
  });
  it('names all six stages', () => {
    expect(Object.keys(LIFECYCLE_STAGE_NAMES).sort()).toEqual([...LIFECYCLE_STAGES].sort());
  });

  const anyFacts = fc.record({
    firstSeen: fc.integer({ min: 0, max: 800 }), orders: fc.integer({ min: 0, max: 10 }),
    lastOrder: fc.option(fc.integer({ min: 0, max: 800 })), lastActivity: fc.option(fc.integer({ min: 0, max: 800 })),
  }).map((x) => at(x.firstSeen, x.orders, x.orders === 0 ? null : x.lastOrder ?? x.firstSeen, x.lastActivity));
  const anyConfig = fc.record({ n: fc.integer({ min: 1, max: 60 }), d: fc.integer({ min: 0, max: 200 }), c: fc.integer({ min: 1, max: 300 }), l: fc.integer({ min: 2, max: 6 }) })
    .map((x) => ZLifecycleConfig.parse({ newWithinDays: x.n, dormantAfterDays: x.n + x.d, churnedAfterDays: x.n + x.d + x.c, loyalMinOrders: x.l }));

  it('agrees with the stage definitions on random customers and thresholds', () => {
    fc.assert(fc.property(anyFacts, anyConfig, (f, c) => {
      const r = lifecycleStage(f, c, NOW);
      const touch = r.facts.daysSinceLastTouch;
      expect(r.stage === 'churned').toBe(touch >= c.churnedAfterDays);
      expect(r.stage === 'dormant').toBe(touch >= c.dormantAfterDays && touch < c.churnedAfterDays);
      if (r.stage === 'loyal') expect(f.paidOrderCount).toBeGreaterThanOrEqual(c.loyalMinOrders);
      if (r.stage === 'new') expect(f.paidOrderCount).toBeLessThanOrEqual(1);
      if (r.stage === 'active' || r.stage === 'loyal') expect(r.facts.daysSinceLastOrder).toBeLessThan(c.dormantAfterDays);
      if (r.stage === 'potential') expect(r.facts.daysSinceLastOrder === null || r.facts.daysSinceLastOrder >= c.dormantAfterDays).toBe(true);
    }));
  });
  it('recent activity wakes a dormant or churned customer and changes no other stage', () => {
    fc.assert(fc.property(anyFacts, anyConfig, (f, c) => {
      const before = lifecycleStage(f, c, NOW).stage;
      const after = lifecycleStage({ ...f, lastActivityAt: NOW }, c, NOW).stage;
      if (before === 'dormant' || before === 'churned') expect(['dormant', 'churned']).not.toContain(after);
      else expect(after).toBe(before);
    }));
  });
});
