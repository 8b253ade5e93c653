import { expect } from 'vitest';
import type { TPricedOrder, TPricingInput } from '@koi/contracts';

/** Checks shared by the engine's property tests (test code, not used by the running server). */
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function checkBalanced(r: TPricedOrder, i: TPricingInput): void {
  expect(r.totals.payableFen).toBeGreaterThanOrEqual(0);
  for (const l of r.lines) {
    expect(l.payableFen).toBeGreaterThanOrEqual(0);
    expect(l.amountFen - sum(l.discounts.map((d) => d.amountFen))).toBe(l.payableFen);
    expect(l.storedValueFen + l.cashFen).toBe(l.payableFen);
    expect(l.cashFen).toBeGreaterThanOrEqual(0);
  }
  expect(r.shipping.payableFen).toBeGreaterThanOrEqual(0);
  expect(sum(r.lines.map((l) => l.payableFen)) + r.shipping.payableFen).toBe(r.totals.payableFen);
  expect(r.totals.payableFen).toBe(r.totals.itemsFen - r.totals.discountFen + i.shippingFen - r.totals.pointsFen);
  expect(r.totals.storedValueFen + r.totals.cashPayableFen).toBe(r.totals.payableFen);
  // Allocation exact: every applied discount is the sum of its shares.
  const shares = [...r.lines.flatMap((l) => l.discounts), ...r.shipping.discounts];
  for (const a of r.applied) expect(sum(shares.filter((s) => s.sourceId === a.sourceId).map((s) => s.amountFen))).toBe(a.amountFen);
  expect(sum(shares.filter((s) => s.source === 'points').map((s) => s.amountFen))).toBe(r.totals.pointsFen);
  expect(sum(r.lines.map((l) => l.points)) + r.shipping.points).toBe(r.points?.used ?? 0);
  if (i.points) expect(r.points!.used).toBeLessThanOrEqual(Math.min(i.points.requested, i.points.balance));
}

export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let k = out.length - 1; k > 0; k--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (k + 1);
    [out[k], out[j]] = [out[j]!, out[k]!];
  }
  return out;
}

