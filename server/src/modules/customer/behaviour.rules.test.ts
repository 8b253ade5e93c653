import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampOccurredAt, customerKey, FUTURE_WINDOW_MS, PAST_WINDOW_MS } from './behaviour.rules.ts';

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
