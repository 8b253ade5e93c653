import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TMemberDaySettings } from '@koi/contracts';
import { daysLeft, effectiveBenefits, extendCard, isMemberDay, memberDayLabel, zheOfPercent } from './member-benefits.rules.ts';

const b = (discountPercent: number, freeShipping: boolean, pointsMultiplierPct: number) => ({ discountPercent, freeShipping, pointsMultiplierPct, birthdayGift: '' });
const GOLD = { id: 'gold', name: '金卡会员', benefits: b(5, false, 150) };
// 2026-05-06 is a Wednesday; 23:30 UTC on Tuesday the 5th is already Wednesday in Shanghai.
const WED = new Date('2026-05-05T23:30:00Z');
const TUE = new Date('2026-05-05T15:00:00Z');
const DAY: TMemberDaySettings = { enabled: true, rule: { type: 'weekly', weekdays: [3] }, extraDiscountPercent: 5, pointsMultiplierPct: 200 };
const card = (percent: number, freeShipping: boolean, expiresAt: string, multiplier = 100) =>
  ({ planId: 'p1', name: '茶友年卡', benefits: b(percent, freeShipping, multiplier), startsAt: new Date('2026-01-01T00:00:00Z'), expiresAt: new Date(expiresAt) });

describe('effective member benefits', () => {
  it('the level alone: its rate, its multiplier, no free shipping', () => {
    const e = effectiveBenefits({ level: GOLD, card: null, memberDay: null, now: TUE });
    expect(e).toMatchObject({ levelId: 'gold', discountRateBp: 9500, freeShipping: false, pointsMultiplierPct: 150, memberDayToday: false });
    expect(e.discountLabel.zh).toBe('金卡会员 95折');
  });

  it('an active card: best of each — the card\'s 9折 and free shipping, the level\'s multiplier', () => {
    const e = effectiveBenefits({ level: GOLD, card: card(10, true, '2027-01-01T00:00:00Z'), memberDay: null, now: TUE });
    expect(e).toMatchObject({ discountRateBp: 9000, freeShipping: true, pointsMultiplierPct: 150 });
    expect(e.discountLabel.zh).toBe('茶友年卡 9折');
    expect(e.freeShippingLabel.zh).toBe('茶友年卡包邮');
  });

  it('an expired card gives nothing', () => {
    const e = effectiveBenefits({ level: GOLD, card: card(10, true, '2026-05-01T00:00:00Z'), memberDay: null, now: TUE });
    expect(e).toMatchObject({ discountRateBp: 9500, freeShipping: false });
  });

  it('the member day (a Shanghai Wednesday) adds 折上折 and multiplies points', () => {
    const e = effectiveBenefits({ level: GOLD, card: null, memberDay: DAY, now: WED });
    expect(e).toMatchObject({ discountRateBp: 9025, pointsMultiplierPct: 300, memberDayToday: true });
    expect(e.discountLabel.zh).toBe('金卡会员 95折 · 会员日折上 95折');
    expect(effectiveBenefits({ level: GOLD, card: null, memberDay: DAY, now: TUE }).memberDayToday).toBe(false);
    expect(effectiveBenefits({ level: GOLD, card: null, memberDay: { ...DAY, enabled: false }, now: WED }).memberDayToday).toBe(false);
    expect(effectiveBenefits({ level: null, card: null, memberDay: DAY, now: WED })).toMatchObject({ discountRateBp: 9500, pointsMultiplierPct: 200, levelId: null });
  });

  it('no level, no card, no day: nothing', () => {
    expect(effectiveBenefits({ level: null, card: null, memberDay: null, now: TUE })).toMatchObject({ discountRateBp: 10_000, freeShipping: false, pointsMultiplierPct: 100 });
  });

  it('never worse than any single source, and the rate is an integer in range (property)', () => {
    const src = fc.record({ d: fc.integer({ min: 0, max: 50 }), f: fc.boolean(), m: fc.integer({ min: 100, max: 1000 }) });
    fc.assert(fc.property(src, fc.option(src), fc.option(fc.record({ d: fc.integer({ min: 0, max: 50 }), m: fc.integer({ min: 100, max: 1000 }) })), (lv, cd, day) => {
      const e = effectiveBenefits({
        level: { id: 'l', name: 'L', benefits: b(lv.d, lv.f, lv.m) },
        card: cd ? card(cd.d, cd.f, '2030-01-01T00:00:00Z', cd.m) : null,
        memberDay: day ? { enabled: true, rule: { type: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] }, extraDiscountPercent: day.d, pointsMultiplierPct: day.m } : null,
        now: TUE,
      });
      expect(Number.isInteger(e.discountRateBp)).toBe(true);
      expect(e.discountRateBp).toBeGreaterThanOrEqual(2500);
      expect(e.discountRateBp).toBeLessThanOrEqual((100 - lv.d) * 100);
      if (cd) expect(e.discountRateBp).toBeLessThanOrEqual((100 - cd.d) * 100);
      expect(e.freeShipping).toBe(lv.f || !!cd?.f);
      expect(e.pointsMultiplierPct).toBeGreaterThanOrEqual(Math.max(lv.m, cd?.m ?? 100));
    }));
  });
});

