import { sql } from 'drizzle-orm';
import type { TImportMapping, TImportPlatform } from '@koi/contracts';
import type { Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { customerImportRejects } from './customer-import.tables.ts';
import { cellText, countsAsPaid, groupBuyers, identitiesOf, isStrong, parseRow, type ImportedRow } from './import-row.rules.ts';
import { regionCodeOf } from './region.rules.ts';
import type { ImportPorts, OrderFact, ResolveItem } from './ports.ts';
import type { SourceRow } from './export-reader.ts';

export type BatchCounts = { orders: number; paid: number; created: number; matched: number; rejected: number };

/** Rejected rows kept for the report, per import; beyond this only the count grows. */
export const MAX_REPORTED_REJECTS = 100_000;

/**
 * One batch of rows, in the caller's transaction: check every row, resolve the buyers (one call for
 * the batch, rows of one buyer grouped first), upsert the orders (one per source and order no, so a
 * re-import updates instead of duplicating), push paid facts to the audience, keep rejected rows.
 */
export async function importBatch(
  q: Q, ports: ImportPorts,
  imp: { id: string; platform: TImportPlatform; mapping: TImportMapping; rejectedSoFar: number },
  rows: SourceRow[],
): Promise<BatchCounts> {
  const counts: BatchCounts = { orders: 0, paid: 0, created: 0, matched: 0, rejected: 0 };
  const rejects: { rowNo: number; reason: string; cells: string[] }[] = [];
  const byOrder = new Map<string, ImportedRow>();
  for (const r of rows) {
    const parsed = parseRow(r.cells, imp.mapping);
    if (!parsed.ok) {
      rejects.push({ rowNo: r.number, reason: parsed.reasons.join('；'), cells: r.cells.map(cellText) });
      continue;
    }
    if (!identitiesOf(parsed.row, imp.platform).length) {
      // A buyer account means nothing without its platform (a "generic" file): only a phone names the buyer.
      rejects.push({ rowNo: r.number, reason: '缺少手机号：未选择来源平台时，买家账号无法识别客户', cells: r.cells.map(cellText) });
      continue;
    }
    const prev = byOrder.get(parsed.row.orderNo);
    // Exports "by product" (Douyin, JD) repeat an order once per item: one order, its items listed.
    if (prev) {
      if (parsed.row.itemTitle && !prev.itemTitle.includes(parsed.row.itemTitle)) prev.itemTitle = `${prev.itemTitle}；${parsed.row.itemTitle}`.slice(0, 500);
      if (prev.itemQuantity !== null && parsed.row.itemQuantity !== null) prev.itemQuantity += parsed.row.itemQuantity;
    } else byOrder.set(parsed.row.orderNo, parsed.row);
  }
  counts.rejected = rejects.length;
  const source = imp.platform;
  const orders = [...byOrder.values()];
  if (orders.length) {
    const existing = await q.execute(sql`select platform_order_no as no, customer_id as c from customer_imported_orders
      where source = ${source} and platform_order_no = any(${sql.param(orders.map((o) => o.orderNo))}::text[])`);
    const known = new Map((existing as unknown as { rows: { no: string; c: string }[] }).rows.map((r) => [r.no, r.c]));

    const claims = orders.map((o) => identitiesOf(o, imp.platform));
    const customerOf = new Array<string>(orders.length);
    const items: ResolveItem[] = [];
    const itemRows: number[][] = [];
    for (const group of groupBuyers(claims)) {
      // A buyer known only by a masked phone is never matched; on a re-import, the order already
      // says who it was, so the same person is not created twice.
      const strong = group.some((i) => claims[i]!.some(isStrong));
      const knownAs = group.length === 1 && !strong ? known.get(orders[group[0]!]!.orderNo) : undefined;
      if (knownAs) {
        customerOf[group[0]!] = knownAs;
        continue;
      }
      const latest = group.reduce((a, b) => (seen(orders[b]!) > seen(orders[a]!) ? b : a));
      const o = orders[latest]!;
      const ids = new Map(group.flatMap((i) => claims[i]!).map((c) => [`${c.kind}:${c.value}`, c]));
      items.push({
        identities: [...ids.values()],
        profile: {
          ...(o.name ? { name: o.name } : {}),
          regionCode: o.address ? regionCodeOf(o.address, ports.regionChildren) : null,
          sourceChannel: imp.platform === 'generic' ? 'manual' : imp.platform,
          seenAt: new Date(seen(o)),
        },
      });
      itemRows.push(group);
    }
    if (items.length) {
      // The profile events are marked: the closing pass recomputes these customers' tags once.
      const resolved = await ports.resolveCustomers(items, q, { deferTags: true });
      resolved.forEach((r, k) => {
        for (const i of itemRows[k]!) customerOf[i] = r.customerId;
        if (r.created) counts.created++;
        else counts.matched++;
      });
    }

    // One statement for the batch, columns as arrays (unnest): a thousand rows cost one round trip
    // and 14 parameters instead of 16,000. A repeat (re-import) updates the order in place.
    const now = clock.now().toISOString();
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    const col = <T>(f: (o: ImportedRow, i: number) => T) => sql.param(orders.map(f));
    await q.execute(sql`insert into customer_imported_orders (id, source, platform_order_no, customer_id, import_id, status, amount_fen,
        placed_at, paid_at, item_summary, item_quantity, buyer_id, receiver_name, phone, address, imported_at)
      select u.id, ${source}, u.no, u.customer_id, ${imp.id}::uuid, u.status, u.amount_fen, u.placed_at, u.paid_at, u.item_summary,
        u.item_quantity, u.buyer_id, u.receiver_name, u.phone, u.address, ${now}::timestamptz
      from unnest(${col(() => newId())}::uuid[], ${col((o) => o.orderNo)}::text[], ${col((_, i) => customerOf[i]!)}::uuid[],
        ${col((o) => o.status)}::text[], ${col((o) => o.amountFen)}::bigint[], ${col((o) => iso(o.placedAt))}::timestamptz[],
        ${col((o) => iso(o.paidAt))}::timestamptz[], ${col((o) => o.itemTitle)}::text[], ${col((o) => o.itemQuantity)}::int[],
        ${col((o) => o.buyerId)}::text[], ${col((o) => o.name)}::text[], ${col((o) => o.phone)}::text[], ${col((o) => o.address)}::text[])
        as u(id, no, customer_id, status, amount_fen, placed_at, paid_at, item_summary, item_quantity, buyer_id, receiver_name, phone, address)
      on conflict (source, platform_order_no) do update set customer_id = excluded.customer_id, import_id = excluded.import_id,
        status = excluded.status, amount_fen = excluded.amount_fen, placed_at = excluded.placed_at, paid_at = excluded.paid_at,
        item_summary = excluded.item_summary, item_quantity = excluded.item_quantity, buyer_id = excluded.buyer_id,
        receiver_name = excluded.receiver_name, phone = excluded.phone, address = excluded.address, imported_at = excluded.imported_at`);
    counts.orders = orders.length;

    const facts: OrderFact[] = [];
    orders.forEach((o, i) => {
      const paidAt = o.paidAt ?? o.placedAt;
      if (!paidAt) return;
      if (countsAsPaid(o.status)) facts.push({ source, orderRef: o.orderNo, customerId: customerOf[i]!, paidAt, totalFen: o.amountFen });
      // A refunded order was paid and given back: its fact is updated (a re-import after a refund), netting to zero.
      else if (o.status === 'refunded') facts.push({ source, orderRef: o.orderNo, customerId: customerOf[i]!, paidAt, totalFen: o.amountFen, refundedFen: o.amountFen });
    });
    counts.paid = facts.filter((f) => !f.refundedFen).length;
    // Tags are not recomputed per batch: the job recomputes its customers' tags once, after the last batch.
    if (facts.length) await ports.recordOrderFacts(facts, q, { recomputeTags: false });
  }
  const room = Math.max(0, MAX_REPORTED_REJECTS - imp.rejectedSoFar);
  if (rejects.length && room) {
    await q.insert(customerImportRejects).values(rejects.slice(0, room).map((r) => ({ importId: imp.id, ...r }))).onConflictDoNothing();
  }
  return counts;
}

const seen = (o: ImportedRow) => (o.paidAt ?? o.placedAt ?? new Date(0)).getTime();
