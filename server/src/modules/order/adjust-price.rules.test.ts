import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { largestRemainder, spreadAdjustment } from './adjust-price.rules.ts';

describe('spreadAdjustment', () => {
  it('splits a reduction by what lines pay, exactly', () => {
    expect(spreadAdjustment([100, 200], [100, 200], 200)).toEqual([33, 67]);
    expect(spreadAdjustment([100, 200], [150, 200], 330)).toEqual([-30, 0]);
    expect(spreadAdjustment([100, 200], [100, 200], 301)).toBeNull();
    expect(spreadAdjustment([100, 200], [100, 200], -1)).toBeNull();
  });

  it('keeps lines summing to the target, each between zero and its subtotal', () => {
    const lines = fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 })), { minLength: 1, maxLength: 30 })
      .map((ls) => ls.map(([a, b]) => ({ payable: Math.min(a, b), subtotal: Math.max(a, b) })));
    fc.assert(fc.property(lines, fc.double({ min: 0, max: 1, noNaN: true }), (ls, f) => {
      const ceiling = ls.reduce((n, l) => n + l.subtotal, 0);
      const target = Math.floor(ceiling * f);
      const shares = spreadAdjustment(ls.map((l) => l.payable), ls.map((l) => l.subtotal), target)!;
      const after = ls.map((l, i) => l.payable - shares[i]!);
      expect(after.reduce((a, b) => a + b, 0)).toBe(target);
      after.forEach((p, i) => { expect(p).toBeGreaterThanOrEqual(0); expect(p).toBeLessThanOrEqual(ls[i]!.subtotal); });
    }));
  });

  it('largestRemainder is exact and deterministic', () => {
    fc.assert(fc.property(fc.nat(10_000_000), fc.array(fc.nat(100_000), { minLength: 1, maxLength: 40 }), (amount, weights) => {
      const out = largestRemainder(amount, weights);
      const total = weights.reduce((a, b) => a + b, 0);
      expect(out.reduce((a, b) => a + b, 0)).toBe(total > 0 ? amount : 0);
      expect(largestRemainder(amount, weights)).toEqual(out);
    }));
  });
});
