import { describe, expect, it } from 'vitest';
import { CursorTrail, filterQuery, sourceLabel } from './data.ts';
import { moveRows, notCountedText } from '../customer-detail/data.ts';

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}:${JSON.stringify(named)}` : key);

describe('customers list data', () => {
  it('sends only the filters that are set', () => {
    expect(filterQuery({ q: '  ', source: '' })).toEqual({});
    expect(filterQuery({ q: ' 5678 ', source: 'taobao' })).toEqual({ q: '5678', source: 'taobao' });
  });

  it('walks keyset pages forward and back', () => {
    const trail = new CursorTrail();
    expect([trail.page, trail.current, trail.hasPrev]).toEqual([1, undefined, false]);
    trail.next('c2');
    trail.next('c3');
    expect([trail.page, trail.current]).toEqual([3, 'c3']);
    trail.prev();
    expect([trail.page, trail.current, trail.hasPrev]).toEqual([2, 'c2', true]);
    trail.next('c3b');
    expect(trail.current).toBe('c3b');
    trail.reset();
    expect([trail.page, trail.current]).toEqual([1, undefined]);
  });

  it('labels known sources and shows new ones as they are', () => {
    expect(sourceLabel(t, 'taobao')).toBe('customers.sources.taobao');
    expect(sourceLabel(t, 'campaign_x')).toBe('campaign_x');
  });
});

describe('merge preview rows', () => {
  const preview = {
    from: {} as never, into: {} as never, blocked: null,
    moves: [{ kind: 'orders' as const, count: 2 }, { kind: 'balance_fen' as const, count: 12_800 }],
    notCounted: ['tags'],
  };
  it('shows money in yuan as the server sent it in fen, counts as they are', () => {
    expect(moveRows(t, preview)).toEqual([
      { label: 'customers.merge.moveKinds.orders', value: '2' },
      { label: 'customers.merge.moveKinds.balance_fen', value: '¥128.00' },
    ]);
    expect(notCountedText(t, preview)).toContain('tags');
  });
});
