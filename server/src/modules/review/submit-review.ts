import { and, eq, sql } from 'drizzle-orm';
import { ReviewEvents, type TMyReview, type TReviewPhoto, type TReviewSubmittedEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { publish } from '../../platform/events.ts';
import { cleanReviewText, followUpDenied, MAX_TEXT_CHARS, reviewDenied, sensitiveWords, textLength } from './review.rules.ts';
import { reviews, reviewUploads } from './review.tables.ts';
import { myReview } from './review-views.ts';

/** What the review module needs of the order and identity modules (bound in index.ts from their services). */
export type ReviewPorts = {
  /** The order with its lines, or null when it is not this shopper's. */
  order(orderId: string, customerId: string): Promise<{
    id: string; orderNo: string; status: string; customerId: string; completedAt: Date | null;
    lines: { id: string; productId: string; skuId: string; title: string; specValues: string[]; image: string | null }[];
  } | null>;
  author(customerId: string): Promise<{ nickname: string; avatarUrl: string | null }>;
};

export type SubmitInput = { orderId: string; lineId: string; rating: number; content: string; photoUrls: string[]; anonymous: boolean };

function cleanText(raw: string): string {
  const text = cleanReviewText(raw);
  if (textLength(text) > MAX_TEXT_CHARS) throw new KoiError('review.text_too_long', { max: MAX_TEXT_CHARS });
  return text;
}

/** The shopper's own uploads, in the order given; a URL they did not upload is refused. */
async function ownPhotos(db: Db, customerId: string, urls: string[], q?: Q): Promise<TReviewPhoto[]> {
  const unique = [...new Set(urls)];
  if (!unique.length) return [];
  const rows = await db.run((x) => x.select().from(reviewUploads)
    .where(and(eq(reviewUploads.customerId, customerId), sql`${reviewUploads.url} = any(${sql.param(unique)}::text[])`)), q);
  const byUrl = new Map(rows.map((r) => [r.url, r]));
  return unique.map((url) => {
    const r = byUrl.get(url);
    if (!r) throw new KoiError('review.photo_unknown');
    return { url: r.url, thumbUrl: r.thumbUrl };
  });
}

export function createSubmit(db: Db, ports: ReviewPorts) {
  return {
    /** Records a photo the catalog's media pipeline stored for this shopper. */
    async recordUpload(customerId: string, photo: TReviewPhoto): Promise<void> {
      await db.run((q) => q.insert(reviewUploads).values({ url: photo.url, thumbUrl: photo.thumbUrl, customerId, createdAt: clock.now() }).onConflictDoNothing());
    },

    /**
     * Rates one line of a completed order of the shopper. The unique index on the line decides a
     * race: of two submissions at once, one inserts and the other is told it was already reviewed.
     * `trustedPhotos` (the demo seed) skips the upload check.
     */
    async submit(customerId: string, input: SubmitInput, trustedPhotos?: TReviewPhoto[]): Promise<TMyReview> {
      const order = await ports.order(input.orderId, customerId);
      const line = order?.lines.find((l) => l.id === input.lineId);
      const [existing] = line ? await db.run((q) => q.select({ id: reviews.id }).from(reviews).where(eq(reviews.lineId, line.id))) : [];
      const now = clock.now();
      const denied = reviewDenied({ order, customerId, lineInOrder: !!line, alreadyReviewed: !!existing, now });
      if (denied === 'resource.not_found') throw new KoiError(denied, { what: 'order' });
      if (denied) throw new KoiError(denied);
      const content = cleanText(input.content);
      const photos = trustedPhotos ?? (await ownPhotos(db, customerId, input.photoUrls));
      const flagged = sensitiveWords(content);
      const author = await ports.author(customerId);
      const row = await db.tx(async (q) => {
        const [r] = await q.insert(reviews).values({
          id: newId(), orderId: order!.id, orderNo: order!.orderNo, lineId: line!.id, customerId, productId: line!.productId, skuId: line!.skuId,
          productTitle: line!.title, skuLabel: line!.specValues.join(' / '), authorName: author.nickname, avatarUrl: author.avatarUrl,
          anonymous: input.anonymous, rating: input.rating, content, photos, hasPhotos: photos.length > 0,
          status: flagged.length ? 'pending' : 'visible', flaggedWords: flagged, pinned: false, createdAt: now, updatedAt: now,
        }).onConflictDoNothing({ target: reviews.lineId }).returning();
        // In the same transaction: the loyalty module's 评价积分 (issue 8) reacts to it.
        if (r) await publish<TReviewSubmittedEvent>(q, ReviewEvents.submitted, { reviewId: r.id, customerId, orderId: r.orderId, lineId: r.lineId, rating: r.rating, hasPhotos: r.hasPhotos, at: now.toISOString() });
        return r;
      });
      if (!row) throw new KoiError('review.already_reviewed');
      return myReview(row, now);
    },

    /** 追评: once per review, by its author, within the follow-up window. A flagged one is held again. */
    async followUp(customerId: string, reviewId: string, input: { content: string; photoUrls: string[] }): Promise<TMyReview> {
      return db.tx(async (q) => {
        const [r] = await q.select().from(reviews).where(eq(reviews.id, reviewId)).for('update');
        if (!r) throw new KoiError('resource.not_found', { what: 'review' });
        const now = clock.now();
        const denied = followUpDenied({ customerId: r.customerId, createdAt: r.createdAt, hasFollowUp: !!r.followUpAt }, customerId, now);
        if (denied === 'resource.not_found') throw new KoiError(denied, { what: 'review' });
        if (denied) throw new KoiError(denied);
        const content = cleanText(input.content);
        if (!content) throw new KoiError('review.text_empty');
        const photos = await ownPhotos(db, customerId, input.photoUrls, q);
        const flagged = sensitiveWords(content);
        const [row] = await q.update(reviews).set({
          followUpContent: content, followUpPhotos: photos, followUpAt: now, updatedAt: now,
          ...(flagged.length && r.status === 'visible' ? { status: 'pending' as const, flaggedWords: [...new Set([...r.flaggedWords, ...flagged])] } : {}),
        }).where(eq(reviews.id, reviewId)).returning();
        return myReview(row!, now);
      });
    },
  };
}
