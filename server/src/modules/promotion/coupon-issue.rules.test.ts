import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { birthdayMonthDays, claimedPercent, classifyEntry, issuableNow, issueKey, shanghaiDay, splitPasted } from './coupon-issue.rules.ts';

const C = '0a4c9b9e-6f0e-4a52-9a55-3d6f6f4f0b01';

describe('issue keys: once per customer per occasion', () => {
  it('names each occasion, the year of a birthday and the level reached', () => {
    expect(issueKey({ kind: 'reward', occasion: 'new_customer', customerId: C })).toBe(`reward:new_customer:${C}`);
    expect(issueKey({ kind: 'reward', occasion: 'birthday', customerId: C, at: { year: 2026 } })).toBe(`reward:birthday:${C}:2026`);
    expect(issueKey({ kind: 'reward', occasion: 'level_up', customerId: C, at: { levelId: 'L2' } })).toBe(`reward:level_up:${C}:L2`);
    expect(issueKey({ kind: 'list', jobId: 'J', customerId: C })).toBe(`list:J:${C}`);
    expect(issueKey({ kind: 'code', code: 'ABC', customerId: C })).toBe(`code:ABC:${C}`);
    expect(() => issueKey({ kind: 'reward', occasion: 'birthday', customerId: C })).toThrow();
    expect(() => issueKey({ kind: 'reward', occasion: 'level_up', customerId: C, at: { year: 1 } })).toThrow();
  });

  it('gives different occasions different keys and the same occasion the same key', () => {
    const occasion = fc.oneof(
      fc.record({ kind: fc.constant('reward' as const), occasion: fc.constant('new_customer' as const), customerId: fc.uuid() }),
      fc.record({ kind: fc.constant('reward' as const), occasion: fc.constant('birthday' as const), customerId: fc.uuid(), at: fc.record({ year: fc.integer({ min: 2000, max: 2100 }) }) }),
      fc.record({ kind: fc.constant('reward' as const), occasion: fc.constant('level_up' as const), customerId: fc.uuid(), at: fc.record({ levelId: fc.uuid() }) }),
    );
    fc.assert(fc.property(occasion, occasion, (a, b) => (issueKey(a) === issueKey(b)) === (JSON.stringify(a) === JSON.stringify(b))));
  });
});

describe('list entries', () => {
  it('takes ids and mainland mobiles, in the ways people paste them', () => {
    expect(classifyEntry(C.toUpperCase())).toEqual({ raw: C.toUpperCase(), type: 'id', id: C });
    expect(classifyEntry('+86 139-1688-0001')).toMatchObject({ type: 'phone', phone: '13916880001' });
    expect(classifyEntry('8613916880001')).toMatchObject({ type: 'phone', phone: '13916880001' });
    expect(classifyEntry('12345678901')).toMatchObject({ type: 'invalid' });
    expect(classifyEntry('张三')).toMatchObject({ type: 'invalid' });
    expect(splitPasted('13916880001\n13916880002, 13916880003；\t\n\n 13916880004')).toEqual(['13916880001', '13916880002', '13916880003', '13916880004']);
  });
});

describe('reward timing', () => {
  it('issues from active templates whose dates are not over', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(issuableNow({ status: 'active', validity: { type: 'relative', days: 7 } }, now)).toBe(true);
    expect(issuableNow({ status: 'draft', validity: { type: 'relative', days: 7 } }, now)).toBe(false);
    expect(issuableNow({ status: 'active', validity: { type: 'fixed', from: '2026-01-01T00:00:00Z', until: '2026-05-31T00:00:00Z' } }, now)).toBe(false);
  });

  it('celebrates birthdays on the Shanghai day, 29 February on the 28th in common years', () => {
    expect(shanghaiDay(new Date('2026-03-14T16:30:00Z'))).toBe('2026-03-15');
    expect(birthdayMonthDays('2026-03-15')).toEqual(['03-15']);
    expect(birthdayMonthDays('2026-02-28')).toEqual(['02-28', '02-29']);
    expect(birthdayMonthDays('2028-02-28')).toEqual(['02-28']);
  });
});

describe('已抢 N%', () => {
  it('rounds down, so 100% means none left', () => {
    expect(claimedPercent(73, 100)).toBe(73);
    expect(claimedPercent(999, 1000)).toBe(99);
    expect(claimedPercent(1000, 1000)).toBe(100);
    expect(claimedPercent(0, 5)).toBe(0);
    expect(claimedPercent(5, null)).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat(), (total, k) => {
      const issued = k % (total + 1);
      const p = claimedPercent(issued, total)!;
      return p >= 0 && p <= 100 && (p === 100) === (issued === total);
    }));
  });
});
