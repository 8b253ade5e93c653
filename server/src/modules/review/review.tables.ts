import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TReviewPhoto } from '@koi/contracts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One review per order line (the unique index is what makes two submissions at once produce one).
 * Order, product and author facts are snapshots taken when it was written: the module never reads
 * the order or identity tables.
 */
export const reviews = pgTable(
  'review_reviews',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    orderNo: text('order_no').notNull(),
    lineId: uuid('line_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    productId: uuid('product_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    productTitle: text('product_title').notNull(),
    skuLabel: text('sku_label').notNull(),
    authorName: text('author_name').notNull(),
    avatarUrl: text('avatar_url'),
    anonymous: boolean('anonymous').notNull(),
    rating: smallint('rating').notNull(),
    content: text('content').notNull(),
    photos: jsonb('photos').$type<TReviewPhoto[]>().notNull(),
    hasPhotos: boolean('has_photos').notNull(),
    status: text('status', { enum: ['visible', 'pending', 'hidden'] }).notNull(),
    flaggedWords: text('flagged_words').array().notNull(),
    pinned: boolean('pinned').notNull().default(false),
    replyContent: text('reply_content'),
    replyAt: at('reply_at'),
    replyStaffName: text('reply_staff_name'),
    hiddenReason: text('hidden_reason'),
    hiddenAt: at('hidden_at'),
    hiddenStaffName: text('hidden_staff_name'),
    followUpContent: text('follow_up_content'),
    followUpPhotos: jsonb('follow_up_photos').$type<TReviewPhoto[]>(),
    followUpAt: at('follow_up_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_reviews_line_uq').on(t.lineId),
    index('review_reviews_order_idx').on(t.orderId),
    // The shop's keyset order within a product's visible reviews.
    index('review_reviews_shop_idx').on(t.productId, t.hasPhotos, t.pinned, t.createdAt, t.id).where(sql`status = 'visible'`),
    index('review_reviews_admin_idx').on(t.createdAt, t.id),
  ],
);

/** The audit of moderation: who replied, hid, showed, approved or pinned a review, when and why. */
export const reviewModeration = pgTable(
  'review_moderation',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id').notNull(),
    action: text('action', { enum: ['reply', 'hide', 'show', 'pin', 'unpin', 'approve'] }).notNull(),
    staffId: uuid('staff_id').notNull(),
    staffName: text('staff_name').notNull(),
    reason: text('reason').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('review_moderation_review_idx').on(t.reviewId, t.at)],
);

/** Photos a shopper uploaded for reviews: a review may only use its author's own uploads. */
export const reviewUploads = pgTable(
  'review_uploads',
  {
    url: text('url').primaryKey(),
    thumbUrl: text('thumb_url').notNull(),
    customerId: uuid('customer_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('review_uploads_customer_idx').on(t.customerId, t.createdAt)],
);
