import type { TAdminReview, TMyReview, TReviewPhoto, TShopReview } from '@koi/contracts';
import { authorLabel, daysBetween, followUpDenied } from './review.rules.ts';
import type { reviews } from './review.tables.ts';

export type ReviewRow = typeof reviews.$inferSelect;

/** What the shop shows when a shopper rated without writing anything. */
export const EMPTY_TEXT = '此用户没有填写评价。';

function followUp(r: ReviewRow) {
  if (!r.followUpAt || r.followUpContent === null) return null;
  return { content: r.followUpContent, photos: r.followUpPhotos ?? [], at: r.followUpAt.toISOString(), daysAfter: daysBetween(r.createdAt, r.followUpAt) };
}

export function shopReview(r: ReviewRow): TShopReview {
  return {
    id: r.id, rating: r.rating, content: r.content || EMPTY_TEXT, photos: r.photos,
    authorName: authorLabel(r.authorName, r.anonymous), anonymous: r.anonymous,
    avatarUrl: r.anonymous ? null : r.avatarUrl, skuLabel: r.skuLabel, pinned: r.pinned, createdAt: r.createdAt.toISOString(),
    reply: r.replyContent && r.replyAt ? { content: r.replyContent, at: r.replyAt.toISOString() } : null,
    followUp: followUp(r),
  };
}

export function myReview(r: ReviewRow, now: Date): TMyReview {
  return {
    ...shopReview(r), content: r.content, status: r.status,
    canFollowUp: followUpDenied({ customerId: r.customerId, createdAt: r.createdAt, hasFollowUp: !!r.followUpAt }, r.customerId, now) === null,
  };
}

export function adminReview(r: ReviewRow): TAdminReview {
  return {
    id: r.id, orderId: r.orderId, orderNo: r.orderNo, lineId: r.lineId, productId: r.productId, productTitle: r.productTitle, skuLabel: r.skuLabel,
    customerId: r.customerId, authorName: r.authorName || '（未设置昵称）', anonymous: r.anonymous, rating: r.rating, content: r.content,
    photos: r.photos, status: r.status, flaggedWords: r.flaggedWords, pinned: r.pinned,
    reply: r.replyContent && r.replyAt ? { content: r.replyContent, at: r.replyAt.toISOString(), staffName: r.replyStaffName ?? '' } : null,
    hidden: r.status === 'hidden' && r.hiddenAt ? { reason: r.hiddenReason ?? '', at: r.hiddenAt.toISOString(), staffName: r.hiddenStaffName ?? '' } : null,
    followUp: followUp(r),
    createdAt: r.createdAt.toISOString(),
  };
}

