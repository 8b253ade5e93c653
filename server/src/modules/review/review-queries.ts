import { and, asc, desc, eq, ilike, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { TAdminReviewDetail, TAdminReviewFilter, TOrderReviews, TProductReviewPreview, TReviewFilter, TReviewSummary, TShopReviewPage } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { canReviewOrder, decodeCursor, encodeCursor, starsOf, summarize, type StarCounts } from './review.rules.ts';
import { reviewModeration, reviews } from './review.tables.ts';
import { adminReview, myReview, shopReview } from './review-views.ts';
import type { ReviewPorts } from './submit-review.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function filterWhere(filter: TReviewFilter): SQL | undefined {
  const stars = starsOf(filter);
  if (stars) return sql`${reviews.rating} between ${stars[0]} and ${stars[1]}`;
  if (filter === 'photos') return eq(reviews.hasPhotos, true);
  if (filter === 'follow_up') return isNotNull(reviews.followUpAt);
  return undefined;
}

/** Reads of reviews. The shop's reads filter on `status = 'visible'` in SQL: nothing else ever leaves. */
export function createReviewQueries(db: Db, ports: ReviewPorts) {
  async function summary(productId: string): Promise<TReviewSummary> {
    const [r] = await db.rows<{ s1: string | number; s2: string | number; s3: string | number; s4: string | number; s5: string | number; photos: string | number; follow: string | number }>(sql`
      select count(*) filter (where rating = 1) as s1, count(*) filter (where rating = 2) as s2, count(*) filter (where rating = 3) as s3,
        count(*) filter (where rating = 4) as s4, count(*) filter (where rating = 5) as s5,
        count(*) filter (where has_photos) as photos, count(*) filter (where follow_up_at is not null) as follow
      from review_reviews where product_id = ${productId} and status = 'visible'`);
    const n = (v: string | number | undefined) => Number(v ?? 0);
    const counts: StarCounts = { byStars: [n(r?.s1), n(r?.s2), n(r?.s3), n(r?.s4), n(r?.s5)], withPhotos: n(r?.photos), withFollowUp: n(r?.follow) };
    return summarize(productId, counts);
  }

  /** One page in the shop's order (photos, pinned, newest) by keyset: a row-value comparison on the index's columns. */
  async function productPage(productId: string, filter: TReviewFilter, cursor: string | undefined, limit: number): Promise<TShopReviewPage> {
    if (!UUID.test(productId)) return { items: [], nextCursor: null };
    const after = cursor ? decodeCursor(cursor) : null;
    if (cursor && !after) throw new KoiError('http.bad_request');
    const keyset = after
      ? sql`(${reviews.hasPhotos}, ${reviews.pinned}, ${reviews.createdAt}, ${reviews.id}) < (${after.hasPhotos}::boolean, ${after.pinned}::boolean, ${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
      : undefined;
    const rows = await db.run((q) => q.select().from(reviews)
      .where(and(eq(reviews.productId, productId), eq(reviews.status, 'visible'), filterWhere(filter), keyset))
      .orderBy(desc(reviews.hasPhotos), desc(reviews.pinned), desc(reviews.createdAt), desc(reviews.id)).limit(limit + 1));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(shopReview), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  return {
    summary,
    productPage,

    async preview(productId: string): Promise<TProductReviewPreview> {
      if (!UUID.test(productId)) throw new KoiError('resource.not_found', { what: 'product' });
      const [s, page] = await Promise.all([summary(productId), productPage(productId, 'all', undefined, 2)]);
      return { summary: s, items: page.items };
    },

    /** The shopper's order with each line's review (their own, whatever its status). */
    async forOrder(orderId: string, customerId: string): Promise<TOrderReviews> {
      const order = await ports.order(orderId, customerId);
      if (!order) throw new KoiError('resource.not_found', { what: 'order' });
      const rows = await db.run((q) => q.select().from(reviews).where(and(eq(reviews.orderId, orderId), eq(reviews.customerId, customerId))));
      const byLine = new Map(rows.map((r) => [r.lineId, r]));
      const now = clock.now();
      return {
        orderId: order.id, orderNo: order.orderNo, canReview: canReviewOrder(order.status, order.completedAt, now),
        lines: order.lines.map((l) => {
          const r = byLine.get(l.id);
          return { lineId: l.id, productId: l.productId, title: l.title, skuLabel: l.specValues.join(' / '), image: l.image, review: r ? myReview(r, now) : null };
        }),
      };
    },

    async adminList(f: TAdminReviewFilter) {
      const term = f.q?.replace(/[%_\\]/g, '');
      const where = and(
        f.rating ? eq(reviews.rating, f.rating) : undefined,
        f.hasPhotos ? eq(reviews.hasPhotos, f.hasPhotos === 'true') : undefined,
        f.status ? eq(reviews.status, f.status) : undefined,
        f.replied ? (f.replied === 'true' ? isNotNull(reviews.replyAt) : isNull(reviews.replyAt)) : undefined,
        f.pinned ? eq(reviews.pinned, f.pinned === 'true') : undefined,
        f.productId ? eq(reviews.productId, f.productId) : undefined,
        term ? or(like(reviews.orderNo, `${term}%`), ilike(reviews.content, `%${term}%`), ilike(reviews.productTitle, `%${term}%`)) : undefined,
      );
      const rows = await db.run((q) => q.select({ r: reviews, total: sql<number>`count(*) over ()` }).from(reviews).where(where)
        // Held reviews first: they wait for someone.
        .orderBy(sql`(${reviews.status} = 'pending') desc`, desc(reviews.createdAt), desc(reviews.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize));
      return { items: rows.map((x) => adminReview(x.r)), total: Number(rows[0]?.total ?? 0), page: f.page };
    },

    async adminDetail(id: string): Promise<TAdminReviewDetail> {
      if (!UUID.test(id)) throw new KoiError('resource.not_found', { what: 'review' });
      const [r] = await db.run((q) => q.select().from(reviews).where(eq(reviews.id, id)));
      if (!r) throw new KoiError('resource.not_found', { what: 'review' });
      const log = await db.run((q) => q.select().from(reviewModeration).where(eq(reviewModeration.reviewId, id)).orderBy(asc(reviewModeration.at), asc(reviewModeration.id)));
      return { ...adminReview(r), log: log.map((l) => ({ action: l.action, staffId: l.staffId, staffName: l.staffName, reason: l.reason, at: l.at.toISOString() })) };
    },
  };
}
export type ReviewQueries = ReturnType<typeof createReviewQueries>;
