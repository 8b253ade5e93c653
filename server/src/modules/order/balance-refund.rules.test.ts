import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLineRefund } from './balance-refund.rules.ts';

describe('splitLineRefund', () => {
  it('splits in proportion and gives the whole balance share back on a full refund', () => {
    expect(splitLineRefund({ payableFen: 10_000, balanceFen: 4_000 }, 0, 5_000)).toEqual({ balanceFen: 2_000, cashFen: 3_000 });
    expect(splitLineRefund({ payableFen: 10_000, balanceFen: 4_000 }, 5_000, 5_000)).toEqual({ balanceFen: 2_000, cashFen: 3_000 });
    expect(splitLineRefund({ payableFen: 3, balanceFen: 1 }, 0, 3)).toEqual({ balanceFen: 1, cashFen: 2 });
    expect(splitLineRefund({ payableFen: 100, balanceFen: 100 }, 0, 100)).toEqual({ balanceFen: 100, cashFen: 0 });
    expect(splitLineRefund({ payableFen: 100, balanceFen: 0 }, 0, 40)).toEqual({ balanceFen: 0, cashFen: 40 });
    expect(splitLineRefund({ payableFen: 100, balanceFen: 30 }, 90, 11)).toBeNull();
  });

  it('any sequence of partial refunds adds up exactly to the balance share and the cash part, never negative', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 10_000_000 }).chain((payableFen) => fc.tuple(
        fc.constant(payableFen), fc.integer({ min: 0, max: payableFen }), fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 12 }),
      )),
      ([payableFen, balanceFen, weights]) => {
        // cut the line's payable into refunds by the weights (largest piece last takes the rest)
        const total = weights.reduce((a, b) => a + b, 0);
        const pieces = weights.map((w) => Math.floor((payableFen * w) / total));
        pieces[pieces.length - 1]! += payableFen - pieces.reduce((a, b) => a + b, 0);
        let before = 0;
        let bal = 0;
        let cash = 0;
        for (const p of pieces) {
          const s = splitLineRefund({ payableFen, balanceFen }, before, p)!;
          expect(s.balanceFen).toBeGreaterThanOrEqual(0);
          expect(s.cashFen).toBeGreaterThanOrEqual(0);
          before += p;
          bal += s.balanceFen;
          cash += s.cashFen;
        }
        expect(bal).toBe(balanceFen);
        expect(cash).toBe(payableFen - balanceFen);
      },
    ));
  });
});
