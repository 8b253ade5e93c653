import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';

/**
 * After-sales' side of a customer merge (issue 7 §1): the count for the merge preview and the
 * follower of `customer.merged` — the merged-away customer's after-sale requests move to the kept
 * customer, as their orders do (order/customer-merge.ts), so "my after-sales" and the order they
 * belong to keep one owner. Their steps, lines and slots hang off the request and need no change.
 * Idempotent: a repeat finds nothing left to move.
 */
export function createAfterSaleCustomerMerge(db: Db) {
  return {
    async countOf(customerId: string, q?: Q): Promise<number> {
      const [r] = await db.rows<{ n: number }>(sql`select count(*)::int as n from aftersales where customer_id = ${customerId}`, q);
      return r!.n;
    },
    async moveCustomer(q: Q, fromId: string, intoId: string): Promise<void> {
      await db.rows(sql`update aftersales set customer_id = ${intoId}, updated_at = ${clock.now()} where customer_id = ${fromId}`, q);
    },
  };
}
export type AfterSaleCustomerMerge = ReturnType<typeof createAfterSaleCustomerMerge>;
