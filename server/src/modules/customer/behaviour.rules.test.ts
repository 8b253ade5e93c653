import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampOccurredAt, customerKey, dailyCountDeltas, FUTURE_WINDOW_MS, PAST_WINDOW_MS } from './behaviour.rules.ts';

const now = new Date('2026-03-01T08:00:00.000Z');

describe('clampOccurredAt', () => {
  it('keeps a time inside the window and uses now without one', () => {
    expect(clampOccurredAt('2026-03-01T07:30:00+00:00', now).toISOString()).toBe('2026-03-01T07:30:00.000Z');
    expect(clampOccurredAt('2026-03-01T15:30:00+08:00', now).toISOString()).toBe('2026-03-01T07:30:00.000Z');
    expect(clampOccurredAt(undefined, now).toISOString()).toBe(now.toISOString());
  });

  it('pulls a stale or future device clock back to the window edges', () => {
    expect(clampOccurredAt('2025-01-01T00:00:00Z', now).getTime()).toBe(now.getTime() - PAST_WINDOW_MS);
    expect(clampOccurredAt('2027-01-01T00:00:00Z', now).getTime()).toBe(now.getTime() + FUTURE_WINDOW_MS);
  });

  it('always lands in [now − 24 h, now + 5 min] (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -4e12, max: 4e12 }), (offset) => {
      const at = new Date(now.getTime() + offset).toISOString();
      const t = clampOccurredAt(at, now).getTime();
      return t >= now.getTime() - PAST_WINDOW_MS && t <= now.getTime() + FUTURE_WINDOW_MS && (offset < -PAST_WINDOW_MS || offset > FUTURE_WINDOW_MS || t === now.getTime() + offset);
    }));
  });
});

describe('customerKey', () => {
  it('is the shopper when signed in, else the device', () => {
    expect(customerKey('0190aaaa-0000-7000-8000-000000000001', 'dev-12345678')).toBe('0190aaaa-0000-7000-8000-000000000001');
    expect(customerKey(null, 'dev-12345678')).toBe('anon:dev-12345678');
  });
});

describe('dailyCountDeltas', () => {
  const a = '0190b000-0000-7000-8000-00000000000a';
  const b = '0190b000-0000-7000-8000-00000000000b';
  it('counts a batch per customer, type and UTC day, skipping anonymous events', () => {
    expect(dailyCountDeltas([
      { type: 'product_view', shopperId: b, at: new Date('2026-05-02T00:00:00.000Z') },
      { type: 'product_view', shopperId: a, at: new Date('2026-05-01T23:59:59.999Z') },
      { type: 'product_view', shopperId: a, at: new Date('2026-05-01T00:00:00.000Z') },
      { type: 'share', shopperId: a, at: new Date('2026-05-01T12:00:00.000Z') },
      { type: 'product_view', shopperId: null, at: new Date('2026-05-01T12:00:00.000Z') },
    ])).toEqual([
      { customerId: a, type: 'product_view', day: '2026-05-01', n: 2 },
      { customerId: a, type: 'share', day: '2026-05-01', n: 1 },
      { customerId: b, type: 'product_view', day: '2026-05-02', n: 1 },
    ]);
  });

  it('adds up to the batch\'s signed-in events, one row per key (property)', () => {
    const event = fc.record({ type: fc.constantFrom('share', 'product_view'), shopperId: fc.option(fc.constantFrom(a, b)), at: fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }) });
    fc.assert(fc.property(fc.array(event), (events) => {
      const d = dailyCountDeltas(events);
      expect(d.reduce((s, x) => s + x.n, 0)).toBe(events.filter((e) => e.shopperId).length);
      expect(new Set(d.map((x) => `${x.customerId}${x.type}${x.day}`)).size).toBe(d.length);
    }));
  });
});
