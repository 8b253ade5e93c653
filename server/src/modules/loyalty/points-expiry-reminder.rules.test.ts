import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, expiringBatches, lastUsableDay, reminderFor, shanghaiMidnight } from './points-expiry-reminder.rules.ts';
import { expiryFor, shanghaiDay } from './points.rules.ts';
import { renderSms, renderWechat, smsText, WECHAT_TEMPLATES } from '../messaging/order-templates.rules.ts';
import { dataProblems } from '../messaging/wechat-values.rules.ts';
import { SIMULATED_TEMPLATES } from '../messaging/providers/aliyun-sms.simulator.ts';

const DAY = 86_400_000;
const now = new Date('2027-12-24T02:00:00Z'); // 10:00 in Shanghai, 24 December

describe('points expiry reminder rules', () => {
  it('a yearly clear ends on 31 December: that is the day the shopper is told', () => {
    const at = expiryFor({ mode: 'yearly' }, new Date('2026-05-01T04:00:00Z'))!;
    expect(lastUsableDay(at)).toBe('2027-12-31');
    expect(expiringBatches([{ remaining: 300, expiresAt: at }], now, 7)).toEqual([{ day: '2027-12-31', points: 300 }]);
    expect(expiringBatches([{ remaining: 300, expiresAt: at }], now, 6)).toEqual([]); // 31 Dec is 7 days away
  });

  it('rolling lots are summed by their day, soonest first; spent, expired and never-expiring lots are left out', () => {
    const lots = [
      { remaining: 10, expiresAt: new Date('2027-12-26T01:00:00Z') },
      { remaining: 5, expiresAt: new Date('2027-12-25T20:00:00Z') }, // 04:00 on the 26th in Shanghai
      { remaining: 7, expiresAt: new Date('2027-12-25T03:00:00Z') },
      { remaining: 0, expiresAt: new Date('2027-12-25T03:00:00Z') },
      { remaining: 9, expiresAt: new Date('2027-12-24T01:00:00Z') }, // already gone
      { remaining: 4, expiresAt: null },
    ];
    expect(expiringBatches(lots, now, 3)).toEqual([{ day: '2027-12-25', points: 7 }, { day: '2027-12-26', points: 15 }]);
  });

  it('one reminder per batch: days already announced are left out, nothing when all were', () => {
    const batches = [{ day: '2027-12-25', points: 7 }, { day: '2027-12-26', points: 15 }];
    expect(reminderFor(batches, new Set())).toMatchObject({ points: 22, firstDay: '2027-12-25', lastDay: '2027-12-26' });
    expect(reminderFor(batches, new Set(['2027-12-25']))).toMatchObject({ points: 15, firstDay: '2027-12-26', lastDay: '2027-12-26' });
    expect(reminderFor(batches, new Set(['2027-12-25', '2027-12-26']))).toBeNull();
  });

  it('property: every unexpired lot whose last day is within the window is counted once, in its own day, and nothing else', () => {
    const lot = fc.record({
      remaining: fc.integer({ min: 0, max: 10_000 }),
      expiresAt: fc.option(fc.integer({ min: -5 * DAY, max: 60 * DAY }).map((ms) => new Date(now.getTime() + ms)), { nil: null }),
    });
    fc.assert(fc.property(fc.array(lot, { maxLength: 40 }), fc.integer({ min: 0, max: 45 }), (lots, days) => {
      const batches = expiringBatches(lots, now, days);
      const lastDay = addDays(shanghaiDay(now), days);
      const inWindow = lots.filter((l) => l.remaining > 0 && l.expiresAt && l.expiresAt > now && lastUsableDay(l.expiresAt) <= lastDay);
      expect(batches.reduce((s, b) => s + b.points, 0)).toBe(inWindow.reduce((s, l) => s + l.remaining, 0));
      for (const b of batches) {
        expect(b.day >= shanghaiDay(now) && b.day <= lastDay).toBe(true);
        expect(b.points).toBe(inWindow.filter((l) => lastUsableDay(l.expiresAt!) === b.day).reduce((s, l) => s + l.remaining, 0));
      }
      expect(batches.map((b) => b.day)).toEqual([...new Set(batches.map((b) => b.day))].sort());
      // Reminding of some days, then of the rest, tells of every point exactly once.
      const first = new Set(batches.filter((_, i) => i % 2 === 0).map((b) => b.day));
      const rest = reminderFor(batches, first);
      expect((rest?.points ?? 0) + batches.filter((b) => first.has(b.day)).reduce((s, b) => s + b.points, 0)).toBe(inWindow.reduce((s, l) => s + l.remaining, 0));
    }), { numRuns: 300 });
  });

  it('property: a lot is in the window exactly from `days` days before its last usable day until it expires', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 * DAY }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 40 * DAY }), (offset, days, back) => {
      const expiresAt = new Date(now.getTime() + offset);
      const at = new Date(expiresAt.getTime() - back);
      const inside = expiringBatches([{ remaining: 1, expiresAt }], at, days).length === 1;
      const last = lastUsableDay(expiresAt);
      expect(inside).toBe(at < expiresAt && at >= shanghaiMidnight(addDays(last, -days)));
    }), { numRuns: 300 });
  });

  it('the messages: a WeChat subscribe message WeChat accepts, and an SMS with the points and the day(s)', () => {
    const one = { kind: 'points_expiring' as const, points: 300, firstDay: '2027-12-31', lastDay: '2027-12-31', at: now.toISOString() };
    const w = renderWechat(one);
    expect(dataProblems(w.data, WECHAT_TEMPLATES.points_expiring.keys)).toEqual([]);
    expect(w.data).toMatchObject({ number1: { value: '300' }, date2: { value: '2027年12月31日' } });
    expect(w.page).toBe('pages/member/points');
    const many = renderWechat({ ...one, firstDay: '2027-12-25', lastDay: '2028-01-02' });
    expect(dataProblems(many.data, WECHAT_TEMPLATES.points_expiring.keys)).toEqual([]);
    expect(many.data.date2!.value).toBe('2027年12月25日~2028年1月2日');
    const s = renderSms(one);
    expect(smsText('Koi', SIMULATED_TEMPLATES[s.templateCode]!, s.params)).toBe('【Koi】您有300积分将于2027-12-31过期，请尽快使用。');
    expect(renderSms({ ...one, firstDay: '2027-12-25' }).params.date).toBe('2027-12-25至2027-12-31');
  });
});
