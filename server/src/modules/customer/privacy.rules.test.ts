import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canCancel, decodeCursor, deletionDueAt, encodeCursor, isDue, pseudonymFor } from './privacy.rules.ts';

const now = new Date('2026-05-01T00:00:00Z');

describe('deletion requests', () => {
  it('are due after the cooling-off period and cancellable until then', () => {
    const dueAt = deletionDueAt(now, 7);
    expect(dueAt.toISOString()).toBe('2026-05-08T00:00:00.000Z');
    const r = { status: 'pending' as const, dueAt };
    expect(canCancel(r, now)).toBe(true);
    expect(isDue(r, now)).toBe(false);
    const later = new Date(dueAt.getTime());
    expect(canCancel(r, later)).toBe(false);
    expect(isDue(r, later)).toBe(true);
  });
  it('never erase or cancel what is not pending', () => {
    for (const status of ['cancelled', 'completed'] as const) {
      expect(isDue({ status, dueAt: now }, new Date(now.getTime() + 1))).toBe(false);
      expect(canCancel({ status, dueAt: new Date(now.getTime() + 1) }, now)).toBe(false);
    }
  });
  it('give a stable pseudonym per customer that does not contain the id', () => {
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(pseudonymFor(id)).toBe(pseudonymFor(id));
    expect(pseudonymFor(id)).toMatch(/^已注销用户·[0-9a-f]{6}$/);
    expect(pseudonymFor(id)).not.toBe(pseudonymFor('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c'));
  });
});

describe('cursors', () => {
  it('round-trip (property)', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.uuid(), (at, id) => {
      expect(decodeCursor(encodeCursor(at, id))).toEqual({ at, id });
    }));
  });
  it('refuse garbage', () => {
    expect(decodeCursor('nonsense')).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor(Buffer.from('2026-01-01T00:00:00Z|x; drop table').toString('base64url'))).toBeNull();
  });
});
