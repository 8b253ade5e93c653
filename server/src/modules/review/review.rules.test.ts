import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  authorLabel, canReviewOrder, cleanReviewText, compareForShop, decodeCursor, encodeCursor, followUpDenied, reviewDenied, sensitiveWords, summarize,
  textLength, type SortKey,
} from './review.rules.ts';

const DAY = 86_400_000;
const now = new Date('2026-11-20T08:00:00Z');
const completed = { status: 'completed', customerId: 'c1', completedAt: new Date(now.getTime() - 3 * DAY) };

describe('reviewDenied', () => {
  it('lets the buyer rate a line of a completed order once, inside the window', () => {
    expect(reviewDenied({ order: completed, customerId: 'c1', lineInOrder: true, alreadyReviewed: false, now })).toBeNull();
  });
  it('hides other shoppers\' orders and foreign lines as not found', () => {
    expect(reviewDenied({ order: completed, customerId: 'c2', lineInOrder: true, alreadyReviewed: false, now })).toBe('resource.not_found');
    expect(reviewDenied({ order: completed, customerId: 'c1', lineInOrder: false, alreadyReviewed: false, now })).toBe('resource.not_found');
    expect(reviewDenied({ order: null, customerId: 'c1', lineInOrder: false, alreadyReviewed: false, now })).toBe('resource.not_found');
  });
  it('refuses orders that are not completed, a second review and a late one', () => {
    for (const status of ['pending_payment', 'paid', 'shipped', 'closed']) {
      expect(reviewDenied({ order: { ...completed, status }, customerId: 'c1', lineInOrder: true, alreadyReviewed: false, now })).toBe('review.order_not_completed');
    }
    expect(reviewDenied({ order: completed, customerId: 'c1', lineInOrder: true, alreadyReviewed: true, now })).toBe('review.already_reviewed');
    const old = { ...completed, completedAt: new Date(now.getTime() - 61 * DAY) };
    expect(reviewDenied({ order: old, customerId: 'c1', lineInOrder: true, alreadyReviewed: false, now })).toBe('review.window_closed');
    expect(canReviewOrder('completed', old.completedAt, now)).toBe(false);
    expect(canReviewOrder('completed', completed.completedAt, now)).toBe(true);
    expect(canReviewOrder('shipped', null, now)).toBe(false);
  });
});

describe('followUpDenied', () => {
  it('allows one follow-up by the author within 30 days', () => {
    const r = { customerId: 'c1', createdAt: new Date(now.getTime() - 29 * DAY), hasFollowUp: false };
    expect(followUpDenied(r, 'c1', now)).toBeNull();
    expect(followUpDenied(r, 'c2', now)).toBe('resource.not_found');
    expect(followUpDenied({ ...r, hasFollowUp: true }, 'c1', now)).toBe('review.follow_up_exists');
    expect(followUpDenied({ ...r, createdAt: new Date(now.getTime() - 31 * DAY) }, 'c1', now)).toBe('review.follow_up_closed');
  });
});

describe('text', () => {
  it('removes markup and control characters and squeezes blank runs', () => {
    expect(cleanReviewText('  <b>杯子</b>很好看\u0000\u200b\r\n\r\n\r\n\r\n包装<script>x</script>仔细  ')).toBe('杯子很好看\n\n包装x仔细');
    expect(cleanReviewText('a    b\u3000\u3000c')).toBe('a b c');
  });
  it('counts characters, not UTF-16 units', () => {
    expect(textLength('好评👍')).toBe(3);
  });
  it('finds sensitive words whatever the case or spacing', () => {
    expect(sensitiveWords('卖家是 骗 子，加V 聊')).toEqual(['骗子', '加v']);
    expect(sensitiveWords('茶杯很好看')).toEqual([]);
  });
  it('never leaves markup behind (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const out = cleanReviewText(s);
      expect(/<[^>]*>/.test(out)).toBe(false);
      expect(out).toBe(out.trim());
    }));
  });
});

