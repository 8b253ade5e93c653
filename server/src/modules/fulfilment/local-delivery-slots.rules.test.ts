import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TWeekHours } from '@koi/contracts';
import { chinaDay, deliverySlots, isOpenAt, minutesOf, slotStart } from './local-delivery-slots.rules.ts';

const daily = { open: '10:00', close: '21:00' };
// Monday … Sunday; closed on Tuesdays.
const week: TWeekHours = [daily, null, daily, daily, daily, { open: '09:00', close: '22:00' }, { open: '09:00', close: '12:30' }];
/** China time → instant. 2026-11-23 is a Monday. */
const cn = (s: string) => new Date(`${s}+08:00`);

describe('chinaDay', () => {
  it('uses China time, Monday = 0', () => {
    expect(chinaDay(cn('2026-11-23T00:10:00'))).toMatchObject({ date: '2026-11-23', weekday: 0 });
    expect(chinaDay(new Date('2026-11-22T16:30:00Z'))).toMatchObject({ date: '2026-11-23', weekday: 0 });
    expect(chinaDay(cn('2026-11-29T23:59:00'))).toMatchObject({ date: '2026-11-29', weekday: 6 });
  });
});

describe('deliverySlots', () => {
  it('offers windows inside the hours after the lead time, skipping closed days', () => {
    const slots = deliverySlots(week, { slotMinutes: 60, leadMinutes: 45, days: 3 }, cn('2026-11-23T17:20:00'));
    // Monday from 18:05 on: 19–20, 20–21; Tuesday closed; Wednesday all day 10–21 (11 windows).
    expect(slots.filter((s) => s.date === '2026-11-23').map((s) => s.start)).toEqual(['19:00', '20:00']);
    expect(slots.some((s) => s.date === '2026-11-24')).toBe(false);
    expect(slots.filter((s) => s.date === '2026-11-25')).toHaveLength(11);
    expect(slots[0]).toEqual({ date: '2026-11-23', start: '19:00', end: '20:00' });
  });
  it('never runs a window past closing (half-hour closing, 60-minute windows)', () => {
    const slots = deliverySlots(week, { slotMinutes: 60, leadMinutes: 0, days: 7 }, cn('2026-11-23T00:00:00'));
    const sunday = slots.filter((s) => s.date === '2026-11-29');
    expect(sunday.map((s) => `${s.start}-${s.end}`)).toEqual(['09:00-10:00', '10:00-11:00', '11:00-12:00']);
  });
  it('30-minute windows, starting exactly at the lead time', () => {
    const slots = deliverySlots(week, { slotMinutes: 30, leadMinutes: 30, days: 1 }, cn('2026-11-23T20:00:00'));
    expect(slots).toEqual([{ date: '2026-11-23', start: '20:30', end: '21:00' }]);
  });
  it('is empty when closed all the coming days, and after hours today it starts tomorrow', () => {
    expect(deliverySlots([null, null, null, null, null, null, null], { slotMinutes: 60, leadMinutes: 0, days: 7 }, cn('2026-11-23T08:00:00'))).toEqual([]);
    const late = deliverySlots(week, { slotMinutes: 60, leadMinutes: 60, days: 2 }, cn('2026-11-24T22:00:00'));
    expect(late[0]).toEqual({ date: '2026-11-25', start: '10:00', end: '11:00' });
  });
  it('every window starts after now + lead, lies inside that day\'s hours and lasts slotMinutes', () => {
    fc.assert(fc.property(
      fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
      fc.constantFrom(30 as const, 60 as const, 120 as const), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 7 }),
      (t, slotMinutes, leadMinutes, days) => {
        const now = new Date(t);
        for (const s of deliverySlots(week, { slotMinutes, leadMinutes, days }, now)) {
          const start = slotStart(s);
          const h = week[chinaDay(start).weekday];
          if (!h || start.getTime() < t + leadMinutes * 60_000) return false;
          if (minutesOf(s.start) < minutesOf(h.open) || minutesOf(s.end) > minutesOf(h.close)) return false;
          if (minutesOf(s.end) - minutesOf(s.start) !== slotMinutes) return false;
        }
        return true;
      }));
  });
});

describe('isOpenAt', () => {
  it('reads the weekday hours in China time', () => {
    expect(isOpenAt(week, cn('2026-11-23T10:00:00'))).toBe(true);
    expect(isOpenAt(week, cn('2026-11-23T21:00:00'))).toBe(false);
    expect(isOpenAt(week, cn('2026-11-24T12:00:00'))).toBe(false);
  });
});
