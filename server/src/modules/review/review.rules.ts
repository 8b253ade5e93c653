import type { TReviewFilter, TReviewSummary, TReviewTag } from '@koi/contracts';

/**
 * Pure rules of reviews (issue 6 point 5): who may review what and when, what the text may hold,
 * how a product's reviews are summarised and in which order the shop lists them.
 */

/** A shopper may rate a line up to this many days after the order completed (淘宝 uses 15; a small brand waits longer). */
export const REVIEW_WINDOW_DAYS = 60;
/** 追评 is possible this long after the first review. */
export const FOLLOW_UP_DAYS = 30;
export const MAX_TEXT_CHARS = 500;
const DAY = 86_400_000;

export type EligibilityInput = {
  order: { status: string; customerId: string; completedAt: Date | null } | null;
  customerId: string;
  lineInOrder: boolean;
  alreadyReviewed: boolean;
  now: Date;
};

/** Why the shopper may not rate this line now, or null when they may. Someone else's order is "not found". */
export function reviewDenied(i: EligibilityInput): null | 'resource.not_found' | 'review.order_not_completed' | 'review.window_closed' | 'review.already_reviewed' {
  if (!i.order || i.order.customerId !== i.customerId || !i.lineInOrder) return 'resource.not_found';
  if (i.order.status !== 'completed' || !i.order.completedAt) return 'review.order_not_completed';
  if (i.alreadyReviewed) return 'review.already_reviewed';
  if (i.now.getTime() - i.order.completedAt.getTime() > REVIEW_WINDOW_DAYS * DAY) return 'review.window_closed';
  return null;
}

/** Whether the order's page should offer rating at all (completed, inside the window). */
export function canReviewOrder(status: string, completedAt: Date | null, now: Date): boolean {
  return status === 'completed' && !!completedAt && now.getTime() - completedAt.getTime() <= REVIEW_WINDOW_DAYS * DAY;
}

export function followUpDenied(r: { customerId: string; createdAt: Date; hasFollowUp: boolean }, customerId: string, now: Date):
  null | 'resource.not_found' | 'review.follow_up_exists' | 'review.follow_up_closed' {
  if (r.customerId !== customerId) return 'resource.not_found';
  if (r.hasFollowUp) return 'review.follow_up_exists';
  if (now.getTime() - r.createdAt.getTime() > FOLLOW_UP_DAYS * DAY) return 'review.follow_up_closed';
  return null;
}

export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY));
}

/**
 * Review text is plain text: markup is removed (the shop renders text, but a copy pasted into an
 * e-mail or a report should not carry tags), control characters dropped, runs of blank lines and
 * spaces squeezed. Length is counted in characters (code points), not UTF-16 units.
 */
export function cleanReviewText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/<[^>]*>/g, '')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g, '')
    .replace(/[ \t\u3000]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function textLength(s: string): number {
  return [...s].length;
}

/**
 * A small list of abuse and off-platform solicitation. A hit does not drop the review: it is held
 * as `pending` for a moderator, who approves or hides it (with a reason).
 */
export const SENSITIVE_WORDS = ['傻逼', '傻b', 'sb商家', '骗子', '垃圾店', '去死', '操你', '妈的', '加微信', '加v', '代购微信', 'fuck', 'shit'] as const;

export function sensitiveWords(text: string): string[] {
  const t = text.toLowerCase().replace(/\s+/g, '');
  return SENSITIVE_WORDS.filter((w) => t.includes(w));
}

/** How the author appears: anonymous reviews show a masked nickname (张**) or 匿名用户 when there is none. */
export function authorLabel(nickname: string, anonymous: boolean): string {
  const name = [...nickname.trim()];
  if (!anonymous) return name.length ? name.join('') : '匿名用户';
  if (name.length === 0) return '匿名用户';
  if (name.length === 1) return `${name[0]}**`;
  return `${name[0]}**${name.length > 2 ? name[name.length - 1] : ''}`;
}

export type StarCounts = { byStars: [number, number, number, number, number]; withPhotos: number; withFollowUp: number };

const TAG_LABELS: Record<TReviewFilter, string> = { all: '全部', photos: '有图', good: '好评', neutral: '中评', bad: '差评', follow_up: '追评' };

/** The product's review summary from visible reviews' counts: 好评率 = 4–5 stars / all (rounded down, never 100% by rounding). */
export function summarize(productId: string, c: StarCounts): TReviewSummary {
  const [s1, s2, s3, s4, s5] = c.byStars;
  const total = s1 + s2 + s3 + s4 + s5;
  const goodCount = s4 + s5;
  const sum = s1 + 2 * s2 + 3 * s3 + 4 * s4 + 5 * s5;
  const counts: Record<TReviewFilter, number> = { all: total, photos: c.withPhotos, good: goodCount, neutral: s3, bad: s1 + s2, follow_up: c.withFollowUp };
  const tags: TReviewTag[] = (Object.keys(TAG_LABELS) as TReviewFilter[])
    .filter((k) => k === 'all' || counts[k] > 0)
    .map((k) => ({ key: k, label: TAG_LABELS[k], count: counts[k] }));
  return {
    productId, total, goodCount,
    goodRatePercent: total ? Math.floor((goodCount * 100) / total) : null,
    average: total ? Math.round((sum * 10) / total) / 10 : null,
    tags,
  };
}

/** Star range of a filter (null: every rating). */
export function starsOf(filter: TReviewFilter): [number, number] | null {
  if (filter === 'good') return [4, 5];
  if (filter === 'neutral') return [3, 3];
  if (filter === 'bad') return [1, 2];
  return null;
}

/** The shop's order: reviews with photos first, then pinned ones, then the newest (id breaks ties). */
export type SortKey = { hasPhotos: boolean; pinned: boolean; createdAt: Date; id: string };

export function compareForShop(a: SortKey, b: SortKey): number {
  if (a.hasPhotos !== b.hasPhotos) return a.hasPhotos ? -1 : 1;
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  const t = b.createdAt.getTime() - a.createdAt.getTime();
  if (t) return t;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Opaque keyset cursor: the sort key of the last review of a page. */
export function encodeCursor(k: SortKey): string {
  return Buffer.from(`${k.hasPhotos ? 1 : 0}|${k.pinned ? 1 : 0}|${k.createdAt.getTime()}|${k.id}`).toString('base64url');
}

export function decodeCursor(s: string): SortKey | null {
  const parts = Buffer.from(s, 'base64url').toString().split('|');
  if (parts.length !== 4) return null;
  const [p, pin, ms, id] = parts as [string, string, string, string];
  if (!/^[01]$/.test(p) || !/^[01]$/.test(pin) || !/^\d{1,15}$/.test(ms) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { hasPhotos: p === '1', pinned: pin === '1', createdAt: new Date(Number(ms)), id };
}
