import type { TRfmAxisConfig, TRfmConfig, TRfmGroup } from '@koi/contracts';
import { daysSince, withinDays } from './audience-time.ts';

/**
 * RFM (issue 7 §4, system tags): recency, frequency and monetary value of each customer, scored high
 * or low against cut points taken from the merchant's own customers, giving the 8 classic groups.
 *
 * Scoring is "strictly better than the cut point": R is high when the days since the last paid order
 * are fewer than the cut, F and M are high when above it. Strictness matters because these values tie
 * heavily: in most shops the median frequency is 1, and "≥ median" would call every buyer frequent.
 */

/** A paid order as RFM needs it (imported orders included; unpaid, cancelled and fully refunded left out by the caller). */
export type PaidOrderFact = { paidAt: Date; totalFen: number };

export type RfmFacts = {
  /** Days since the last paid order (all history); null when the customer never paid. */
  recencyDays: number | null;
  /** Paid orders within the window. */
  frequency: number;
  /** Fen paid within the window. */
  monetaryFen: number;
  windowDays: number;
};

export type RfmAxis = 'recency' | 'frequency' | 'monetary';
export type RfmCut = { value: number; source: 'quantile' | 'fixed'; quantile: number | null; sampleSize: number };
export type RfmThresholds = Record<RfmAxis, RfmCut>;

export const RFM_GROUP_NAMES: Record<TRfmGroup, { zh: string; en: string }> = {
  important_value: { zh: '重要价值客户', en: 'Important value' },
  important_development: { zh: '重要发展客户', en: 'Important development' },
  important_retention: { zh: '重要保持客户', en: 'Important retention' },
  important_winback: { zh: '重要挽留客户', en: 'Important win-back' },
  general_value: { zh: '一般价值客户', en: 'General value' },
  general_development: { zh: '一般发展客户', en: 'General development' },
  general_retention: { zh: '一般保持客户', en: 'General retention' },
  general_winback: { zh: '一般挽留客户', en: 'General win-back' },
};

/** The classic table, keyed by R, F, M (H = high, L = low). */
const GROUP_BY_SCORE: Record<string, TRfmGroup> = {
  HHH: 'important_value', HLH: 'important_development', LHH: 'important_retention', LLH: 'important_winback',
  HHL: 'general_value', HLL: 'general_development', LHL: 'general_retention', LLL: 'general_winback',
};

export function rfmFacts(orders: readonly PaidOrderFact[], now: Date, windowDays: number): RfmFacts {
  let last: Date | null = null;
  let frequency = 0;
  let monetaryFen = 0;
  for (const o of orders) {
    if (o.paidAt.getTime() > now.getTime()) continue; // not yet happened as of `now`
    if (last === null || o.paidAt.getTime() > last.getTime()) last = o.paidAt;
    if (withinDays(o.paidAt, now, windowDays)) { frequency += 1; monetaryFen += o.totalFen; }
  }
  return { recencyDays: last === null ? null : daysSince(last, now), frequency, monetaryFen, windowDays };
}

/**
 * The q-quantile of a sample by linear interpolation between closest ranks (Hyndman & Fan type 7,
 * the default of R and NumPy): h = (n − 1)·q, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). Null for an
 * empty sample.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within [0, 1], got ${q}`);
  const xs = [...values].sort((a, b) => a - b);
  const h = (xs.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
}

/** One axis's cut point: the fixed override when set, else the quantile of the sample (null if empty). */
export function cutPoint(sample: readonly number[], config: TRfmAxisConfig): RfmCut | null {
  if (config.fixed !== null) return { value: config.fixed, source: 'fixed', quantile: null, sampleSize: sample.length };
  const value = quantile(sample, config.quantile);
  return value === null ? null : { value, source: 'quantile', quantile: config.quantile, sampleSize: sample.length };
}

/**
 * Cut points from the merchant's customers. Only customers who ever paid are in the sample (the others
 * have no recency and would drag F and M to 0). Null when an axis has neither a sample nor a fixed value.
 */
export function rfmThresholds(sample: readonly RfmFacts[], config: TRfmConfig): RfmThresholds | null {
  const paying = sample.filter((f) => f.recencyDays !== null);
  const recency = cutPoint(paying.map((f) => f.recencyDays as number), config.recency);
  const frequency = cutPoint(paying.map((f) => f.frequency), config.frequency);
  const monetary = cutPoint(paying.map((f) => f.monetaryFen), config.monetary);
  if (recency === null || frequency === null || monetary === null) return null;
  return { recency, frequency, monetary };
}

export type RfmAxisExplanation = { axis: RfmAxis; value: number; cut: RfmCut; high: boolean; comparison: '<' | '≥' | '>' | '≤' };

export type RfmResult =
  | { group: TRfmGroup; name: { zh: string; en: string }; score: string; facts: RfmFacts; axes: RfmAxisExplanation[] }
  | { group: null; reason: 'no_paid_orders'; facts: RfmFacts; axes: [] };

/** Scores one customer. The explanation gives each axis's value, its cut point, and which side it fell. */
export function scoreRfm(facts: RfmFacts, thresholds: RfmThresholds): RfmResult {
  if (facts.recencyDays === null) return { group: null, reason: 'no_paid_orders', facts, axes: [] };
  const r = facts.recencyDays < thresholds.recency.value;
  const f = facts.frequency > thresholds.frequency.value;
  const m = facts.monetaryFen > thresholds.monetary.value;
  const axes: RfmAxisExplanation[] = [
    { axis: 'recency', value: facts.recencyDays, cut: thresholds.recency, high: r, comparison: r ? '<' : '≥' },
    { axis: 'frequency', value: facts.frequency, cut: thresholds.frequency, high: f, comparison: f ? '>' : '≤' },
    { axis: 'monetary', value: facts.monetaryFen, cut: thresholds.monetary, high: m, comparison: m ? '>' : '≤' },
  ];
  const score = axes.map((a) => (a.high ? 'H' : 'L')).join('');
  const group = GROUP_BY_SCORE[score]!;
  return { group, name: RFM_GROUP_NAMES[group], score, facts, axes };
}

/** Scores a whole population in one pass: thresholds from the population itself, then each customer. */
export function scoreRfmPopulation<K>(customers: ReadonlyArray<{ key: K; orders: readonly PaidOrderFact[] }>, config: TRfmConfig, now: Date):
  { thresholds: RfmThresholds | null; results: Array<{ key: K; result: RfmResult | null }> } {
  const facts = customers.map((c) => ({ key: c.key, facts: rfmFacts(c.orders, now, config.windowDays) }));
  const thresholds = rfmThresholds(facts.map((f) => f.facts), config);
  return {
    thresholds,
    results: facts.map((f) => ({ key: f.key, result: thresholds === null ? null : scoreRfm(f.facts, thresholds) })),
  };
}
