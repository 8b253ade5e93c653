import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';

/** An order that was paid for, with only what re-pricing it needs (the promotion dry-run). */
export type SoldOrderScan = {
  id: string; orderNo: string; customerId: string; createdAt: Date; shippingFen: number;
  lines: { skuId: string; productId: string; quantity: number; unitPriceFen: number; listPriceFen: number | null }[];
};

type Row = { id: string; order_no: string; customer_id: string; created_at: Date | string; shipping_fen: number; status: string; lines: string | null };

/** Paid for: what the merchant actually sold. */
export const SOLD_STATUSES = ['paid', 'shipped', 'completed'] as const;

/**
 * Streams the orders created in [from, to] that were sold, newest first, by keyset pages of `batch`
 * orders — one statement per page that returns each order's lines beside it, only the columns a
 * re-pricing needs. The page is cut over all statuses (the created_at index's order, so each page
 * is a short backward index scan) and the lines of sold orders are read by their order index
 * (never a scan of all lines); the cursor is
 * the last order's own row (exact to the microsecond, whatever the driver's Date keeps).
 */
export async function* soldOrderScan(db: Db, window: { from: Date; to: Date }, batch = 2000): AsyncGenerator<SoldOrderScan[]> {
  let after: string | null = null;
  const sold = sql`${sql.param([...SOLD_STATUSES])}::text[]`;
  for (;;) {
    const cursor = after ? sql`and (o.created_at, o.id) < (select c.created_at, c.id from orders c where c.id = ${after})` : sql``;
    // Each order's lines come folded into one text of five fields per line (skuId productId quantity
    // unit list|-): one row per order instead of one per line, which the driver parses far faster.
    const rows: Row[] = await db.rows<Row>(sql`
      with page as materialized (
        select o.id, o.order_no, o.customer_id, o.created_at, o.shipping_fen, o.status from orders o
        where o.created_at >= ${window.from} and o.created_at <= ${window.to} ${cursor}
        order by o.created_at desc, o.id desc limit ${batch})
      select p.id, p.order_no, p.customer_id, p.created_at, p.shipping_fen::float8 as shipping_fen, p.status,
        (select string_agg(concat_ws(' ', l.sku_id, l.product_id, l.quantity, l.unit_price_fen, coalesce(l.list_price_fen::text, '-')), ' ' order by l.position)
         from order_lines l where l.order_id = p.id and p.status = any(${sold})) as lines
      from page p
      order by p.created_at desc, p.id desc`);
    if (!rows.length) return;
    const out: SoldOrderScan[] = [];
    for (const r of rows) {
      if (!(SOLD_STATUSES as readonly string[]).includes(r.status)) continue;
      const lines: SoldOrderScan['lines'] = [];
      const f = r.lines ? r.lines.split(' ') : [];
      for (let i = 0; i + 4 < f.length; i += 5) {
        lines.push({ skuId: f[i]!, productId: f[i + 1]!, quantity: Number(f[i + 2]), unitPriceFen: Number(f[i + 3]), listPriceFen: f[i + 4] === '-' ? null : Number(f[i + 4]) });
      }
      out.push({ id: r.id, orderNo: r.order_no, customerId: r.customer_id, createdAt: new Date(r.created_at), shippingFen: Number(r.shipping_fen), lines });
    }
    const lastId = rows[rows.length - 1]!.id;
    yield out;
    after = lastId;
  }
}