describe('member day', () => {
  it('weekly by Shanghai weekday, monthly by Shanghai day of month', () => {
    expect(isMemberDay({ type: 'weekly', weekdays: [3] }, WED)).toBe(true);
    expect(isMemberDay({ type: 'weekly', weekdays: [3] }, TUE)).toBe(false);
    expect(isMemberDay({ type: 'weekly', weekdays: [7] }, new Date('2026-05-10T01:00:00Z'))).toBe(true);
    expect(isMemberDay({ type: 'monthly', days: [6, 18] }, WED)).toBe(true);
    expect(isMemberDay({ type: 'monthly', days: [5] }, WED)).toBe(false);
  });

  it('labels', () => {
    expect(memberDayLabel({ ...DAY, extraDiscountPercent: 0 }).zh).toBe('每周三会员日 · 积分 2 倍');
    expect(memberDayLabel(DAY).zh).toBe('每周三会员日 · 积分 2 倍 · 折上 95折');
    expect(memberDayLabel({ ...DAY, rule: { type: 'monthly', days: [18, 8] }, pointsMultiplierPct: 100, extraDiscountPercent: 0 }).zh).toBe('每月 8、18 日会员日');
    expect(memberDayLabel({ ...DAY, rule: { type: 'weekly', weekdays: [6, 3] } }).en).toBe('Member day every Wed, Sat · 2× points · extra 5% off');
    expect([5, 10, 12, 50].map((p) => zheOfPercent(p).zh)).toEqual(['95折', '9折', '88折', '5折']);
  });
});

describe('card periods', () => {
  const now = new Date('2026-05-01T00:00:00Z');
  it('a first purchase starts now; buying again while active extends from the expiry; after expiry starts afresh', () => {
    const first = extendCard(null, now, 365);
    expect(first).toEqual({ startsAt: now, expiresAt: new Date('2027-05-01T00:00:00Z') });
    const again = extendCard(first, new Date('2026-12-01T00:00:00Z'), 30);
    expect(again).toEqual({ startsAt: now, expiresAt: new Date('2027-05-31T00:00:00Z') });
    const later = new Date('2027-06-01T00:00:00Z');
    expect(extendCard(again, later, 30)).toEqual({ startsAt: later, expiresAt: new Date('2027-07-01T00:00:00Z') });
  });
  it('days left count a part day as one, never below zero', () => {
    expect(daysLeft(new Date('2026-05-02T01:00:00Z'), now)).toBe(2);
    expect(daysLeft(new Date('2026-04-30T00:00:00Z'), now)).toBe(0);
  });
});