describe('authorLabel', () => {
  it('masks anonymous authors and names nameless ones 匿名用户', () => {
    expect(authorLabel('张雅琴', true)).toBe('张**琴');
    expect(authorLabel('陈默', true)).toBe('陈**');
    expect(authorLabel('', true)).toBe('匿名用户');
    expect(authorLabel('王浩然', false)).toBe('王浩然');
    expect(authorLabel('  ', false)).toBe('匿名用户');
  });
});

describe('summarize', () => {
  it('computes the good-review rate over visible reviews, rounded down', () => {
    const s = summarize('p', { byStars: [1, 0, 1, 3, 195], withPhotos: 12, withFollowUp: 0 });
    expect(s).toMatchObject({ total: 200, goodCount: 198, goodRatePercent: 99, average: 5 });
    expect(s.tags.map((t) => [t.key, t.count])).toEqual([['all', 200], ['photos', 12], ['good', 198], ['neutral', 1], ['bad', 1]]);
  });
  it('is null with no reviews and shows only the 全部 tag', () => {
    expect(summarize('p', { byStars: [0, 0, 0, 0, 0], withPhotos: 0, withFollowUp: 0 })).toMatchObject({ total: 0, goodRatePercent: null, average: null, tags: [{ key: 'all', count: 0 }] });
  });
  it('never reports 100% unless every review is good (property)', () => {
    const n = fc.nat({ max: 1000 });
    fc.assert(fc.property(n, n, n, n, n, (a, b, c, d, e) => {
      const s = summarize('p', { byStars: [a, b, c, d, e], withPhotos: 0, withFollowUp: 0 });
      if (s.total === 0) return;
      expect(s.goodRatePercent).toBeGreaterThanOrEqual(0);
      expect(s.goodRatePercent === 100).toBe(a + b + c === 0);
      expect(s.average!).toBeGreaterThanOrEqual(1);
      expect(s.average!).toBeLessThanOrEqual(5);
    }));
  });
});

describe('shop order and cursor', () => {
  const key = fc.record({
    hasPhotos: fc.boolean(), pinned: fc.boolean(),
    createdAt: fc.integer({ min: 1.7e12, max: 1.8e12 }).map((t) => new Date(t)),
    id: fc.uuid(),
  });
  it('puts photos first, then pinned, then the newest', () => {
    const t = (h: number) => new Date(now.getTime() - h * 3600_000);
    const rows: SortKey[] = [
      { hasPhotos: false, pinned: false, createdAt: t(1), id: '00000000-0000-4000-8000-000000000001' },
      { hasPhotos: false, pinned: true, createdAt: t(9), id: '00000000-0000-4000-8000-000000000002' },
      { hasPhotos: true, pinned: false, createdAt: t(5), id: '00000000-0000-4000-8000-000000000003' },
      { hasPhotos: true, pinned: true, createdAt: t(8), id: '00000000-0000-4000-8000-000000000004' },
      { hasPhotos: true, pinned: false, createdAt: t(2), id: '00000000-0000-4000-8000-000000000005' },
    ];
    expect([...rows].sort(compareForShop).map((r) => r.id.slice(-1))).toEqual(['4', '5', '3', '2', '1']);
  });
  it('round-trips cursors and rejects forged ones', () => {
    fc.assert(fc.property(key, (k) => { expect(decodeCursor(encodeCursor(k))).toEqual(k); }));
    expect(decodeCursor('bm9wZQ')).toBeNull();
    expect(decodeCursor(Buffer.from("1|0|123|x' or 1=1").toString('base64url'))).toBeNull();
  });
  it('is a total order (property)', () => {
    fc.assert(fc.property(key, key, (a, b) => {
      expect(Math.sign(compareForShop(a, b))).toBe(-Math.sign(compareForShop(b, a)) || 0);
    }));
  });
});
