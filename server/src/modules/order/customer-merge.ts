import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { moveFirstOrderClaim } from './first-order-claim.ts';

/**
 * Orders' side of the customer data platform: a customer's order summary for the Customer 360 and
 * the follower of `customer.merged` (the merged-away customer's orders and purchase-limit counts move
 * to the customer it was merged into). Idempotent: a repeat finds nothing left to move.
 */
export function createOrderCustomerFacts(db: Db) {
  return {
    async summaryOf(customerId: string, q?: Q) {
      const [agg] = await db.rows<{ count: number; paid_count: number; paid_fen: string | number }>(sql`select count(*)::int as count,
          (count(*) filter (where paid_at is not null))::int as paid_count, coalesce(sum(paid_fen) filter (where paid_at is not null), 0) as paid_fen
        from orders where customer_id = ${customerId}`, q);
      const recent = await db.rows<{ id: string; order_no: string; status: string; payable_fen: string | number; created_at: Date | string }>(sql`
        select id, order_no, status, payable_fen, created_at from orders where customer_id = ${customerId} order by created_at desc limit 5`, q);
      return {
        count: agg!.count, paidCount: agg!.paid_count, paidFen: Number(agg!.paid_fen),
        recent: recent.map((r) => ({ id: r.id, orderNo: r.order_no, status: r.status, payableFen: Number(r.payable_fen), createdAt: new Date(r.created_at).toISOString() })),
      };
    },
    /** How many orders a merge would move. */
    async countOf(customerId: string, q?: Q): Promise<number> {
      const [r] = await db.rows<{ n: number }>(sql`select count(*)::int as n from orders where customer_id = ${customerId}`, q);
      return r!.n;
    },
    async moveCustomer(q: Q, fromId: string, intoId: string): Promise<void> {
      await db.rows(sql`update orders set customer_id = ${intoId} where customer_id = ${fromId}`, q);
      await db.rows(sql`insert into order_purchase_counts (customer_id, product_id, quantity)
        select ${intoId}, product_id, quantity from order_purchase_counts where customer_id = ${fromId}
        on conflict (customer_id, product_id) do update set quantity = order_purchase_counts.quantity + excluded.quantity`, q);
      await db.rows(sql`delete from order_purchase_counts where customer_id = ${fromId}`, q);
      await moveFirstOrderClaim(q, fromId, intoId);
    },
  };
}
export type OrderCustomerFacts = ReturnType<typeof createOrderCustomerFacts>;
