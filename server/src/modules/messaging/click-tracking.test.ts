import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clickTracking, isShopPath } from './click-tracking.ts';
import type { Db } from '../../platform/db.ts';

const tracker = clickTracking({ db: {} as Db, secret: 's'.repeat(40), publicUrl: 'https://shop.example' });
const sendId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('tracked message links', () => {
  it('round-trip the send and the target', () => {
    const url = new URL(tracker.trackedLink(sendId, '/pages/product/detail?id=p1'));
    expect(url.pathname).toMatch(/^\/r\/[\w-]{22}\.[\w-]{16}$/);
    expect(tracker.open(url.pathname.slice(3), url.searchParams.get('to') ?? undefined)).toEqual({ sendId, target: '/pages/product/detail?id=p1' });
  });
  it('refuse a forged or altered token', () => {
    const url = new URL(tracker.trackedLink(sendId, '/pages/index/index'));
    const token = url.pathname.slice(3);
    const [packed] = token.split('.');
    expect(tracker.open(token, '/pages/index/index')).not.toBeNull();
    expect(tracker.open(`${packed}.AAAAAAAAAAAAAAAA`, '/pages/index/index')).toBeNull();
    expect(tracker.open(token, '/pages/cart/cart')).toBeNull();
    const other = clickTracking({ db: {} as Db, secret: 't'.repeat(40), publicUrl: 'https://x' });
    expect(other.open(token, '/pages/index/index')).toBeNull();
    expect(tracker.open('nonsense', '/')).toBeNull();
  });
  it('only ever point into this shop (never an open redirect)', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/a b']) {
      expect(isShopPath(bad)).toBe(false);
      expect(() => tracker.trackedLink(sendId, bad)).toThrow();
    }
    fc.assert(fc.property(fc.string(), (s) => {
      if (isShopPath(s)) expect(s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\')).toBe(true);
    }));
  });
});
