import { z } from 'zod';
import { ZReviewFollowUp, ZReviewPhoto, ZReviewStatus } from './review.ts';

const ZBoolQuery = z.enum(['true', 'false']).optional();

export const ZAdminReviewQuery = z.object({
  rating: z.coerce.number().int().min(1).max(5).optional(),
  hasPhotos: ZBoolQuery,
  status: ZReviewStatus.optional(),
  replied: ZBoolQuery,
  pinned: ZBoolQuery,
  productId: z.string().uuid().optional(),
  /** Order number prefix or words of the text. */
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TAdminReviewQuery = z.input<typeof ZAdminReviewQuery>;
export type TAdminReviewFilter = z.infer<typeof ZAdminReviewQuery>;

export const REVIEW_ACTIONS = ['reply', 'hide', 'show', 'pin', 'unpin', 'approve'] as const;
export const ZReviewAction = z.enum(REVIEW_ACTIONS);

/** Who did what to a review, when and why (hide reasons live here as well as on the review). */
export const ZReviewAuditEntry = z.object({ action: ZReviewAction, staffId: z.string(), staffName: z.string(), reason: z.string(), at: z.string() });

export const ZAdminReview = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  lineId: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  skuLabel: z.string(),
  customerId: z.string(),
  /** The real nickname (staff see it even when the review is anonymous). */
  authorName: z.string(),
  anonymous: z.boolean(),
  rating: z.number().int(),
  content: z.string(),
  photos: z.array(ZReviewPhoto),
  status: ZReviewStatus,
  /** Sensitive words found when it was written (it was held as pending). */
  flaggedWords: z.array(z.string()),
  pinned: z.boolean(),
  reply: z.object({ content: z.string(), at: z.string(), staffName: z.string() }).nullable(),
  hidden: z.object({ reason: z.string(), at: z.string(), staffName: z.string() }).nullable(),
  followUp: ZReviewFollowUp.nullable(),
  createdAt: z.string(),
});
export type TAdminReview = z.infer<typeof ZAdminReview>;
export const ZAdminReviewPage = z.object({ items: z.array(ZAdminReview), total: z.number().int(), page: z.number().int() });
export const ZAdminReviewDetail = ZAdminReview.extend({ log: z.array(ZReviewAuditEntry) });
export type TAdminReviewDetail = z.infer<typeof ZAdminReviewDetail>;

export const ZReviewReplyRequest = z.strictObject({ content: z.string().trim().min(1).max(500) });
export const ZReviewHideRequest = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export type TReviewHideRequest = z.infer<typeof ZReviewHideRequest>;
