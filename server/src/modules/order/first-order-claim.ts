import { and, eq, sql } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import { orderFirstClaims } from './order.tables.ts';

/** The quote's note code of the first-order discount (the pricing kind's code). */
export const FIRST_ORDER_CODE = 'first_order';

/**
 * 首单优惠 under concurrency: the order that got the first-order discount claims the shopper's one
 * marker row in its own transaction. A second checkout priced at the same moment (both saw no order
 * yet) finds the row taken and is refused with 409 `checkout.first_order_taken`: the shopper confirms
 * again and is priced without it. Works alike on PGlite and PostgreSQL: the primary key decides.
 */
export async function claimFirstOrder(q: Q, customerId: string, orderId: string, now: Date): Promise<void> {
  const got = await q.insert(orderFirstClaims).values({ customerId, orderId, claimedAt: now })
    .onConflictDoNothing({ target: orderFirstClaims.customerId }).returning({ orderId: orderFirstClaims.orderId });
  if (!got.length) throw new KoiError('checkout.first_order_taken');
}

/** The order was closed unpaid: its claim (if it held one) is released. */
export async function releaseFirstOrder(q: Q, customerId: string, orderId: string): Promise<void> {
  await q.delete(orderFirstClaims).where(and(eq(orderFirstClaims.customerId, customerId), eq(orderFirstClaims.orderId, orderId)));
}

/** Customer merge: the merged-away customer's claim moves unless the survivor has one. */
export async function moveFirstOrderClaim(q: Q, fromId: string, intoId: string): Promise<void> {
  await q.execute(sql`insert into order_first_claims (customer_id, order_id, claimed_at)
    select ${intoId}, order_id, claimed_at from order_first_claims where customer_id = ${fromId} on conflict (customer_id) do nothing`);
  await q.execute(sql`delete from order_first_claims where customer_id = ${fromId}`);
}
