import type { TPricingPoints, TPricingPolicy, TPricingStoredValue } from '@koi/contracts';
import { allocate } from './allocate.rules.ts';

export type PointsValue = {
  /** Fen the points pay. */
  valueFen: number;
  /** Points spent: the fewest that are worth `valueFen`. */
  used: number;
  /** The most points may pay on this order (cap % of what is left). */
  capFen: number;
  /** What the points the shopper asked for (up to the balance) are worth. */
  requestedValueFen: number;
};

const floorDiv = (a: number, b: number) => Number(BigInt(a) / BigInt(b));
const ceilDiv = (a: number, b: number) => Number((BigInt(a) + BigInt(b) - 1n) / BigInt(b));

/**
 * Points (积分抵扣), after every discount: the asked points (at most the balance) at the merchant's
 * rate, rounded down to whole fen, capped at capPercent % of what is left to pay for the goods (and
 * the shipping fee when the policy lets points pay it). Only the points needed for that many fen are
 * spent. A lower amount left never spends fewer points in a way that raises the payable: payable =
 * left − min(asked, ⌊left × cap⌋), which never falls when `left` grows.
 */
export function pointsValue(goodsFen: number, shippingFen: number, points: TPricingPoints | null, policy: TPricingPolicy): PointsValue {
  if (!points || points.requested === 0) return { valueFen: 0, used: 0, capFen: 0, requestedValueFen: 0 };
  const base = goodsFen + (policy.pointsMayPayShipping ? shippingFen : 0);
  const capFen = floorDiv(base * points.capPercent, 100);
  const requestedValueFen = floorDiv(Math.min(points.requested, points.balance) * 100, points.perYuan);
  const valueFen = Math.min(requestedValueFen, capFen);
  return { valueFen, used: ceilDiv(valueFen * points.perYuan, 100), capFen, requestedValueFen };
}

/**
 * Splits the points' value and the points themselves over the lines (and the shipping fee, last,
 * when points may pay it), by largest remainder over what each has left.
 */
export function allocatePoints(remaining: readonly number[], shippingFen: number, v: PointsValue, policy: TPricingPolicy): { fen: number[]; points: number[] } {
  const weights = [...remaining, policy.pointsMayPayShipping ? shippingFen : 0];
  const fen = allocate(v.valueFen, weights);
  const points = v.valueFen === 0 ? fen.map(() => 0) : allocate(v.used, fen, { beyondWeights: true });
  return { fen, points };
}

/**
 * Stored value (储值) is a means of payment, not a discount: it pays as much of the payable as the
 * balance (and the shopper's choice) allows, split over lines and shipping by largest remainder over
 * their payable, so a line refund knows how much goes back to the balance and how much to WeChat/Alipay.
 */
export function allocateStoredValue(payables: readonly number[], sv: TPricingStoredValue | null): { total: number; parts: number[] } {
  const payable = payables.reduce((s, p) => s + p, 0);
  if (!sv) return { total: 0, parts: payables.map(() => 0) };
  const total = Math.min(sv.balanceFen, sv.requestedFen ?? Infinity, payable);
  return { total, parts: allocate(total, payables) };
}
