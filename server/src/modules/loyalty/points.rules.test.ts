import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, clawbackTarget, expiryFor, growthForPaid, pointsForPaid, shanghaiDay, signinReward } from './points.rules.ts';
import { afterGrowth, levelFor, progressOf, reviewLevel } from './levels.rules.ts';

describe('points rules', () => {
  it('earns per whole yuan paid, times the level multiplier, rounded down', () => {
    expect(pointsForPaid(12_999, 1, 100)).toBe(129);
    expect(pointsForPaid(12_999, 2, 150)).toBe(387);
    expect(pointsForPaid(99, 1, 100)).toBe(0);
    expect(pointsForPaid(-100, 1, 100)).toBe(0);
    expect(growthForPaid(50_050, 1)).toBe(500);
  });

  it('dates expiry: rolling months clamp to the month end; yearly clears after next year in Shanghai', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(expiryFor({ mode: 'rolling', months: 12 }, new Date('2026-05-03T00:00:00Z'))?.toISOString()).toBe('2027-05-03T00:00:00.000Z');
    expect(expiryFor({ mode: 'yearly' }, new Date('2026-12-31T17:00:00Z'))?.toISOString()).toBe('2028-12-31T16:00:00.000Z'); // already 2027 in Shanghai
    expect(expiryFor({ mode: 'yearly' }, new Date('2026-06-01T00:00:00Z'))?.toISOString()).toBe('2027-12-31T16:00:00.000Z');
    expect(expiryFor({ mode: 'never' }, new Date())).toBeNull();
  });

  it('counts sign-in streaks by Shanghai day and cycles the 7-day table', () => {
    const table = [5, 5, 10, 10, 15, 15, 30];
    expect(shanghaiDay(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(signinReward(table, null, '2026-11-23')).toEqual({ streak: 1, points: 5 });
    expect(signinReward(table, { day: '2026-11-22', streak: 6 }, '2026-11-23')).toEqual({ streak: 7, points: 30 });
    expect(signinReward(table, { day: '2026-11-22', streak: 7 }, '2026-11-23')).toEqual({ streak: 8, points: 5 });
    expect(signinReward(table, { day: '2026-11-21', streak: 6 }, '2026-11-23')).toEqual({ streak: 1, points: 5 });
    expect(signinReward(table, { day: '2026-11-23', streak: 2 }, '2026-11-23')).toBeNull();
    expect(signinReward(table, { day: '2026-02-28', streak: 1 }, '2026-03-01')).toEqual({ streak: 2, points: 5 });
  });

  it('takes back points by rule; partial refunds add up to one refund of their sum, and never more than earned', () => {
    expect(clawbackTarget('proportional', 100, 10_000, 2_500, false)).toBe(25);
    expect(clawbackTarget('proportional', 100, 10_000, 2_500, true)).toBe(100);
    expect(clawbackTarget('full_refund_only', 100, 10_000, 9_999, false)).toBe(0);
    expect(clawbackTarget('full_refund_only', 100, 10_000, 10_000, false)).toBe(100);
    expect(clawbackTarget('none', 100, 10_000, 10_000, true)).toBe(0);
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 200_000 }), { maxLength: 6 }), (earned, paid, refunds) => {
      let refunded = 0;
      let clawed = 0;
      for (const r of refunds) {
        refunded = Math.min(paid, refunded + r);
        const target = clawbackTarget('proportional', earned, paid, refunded, false);
        if (target < clawed) return false; // monotone: never gives points back
        clawed = target;
      }
      return clawed <= earned && clawed === clawbackTarget('proportional', earned, paid, refunded, false);
    }));
  });
});

describe('level rules', () => {
  const levels = [
    { id: 'l0', threshold: 0 }, { id: 'l1', threshold: 1000 }, { id: 'l2', threshold: 5000 }, { id: 'l3', threshold: 20000 },
  ];
  it('upgrades at once, never downgrades on growth; the review follows the window either way', () => {
    expect(levelFor(levels, 999)?.id).toBe('l0');
    expect(afterGrowth(levels, 'l0', 5000)).toBe('l2');
    expect(afterGrowth(levels, 'l2', 1200)).toBe('l2');
    expect(afterGrowth(levels, null, 0)).toBe('l0');
    expect(reviewLevel(levels, 1200)).toBe('l1');
    expect(reviewLevel([{ id: 'x', threshold: 100 }], 50)).toBeNull();
  });
  it('shows the progress to the next level', () => {
    expect(progressOf(levels, 'l1', 3000)).toMatchObject({ needed: 2000, percent: 50 });
    expect(progressOf(levels, 'l3', 30000)).toMatchObject({ next: null, needed: 0, percent: 100 });
  });
});
