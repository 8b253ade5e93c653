import { describe, expect, it } from 'vitest';
import { countdown, STATUS_TAG, TABS } from './data.ts';

describe('after-sales queue data', () => {
  it('counts down to the deadline and past it', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(countdown(null, now)).toBeNull();
    expect(countdown('2026-11-23T12:30:00Z', now)).toEqual({ overdue: false, h: 26, m: 30 });
    expect(countdown('2026-11-22T09:15:00Z', now)).toEqual({ overdue: true, h: 0, m: 45 });
  });
  it('has a tag for every status and the six tabs', () => {
    expect(Object.keys(STATUS_TAG)).toHaveLength(12);
    expect(TABS).toEqual(['pending', 'awaiting_return', 'to_receive', 'refunding', 'done', 'all']);
  });
});
