import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZRfmConfig, RFM_GROUPS } from '@koi/contracts';
import { DAY_MS } from './audience-time.ts';
import { RFM_GROUP_NAMES, cutPoint, quantile, rfmFacts, rfmThresholds, scoreRfm, scoreRfmPopulation, type RfmFacts, type RfmThresholds } from './rfm.rules.ts';

const NOW = new Date('2026-06-30T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY_MS);
const cut = (value: number) => ({ value, source: 'fixed' as const, quantile: null, sampleSize: 0 });
const TH: RfmThresholds = { recency: cut(30), frequency: cut(1), monetary: cut(10_000) };
const facts = (recencyDays: number | null, frequency: number, monetaryFen: number): RfmFacts => ({ recencyDays, frequency, monetaryFen, windowDays: 365 });

describe('rfmFacts', () => {
  it('counts recency over all history, F and M inside the window only', () => {
    const f = rfmFacts([
      { paidAt: daysAgo(400), totalFen: 99_999 },
      { paidAt: daysAgo(10.5), totalFen: 1_000 },
      { paidAt: daysAgo(365), totalFen: 2_000 }, // the window's edge is inside
    ], NOW, 365);
    expect(f).toEqual({ recencyDays: 10, frequency: 2, monetaryFen: 3_000, windowDays: 365 });
  });
  it('has no recency without paid orders, and ignores orders after now', () => {
    expect(rfmFacts([], NOW, 365).recencyDays).toBeNull();
    expect(rfmFacts([{ paidAt: new Date(NOW.getTime() + 1000), totalFen: 5 }], NOW, 365)).toEqual(facts(null, 0, 0));
  });
});

describe('quantile', () => {
  it('interpolates like R / NumPy type 7', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([10, 20], 0.25)).toBe(12.5);
    expect(quantile([], 0.5)).toBeNull();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
  it('lies between the min and max, and rises with q', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const qa = quantile(xs, lo)!;
      const qb = quantile(xs, hi)!;
      expect(qa).toBeGreaterThanOrEqual(Math.min(...xs));
      expect(qb).toBeLessThanOrEqual(Math.max(...xs));
      expect(qa).toBeLessThanOrEqual(qb + 1e-9);
    }));
  });
  it('splits the sample: at most ⌈q·(n−1)⌉ values lie strictly below the q-quantile', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, q) => {
      const v = quantile(xs, q)!;
      expect(xs.filter((x) => x < v).length).toBeLessThanOrEqual(Math.ceil(q * (xs.length - 1)));
    }));
  });
});

describe('cut points', () => {
  it('a fixed value overrides the quantile, even with an empty sample', () => {
    expect(cutPoint([1, 2, 3], { quantile: 0.5, fixed: 7 })).toEqual({ value: 7, source: 'fixed', quantile: null, sampleSize: 3 });
    expect(cutPoint([], { quantile: 0.5, fixed: null })).toBeNull();
    expect(cutPoint([1, 2, 3], { quantile: 0.8, fixed: null })).toEqual({ value: 2.6, source: 'quantile', quantile: 0.8, sampleSize: 3 });
  });
  it('samples only paying customers; null when an axis cannot be cut', () => {
    const config = ZRfmConfig.parse({});
    const th = rfmThresholds([facts(null, 0, 0), facts(10, 1, 100), facts(30, 3, 300), facts(50, 5, 500)], config)!;
    expect([th.recency.value, th.frequency.value, th.monetary.value]).toEqual([30, 3, 300]);
    expect(th.recency.sampleSize).toBe(3);
    expect(rfmThresholds([facts(null, 0, 0)], config)).toBeNull();
    expect(rfmThresholds([], ZRfmConfig.parse({ recency: { fixed: 30 }, frequency: { fixed: 1 }, monetary: { fixed: 0 } }))).not.toBeNull();
  });
});

describe('scoreRfm', () => {
  it.each([
    [facts(5, 3, 50_000), 'important_value', '重要价值客户'],
    [facts(5, 1, 50_000), 'important_development', '重要发展客户'],
    [facts(90, 3, 50_000), 'important_retention', '重要保持客户'],
    [facts(90, 1, 50_000), 'important_winback', '重要挽留客户'],
    [facts(5, 3, 100), 'general_value', '一般价值客户'],
    [facts(5, 1, 100), 'general_development', '一般发展客户'],
    [facts(90, 3, 100), 'general_retention', '一般保持客户'],
    [facts(90, 0, 0), 'general_winback', '一般挽留客户'],
  ] as const)('%o → %s', (f, group, zh) => {
    const r = scoreRfm(f, TH);
    expect(r.group).toBe(group);
    if (r.group !== null) expect(r.name.zh).toBe(zh);
  });
  it('ties fall on the low side, and the explanation says so', () => {
    const r = scoreRfm(facts(30, 1, 10_000), TH);
    expect(r.group).toBe('general_winback');
    expect(r.axes.map((a) => [a.axis, a.value, a.cut.value, a.high, a.comparison])).toEqual([
      ['recency', 30, 30, false, '≥'], ['frequency', 1, 1, false, '≤'], ['monetary', 10_000, 10_000, false, '≤'],
    ]);
  });
  it('never groups a customer who never paid', () => {
    expect(scoreRfm(facts(null, 0, 0), TH)).toMatchObject({ group: null, reason: 'no_paid_orders' });
  });
  it('names all 8 groups in Chinese and English', () => {
    expect(Object.keys(RFM_GROUP_NAMES).sort()).toEqual([...RFM_GROUPS].sort());
    expect(new Set(Object.values(RFM_GROUP_NAMES).map((n) => n.zh)).size).toBe(8);
  });
  it('is monotone: more recent, more frequent or richer never moves a customer to a lower side', () => {
    const f = fc.record({ r: fc.integer({ min: 0, max: 500 }), f: fc.integer({ min: 0, max: 20 }), m: fc.integer({ min: 0, max: 1e6 }) });
    fc.assert(fc.property(f, f, ({ r, f: fr, m }, d) => {
      const a = scoreRfm(facts(r, fr, m), TH);
      const b = scoreRfm(facts(Math.max(0, r - d.r), fr + d.f, m + d.m), TH);
      if (a.group === null || b.group === null) throw new Error('both paid');
      a.axes.forEach((ax, i) => expect(!ax.high || b.axes[i]!.high).toBe(true));
      expect(a.axes.map((x) => x.high === (x.axis === 'recency' ? x.value < x.cut.value : x.value > x.cut.value))).toEqual([true, true, true]);
    }));
  });
});

describe('scoreRfmPopulation', () => {
  it('cuts at the population median and scores everyone against it', () => {
    const customers = [
      { key: 'a', orders: [{ paidAt: daysAgo(1), totalFen: 90_000 }, { paidAt: daysAgo(3), totalFen: 90_000 }] },
      { key: 'b', orders: [{ paidAt: daysAgo(200), totalFen: 100 }] },
      { key: 'c', orders: [{ paidAt: daysAgo(50), totalFen: 5_000 }] },
      { key: 'd', orders: [] },
    ];
    const { thresholds, results } = scoreRfmPopulation(customers, ZRfmConfig.parse({}), NOW);
    expect(thresholds?.recency.value).toBe(50);
    expect(results.map((r) => r.result?.group ?? null)).toEqual(['important_value', 'general_winback', 'general_winback', null]);
  });
});
