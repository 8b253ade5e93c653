import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';

/**
 * Coupons' side of the customer data platform: counts for the Customer 360 and the merge preview,
 * and the follower of `customer.merged` (the merged-away customer's coupons and per-template claim
 * counts move to the customer it was merged into). Idempotent: a repeat finds nothing left to move.
 */
export function createCouponCustomerFacts(db: Db) {
  return {
    async countsOf(customerId: string, q?: Q): Promise<{ available: number; total: number }> {
      const [r] = await db.rows<{ available: number; total: number }>(sql`select
          (count(*) filter (where status = 'available' and valid_until > ${clock.now()}))::int as available, count(*)::int as total
        from promotion_coupons where customer_id = ${customerId}`, q);
      return { available: r!.available, total: r!.total };
    },
    async moveCustomer(q: Q, fromId: string, intoId: string): Promise<void> {
      await db.rows(sql`update promotion_coupons set customer_id = ${intoId}, updated_at = ${clock.now()} where customer_id = ${fromId}`, q);
      await db.rows(sql`insert into promotion_coupon_claims (template_id, customer_id, count)
        select template_id, ${intoId}, count from promotion_coupon_claims where customer_id = ${fromId}
        on conflict (template_id, customer_id) do update set count = promotion_coupon_claims.count + excluded.count`, q);
      await db.rows(sql`delete from promotion_coupon_claims where customer_id = ${fromId}`, q);
    },
  };
}
export type CouponCustomerFacts = ReturnType<typeof createCouponCustomerFacts>;
