import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';

/**
 * Reviews' side of a customer merge (issue 7 §1): the count for the merge preview and the follower
 * of `customer.merged` — the merged-away customer's reviews and their photo uploads (a review may
 * only use its author's own uploads) move to the kept customer. The author name and avatar shown
 * are the snapshot taken when each review was written and stay as they were. Idempotent: a repeat
 * finds nothing left to move.
 */
export function createReviewCustomerMerge(db: Db) {
  return {
    async countOf(customerId: string, q?: Q): Promise<number> {
      const [r] = await db.rows<{ n: number }>(sql`select count(*)::int as n from review_reviews where customer_id = ${customerId}`, q);
      return r!.n;
    },
    async moveCustomer(q: Q, fromId: string, intoId: string): Promise<void> {
      await db.rows(sql`update review_reviews set customer_id = ${intoId} where customer_id = ${fromId}`, q);
      await db.rows(sql`update review_uploads set customer_id = ${intoId} where customer_id = ${fromId}`, q);
    },
  };
}
export type ReviewCustomerMerge = ReturnType<typeof createReviewCustomerMerge>;
