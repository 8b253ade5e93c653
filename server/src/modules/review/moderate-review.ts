import { and, eq, ne, type SQL } from 'drizzle-orm';
import type { TAdminReviewDetail } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { reviewModeration, reviews } from './review.tables.ts';
import type { ReviewQueries } from './review-queries.ts';

export type Moderator = { id: string; name: string };
type Action = (typeof reviewModeration.$inferInsert)['action'];

/**
 * The merchant's hand on reviews. Each change and its audit row (who, when, why) are written in one
 * transaction; a change that does not apply (hiding a hidden review) is a no-op without an audit row.
 */
export function createModeration(db: Db, queries: ReviewQueries) {
  async function apply(id: string, who: Moderator, action: Action, reason: string, set: Partial<typeof reviews.$inferInsert>, guard?: SQL): Promise<TAdminReviewDetail> {
    await queries.adminDetail(id); // 404 for an unknown id
    await db.tx(async (q) => {
      const now = clock.now();
      const [changed] = await q.update(reviews).set({ ...set, updatedAt: now }).where(and(eq(reviews.id, id), guard)).returning({ id: reviews.id });
      if (changed) await q.insert(reviewModeration).values({ id: newId(), reviewId: id, action, staffId: who.id, staffName: who.name, reason, at: now });
    });
    return queries.adminDetail(id);
  }

  return {
    /** Replies (or edits the reply); the shop shows it under the review. */
    reply: (id: string, who: Moderator, content: string) =>
      apply(id, who, 'reply', content, { replyContent: content, replyAt: clock.now(), replyStaffName: who.name }),

    /** Hides a review from the shop (and from the summary), with the reason recorded. */
    hide: (id: string, who: Moderator, reason: string) =>
      apply(id, who, 'hide', reason, { status: 'hidden', hiddenReason: reason, hiddenAt: clock.now(), hiddenStaffName: who.name, pinned: false }, ne(reviews.status, 'hidden')),

    /** Shows a hidden review again. */
    show: (id: string, who: Moderator) => apply(id, who, 'show', '', { status: 'visible', hiddenReason: null, hiddenAt: null, hiddenStaffName: null }, eq(reviews.status, 'hidden')),

    /** Releases a review the sensitive-word check held. */
    async approve(id: string, who: Moderator): Promise<TAdminReviewDetail> {
      const before = await queries.adminDetail(id);
      if (before.status !== 'pending') throw new KoiError('review.not_pending');
      return apply(id, who, 'approve', '', { status: 'visible' }, eq(reviews.status, 'pending'));
    },

    pin: (id: string, who: Moderator) => apply(id, who, 'pin', '', { pinned: true }, and(eq(reviews.pinned, false), eq(reviews.status, 'visible'))),
    unpin: (id: string, who: Moderator) => apply(id, who, 'unpin', '', { pinned: false }, eq(reviews.pinned, true)),
  };
}
export type Moderation = ReturnType<typeof createModeration>;
