import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';

/** A cart someone touched lately: its owner's shopper id (null for a guest) and its selected lines. */
export type OpenCart = { owner: string; shopperId: string | null; lines: { skuId: string; quantity: number }[] };

type Row = { owner: string; sku_id: string; quantity: number };

/**
 * Streams the carts changed since `since` (any of their lines), `batch` owners a page by keyset on
 * the owner, one statement per page; each cart with its selected lines in the order they were added
 * (what checkout would take). The promotion dry-run replays them like orders.
 */
export async function* openCartScan(db: Db, since: Date, batch = 2000): AsyncGenerator<OpenCart[]> {
  let after = '';
  for (;;) {
    const rows = await db.rows<Row>(sql`
      with page as materialized (
        select owner from cart_lines where owner > ${after}
        group by owner having max(updated_at) >= ${since} and bool_or(selected)
        order by owner limit ${batch})
      select l.owner, l.sku_id, l.quantity from page p join cart_lines l on l.owner = p.owner and l.selected
      order by l.owner, l.created_at, l.id`);
    if (!rows.length) return;
    const out: OpenCart[] = [];
    for (const r of rows) {
      let cur = out[out.length - 1];
      if (!cur || cur.owner !== r.owner) {
        cur = { owner: r.owner, shopperId: r.owner.startsWith('s:') ? r.owner.slice(2) : null, lines: [] };
        out.push(cur);
      }
      cur.lines.push({ skuId: r.sku_id, quantity: Number(r.quantity) });
    }
    yield out;
    after = out[out.length - 1]!.owner;
  }
}
