import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, cumulativeShare } from './allocate.rules.ts';

describe('allocate (largest remainder)', () => {
  it('splits by proportion, leftovers to the largest remainders, ties to the earlier line', () => {
    expect(allocate(3000, [18800, 24000])).toEqual([1318, 1682]);
    expect(allocate(100, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(allocate(2, [5, 5, 5])).toEqual([1, 1, 0]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(10, [0, 10])).toEqual([0, 10]);
    expect(allocate(7, [7])).toEqual([7]);
  });

  it('refuses to give more than the weights hold, unless asked to split a count in proportion', () => {
    expect(() => allocate(11, [5, 5])).toThrow(RangeError);
    expect(allocate(30, [1, 2], { beyondWeights: true })).toEqual([10, 20]);
    expect(() => allocate(1, [0, 0], { beyondWeights: true })).toThrow(RangeError);
  });

  it('is exact beyond 2^53 products (BigInt path)', () => {
    const big = 9_000_000_000_000;
    expect(allocate(big - 1, [big, big, big]).reduce((a, b) => a + b, 0)).toBe(big - 1);
    expect(allocate(big - 1, [big, big, big])).toEqual([3_000_000_000_000, 3_000_000_000_000, 2_999_999_999_999]);
  });

  it('sums exactly, stays within each weight and within one fen of the exact quota', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 60 }).chain((w) => {
          const sum = w.reduce((a, b) => a + b, 0);
          return fc.tuple(fc.constant(w), fc.integer({ min: 0, max: sum }));
        }),
        ([weights, total]) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = BigInt(weights.reduce((a, b) => a + b, 0));
          parts.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(weights[i]!);
            if (sum > 0n) {
              const floor = (BigInt(total) * BigInt(weights[i]!)) / sum;
              expect(BigInt(p) === floor || BigInt(p) === floor + 1n).toBe(true);
            }
          });
        },
      ),
    );
  });
});

describe('cumulativeShare', () => {
  it('adds up to the amount whatever the order and size of the partial refunds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }), (amount, steps) => {
        const of = steps.reduce((a, b) => a + b, 0);
        let done = 0;
        let total = 0;
        for (const k of steps) {
          const part = cumulativeShare(amount, of, done, k);
          expect(part).toBeGreaterThanOrEqual(0);
          total += part;
          done += k;
        }
        expect(total).toBe(amount);
      }),
    );
  });
});
