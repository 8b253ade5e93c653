import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';

/** One paid order as the audience module keeps it (issue 7 §2: own and imported orders alike). */
export type OrderFact = {
  /** 'koi' for Koi's own orders, the platform for imported ones ('taobao', 'jd' …). */
  source: string;
  /** The order's id (Koi) or the platform's order number (imports). */
  orderRef: string;
  customerId: string;
  paidAt: Date;
  totalFen: number;
  /** Refunded so far; left out = keep what is known (0 for a new order). */
  refundedFen?: number;
  /** Category ids of the order's items; left out = keep what is known (none for a new order). */
  categoryIds?: string[];
};

const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

/**
 * Recomputes the order aggregates of `customerIds` from `audience_orders`, in one statement (a
 * customer with no order left gets zeros). An order refunded in full is not a paid order any more;
 * spend counts what the customer kept (total − refunded). Creates the customer's row when missing.
 */
export async function recomputeOrderAggregates(q: Q, customerIds: readonly string[]): Promise<void> {
  if (!customerIds.length) return;
  const ids = [...new Set(customerIds)];
  await q.execute(sql`
    insert into audience_customers (customer_id, paid_orders, spend_fen, first_order_at, last_order_at, updated_at)
    select c.id, coalesce(a.n, 0), coalesce(a.fen, 0), a.first_at, a.last_at, ${clock.now()}
    from unnest(${uuids(ids)}) as c(id)
    left join (
      select customer_id, count(*)::int as n, sum(greatest(total_fen - refunded_fen, 0))::bigint as fen,
        min(paid_at) as first_at, max(paid_at) as last_at
      from audience_orders
      where customer_id = any(${uuids(ids)}) and (refunded_fen = 0 or refunded_fen < total_fen)
      group by customer_id
    ) a on a.customer_id = c.id
    on conflict (customer_id) do update set paid_orders = excluded.paid_orders, spend_fen = excluded.spend_fen,
      first_order_at = excluded.first_order_at, last_order_at = excluded.last_order_at, updated_at = excluded.updated_at`);
}

function checkFact(f: OrderFact): void {
  const fen = (n: number | undefined) => n === undefined || (Number.isSafeInteger(n) && n >= 0);
  if (!f.source || !f.orderRef || !f.customerId || Number.isNaN(f.paidAt.getTime()) || !fen(f.totalFen) || !fen(f.refundedFen)) {
    throw new RangeError(`audience: bad order fact ${f.source}/${f.orderRef}`);
  }
}

/**
 * Records paid orders, set-based: one statement reading the old rows and upserting the batch, one aggregate refresh for the customers
 * it touched (including a customer an order moved away from). Idempotent per (source, orderRef): a
 * repeat updates the row, so a re-run import or a redelivered event changes nothing twice. Within a
 * batch the last fact of a key wins.
 */
export async function recordOrderFacts(db: Db, facts: readonly OrderFact[], q?: Q): Promise<void> {
  if (!facts.length) return;
  const byKey = new Map<string, OrderFact>();
  for (const f of facts) {
    checkFact(f);
    byKey.set(`${f.source}\u0000${f.orderRef}`, f);
  }
  const rows = [...byKey.values()].map((f) => ({
    source: f.source, order_ref: f.orderRef, customer_id: f.customerId, paid_at: f.paidAt.toISOString(), total_fen: f.totalFen,
    refunded_fen: f.refundedFen ?? null, category_ids: f.categoryIds ? [...new Set(f.categoryIds)] : null,
  }));
  const json = JSON.stringify(rows);
  const write = async (tx: Q) => {
    // One statement: the rows as they were (`old`, the statement's snapshot), the upsert, and the
    // customers an order moved away from (their aggregates drop it). A fact without refunded fen or
    // categories keeps what the row already had.
    const moved = await db.rows<{ customer_id: string }>(sql`
      with x as (
        select * from jsonb_to_recordset(${json}::jsonb) as x(source text, order_ref text, customer_id uuid, paid_at timestamptz,
          total_fen bigint, refunded_fen bigint, category_ids text[])
      ), old as (
        select o.source, o.order_ref, o.customer_id, o.refunded_fen, o.category_ids
        from audience_orders o join x on o.source = x.source and o.order_ref = x.order_ref
      ), up as (
        insert into audience_orders (source, order_ref, customer_id, paid_at, total_fen, refunded_fen, category_ids, updated_at)
        select x.source, x.order_ref, x.customer_id, x.paid_at, x.total_fen, coalesce(x.refunded_fen, old.refunded_fen, 0),
          coalesce(x.category_ids, old.category_ids, '{}'::text[]), ${clock.now()}
        from x left join old on old.source = x.source and old.order_ref = x.order_ref
        on conflict (source, order_ref) do update set customer_id = excluded.customer_id, paid_at = excluded.paid_at,
          total_fen = excluded.total_fen, refunded_fen = excluded.refunded_fen, category_ids = excluded.category_ids,
          updated_at = excluded.updated_at
      )
      select distinct old.customer_id from old join x on old.source = x.source and old.order_ref = x.order_ref
      where old.customer_id <> x.customer_id`, tx);
    await recomputeOrderAggregates(tx, [...rows.map((r) => r.customer_id), ...moved.map((m) => m.customer_id)]);
  };
  await (q ? write(q) : db.tx(write));
}
