import { z } from 'zod';

/**
 * Reviews (评价) of order lines, issue 6 point 5. A shopper rates each line of a completed order
 * once; the merchant replies, hides (with a reason) and pins. The shop only ever sees visible ones.
 */
export const REVIEW_MAX_PHOTOS = 9;
export const REVIEW_MAX_TEXT = 500;

/** visible: in the shop; pending: held by the sensitive-word check until a moderator decides; hidden: by the merchant. */
export const REVIEW_STATUSES = ['visible', 'pending', 'hidden'] as const;
export const ZReviewStatus = z.enum(REVIEW_STATUSES);
export type TReviewStatus = z.infer<typeof ZReviewStatus>;

export const ZReviewPhoto = z.object({ url: z.string(), thumbUrl: z.string() });
export type TReviewPhoto = z.infer<typeof ZReviewPhoto>;

/** A photo is named by the URL the upload route answered with; its bytes are never taken from the client here. */
const ZPhotoUrls = z.array(z.string().max(200).regex(/^\/media\/[0-9a-z-]+\.(jpg|png|webp|gif)$/)).max(REVIEW_MAX_PHOTOS).default([]);

export const ZReviewSubmitRequest = z.strictObject({
  orderId: z.string().min(1).max(64),
  lineId: z.string().min(1).max(64),
  rating: z.number().int().min(1).max(5),
  /** Plain text; cleaned on the server (control characters, markup); may be empty. */
  content: z.string().max(2000).default(''),
  photoUrls: ZPhotoUrls,
  anonymous: z.boolean().default(false),
});
export type TReviewSubmitRequest = z.input<typeof ZReviewSubmitRequest>;

/** 追评: once, within the follow-up window after the review. */
export const ZReviewFollowUpRequest = z.strictObject({
  content: z.string().min(1).max(2000),
  photoUrls: ZPhotoUrls,
});
export type TReviewFollowUpRequest = z.input<typeof ZReviewFollowUpRequest>;

export const ZReviewReply = z.object({ content: z.string(), at: z.string() });
export const ZReviewFollowUp = z.object({ content: z.string(), photos: z.array(ZReviewPhoto), at: z.string(), daysAfter: z.number().int() });

/** A review as the shop shows it. `authorName` is already masked for anonymous reviews. */
export const ZShopReview = z.object({
  id: z.string(),
  rating: z.number().int(),
  content: z.string(),
  photos: z.array(ZReviewPhoto),
  authorName: z.string(),
  anonymous: z.boolean(),
  avatarUrl: z.string().nullable(),
  skuLabel: z.string(),
  pinned: z.boolean(),
  createdAt: z.string(),
  reply: ZReviewReply.nullable(),
  followUp: ZReviewFollowUp.nullable(),
});
export type TShopReview = z.infer<typeof ZShopReview>;

export const REVIEW_FILTERS = ['all', 'photos', 'good', 'neutral', 'bad', 'follow_up'] as const;
export const ZReviewFilter = z.enum(REVIEW_FILTERS);
export type TReviewFilter = z.infer<typeof ZReviewFilter>;

export const ZReviewTag = z.object({ key: ZReviewFilter, label: z.string(), count: z.number().int() });
export type TReviewTag = z.infer<typeof ZReviewTag>;

/** Counts over visible reviews only. goodRatePercent: 4–5 stars / all, rounded down; null with no reviews. */
export const ZReviewSummary = z.object({
  productId: z.string(),
  total: z.number().int(),
  goodCount: z.number().int(),
  goodRatePercent: z.number().int().nullable(),
  /** Mean stars to one decimal; null with no reviews. */
  average: z.number().nullable(),
  tags: z.array(ZReviewTag),
});
export type TReviewSummary = z.infer<typeof ZReviewSummary>;

export const ZShopReviewQuery = z.object({
  filter: ZReviewFilter.default('all'),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(10),
});
export type TShopReviewQuery = z.input<typeof ZShopReviewQuery>;
export const ZShopReviewPage = z.object({ items: z.array(ZShopReview), nextCursor: z.string().nullable() });
export type TShopReviewPage = z.infer<typeof ZShopReviewPage>;

/** The product page block: the rate and the first two reviews. */
export const ZProductReviewPreview = z.object({ summary: ZReviewSummary, items: z.array(ZShopReview) });
export type TProductReviewPreview = z.infer<typeof ZProductReviewPreview>;

/** The shopper's own review (whatever its status). */
export const ZMyReview = ZShopReview.extend({ status: ZReviewStatus, canFollowUp: z.boolean() });
export type TMyReview = z.infer<typeof ZMyReview>;

export const ZOrderReviewLine = z.object({
  lineId: z.string(),
  productId: z.string(),
  title: z.string(),
  skuLabel: z.string(),
  image: z.string().nullable(),
  review: ZMyReview.nullable(),
});
export const ZOrderReviews = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  /** Completed and within the review window: lines without a review may be rated. */
  canReview: z.boolean(),
  lines: z.array(ZOrderReviewLine),
});
export type TOrderReviews = z.infer<typeof ZOrderReviews>;

/** Events the review module publishes through the outbox. */
export const ReviewEvents = {
  /** A shopper rated a line of their order (once per line); the loyalty module gives 评价积分. */
  submitted: 'review.submitted',
} as const;
export type TReviewSubmittedEvent = { reviewId: string; customerId: string; orderId: string; lineId: string; rating: number; hasPhotos: boolean; at: string };
