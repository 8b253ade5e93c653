import { describe, expect, it } from 'vitest';
import { autoConfirmAt, exceptionReason, formatKdTime, isDelivered, isExceptionState, nextState, parseKdTime, trackingLabel } from './tracking.rules.ts';

describe('tracking states (Kuaidi100 state codes)', () => {
  it('labels and classifies the documented states', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((s) => trackingLabel(s, 'zh-CN'))).toEqual(['运输中', '已揽收', '疑难件', '已签收', '退签', '派送中', '退回中']);
    expect(trackingLabel(null, 'en')).toBe('Awaiting pickup');
    expect([2, 4, 6, 14].every(isExceptionState)).toBe(true);
    expect([0, 1, 3, 5].some(isExceptionState)).toBe(false);
    expect(isDelivered(3)).toBe(true);
  });

  it('a delivered package does not move back on a late push', () => {
    expect(nextState(3, 0, true)).toBe(3);
    expect(nextState(0, 5, false)).toBe(5);
    expect(nextState(1, null, false)).toBe(1);
  });

  it('reports exceptions by state or by days without news', () => {
    const shippedAt = new Date('2026-11-01T00:00:00Z');
    expect(exceptionReason({ state: 2, lastEventAt: null, shippedAt, deliveredAt: null }, shippedAt, 'zh-CN')).toBe('疑难件');
    expect(exceptionReason({ state: 0, lastEventAt: new Date('2026-11-02T00:00:00Z'), shippedAt, deliveredAt: null }, new Date('2026-11-05T01:00:00Z'), 'zh-CN')).toBe('3 天无物流更新');
    expect(exceptionReason({ state: 0, lastEventAt: new Date('2026-11-02T00:00:00Z'), shippedAt, deliveredAt: null }, new Date('2026-11-04T01:00:00Z'), 'zh-CN')).toBeNull();
    expect(exceptionReason({ state: 4, lastEventAt: null, shippedAt, deliveredAt: new Date() }, new Date(), 'zh-CN')).toBeNull();
  });

  it('the countdown starts when the last package is delivered', () => {
    const a = new Date('2026-11-10T08:00:00Z');
    const b = new Date('2026-11-11T08:00:00Z');
    expect(autoConfirmAt([a, b], 7)?.toISOString()).toBe('2026-11-18T08:00:00.000Z');
    expect(autoConfirmAt([a, null], 7)).toBeNull();
    expect(autoConfirmAt([], 7)).toBeNull();
  });

  it('reads and writes Kuaidi100 times as Beijing time', () => {
    expect(parseKdTime('2026-11-20 09:15:02')?.toISOString()).toBe('2026-11-20T01:15:02.000Z');
    expect(formatKdTime(new Date('2026-11-20T01:15:02Z'))).toBe('2026-11-20 09:15:02');
    expect(parseKdTime('yesterday')).toBeNull();
  });
});
