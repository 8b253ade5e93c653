import { and, asc, desc, eq, gte, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TAdminOrderQuery, TDeliveryMethod, TOrderStatus } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import { uuidArray } from '../inventory/index.ts';
import { orderLines, orderPriceAdjustments, orderPurchaseCounts, orders } from './order.tables.ts';
import type { OrderLineRow, OrderRow } from './order-views.ts';
import { soldOrderScan } from './sold-scan.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export type AdminFilter = { status: string; q?: string; createdFrom?: string; createdTo?: string; deliveryMethod?: TDeliveryMethod };

/** Reads of orders; lines of many orders come in one statement. */
export function createOrderQueries(db: Db) {
  async function linesFor(ids: string[], q?: Q): Promise<Map<string, OrderLineRow[]>> {
    const out = new Map<string, OrderLineRow[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const rows = await db.run((x) => x.select().from(orderLines).where(sql`${orderLines.orderId} = any(${uuidArray(ids)})`).orderBy(asc(orderLines.orderId), asc(orderLines.position)), q);
    for (const r of rows) out.get(r.orderId)!.push(r);
    return out;
  }

  async function one(id: string, customerId: string | null, q?: Q): Promise<{ order: OrderRow; lines: OrderLineRow[] }> {
    if (!UUID.test(id)) throw new KoiError('resource.not_found', { what: 'order' });
    const [order] = await db.run((x) => x.select().from(orders).where(and(eq(orders.id, id), customerId ? eq(orders.customerId, customerId) : undefined)), q);
    if (!order) throw new KoiError('resource.not_found', { what: 'order' });
    return { order, lines: (await linesFor([id], q)).get(id)! };
  }

  function adminWhere(f: AdminFilter): SQL | undefined {
    const conds: (SQL | undefined)[] = [];
    if (f.status !== 'all') conds.push(eq(orders.status, f.status as TOrderStatus));
    if (f.deliveryMethod) conds.push(eq(orders.deliveryMethod, f.deliveryMethod));
    if (f.createdFrom) conds.push(gte(orders.createdAt, new Date(f.createdFrom)));
    if (f.createdTo) conds.push(lte(orders.createdAt, new Date(f.createdTo)));
    const term = f.q?.replace(/\s+/g, '');
    if (term) {
      if (/^\d{4}$/.test(term)) conds.push(or(like(orders.buyerMobile, `%${term}`), like(orders.orderNo, `${term}%`)));
      else if (/^1\d{10}$/.test(term)) conds.push(or(eq(orders.buyerMobile, term), like(orders.orderNo, `${term}%`)));
      else conds.push(like(orders.orderNo, `${term.replace(/[%_\\]/g, '')}%`));
    }
    return and(...conds);
  }

  return {
    linesFor,
    one,

    async listForCustomer(customerId: string, status: string, page: number, pageSize: number) {
      const where = and(eq(orders.customerId, customerId), status === 'all' ? undefined : eq(orders.status, status as TOrderStatus));
      const rows = await db.run((x) => x.select({ o: orders, total: sql<number>`count(*) over ()` }).from(orders).where(where)
        .orderBy(desc(orders.createdAt), desc(orders.id)).limit(pageSize).offset((page - 1) * pageSize));
      const lines = await linesFor(rows.map((r) => r.o.id));
      return { rows: rows.map((r) => ({ order: r.o, lines: lines.get(r.o.id)! })), total: Number(rows[0]?.total ?? 0) };
    },

    async counts(customerId: string) {
      const rows = await db.rows<{ status: string; n: number | string }>(sql`select status, count(*) as n from orders
        where customer_id = ${customerId} and status in ('pending_payment', 'paid', 'shipped') group by status`);
      const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
      return { pending_payment: n('pending_payment'), paid: n('paid'), shipped: n('shipped') };
    },

    async adminList(f: AdminFilter, page: number, pageSize: number) {
      const rows = await db.rows<{ id: string; total: number | string; item_count: number | string; first_title: string }>(sql`
        select orders.id, count(*) over () as total,
          (select coalesce(sum(quantity), 0) from order_lines l where l.order_id = orders.id) as item_count,
          (select title from order_lines l where l.order_id = orders.id order by position limit 1) as first_title
        from orders where ${adminWhere(f) ?? sql`true`}
        order by orders.created_at desc, orders.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
      const ids = rows.map((r) => r.id);
      const full = ids.length ? await db.run((x) => x.select().from(orders).where(sql`${orders.id} = any(${uuidArray(ids)})`)) : [];
      const byId = new Map(full.map((o) => [o.id, o]));
      return {
        rows: rows.map((r) => ({ order: byId.get(r.id)!, itemCount: Number(r.item_count), firstTitle: r.first_title ?? '' })),
        total: Number(rows[0]?.total ?? 0),
      };
    },

    /** Streams the filtered orders in pages by keyset (memory stays flat however many). */
    async *adminScan(f: AdminFilter, batch = 500): AsyncGenerator<{ order: OrderRow; lines: OrderLineRow[] }[]> {
      let after: { at: Date; id: string } | null = null;
      for (;;) {
        const cursor: SQL | undefined = after ? sql`(${orders.createdAt}, ${orders.id}) < (${after.at}, ${after.id})` : undefined;
        const page: OrderRow[] = await db.run((x) => x.select().from(orders).where(and(adminWhere(f), cursor)).orderBy(desc(orders.createdAt), desc(orders.id)).limit(batch));
        if (!page.length) return;
        const lines = await linesFor(page.map((o) => o.id));
        yield page.map((order) => ({ order, lines: lines.get(order.id)! }));
        const last = page[page.length - 1]!;
        after = { at: last.createdAt, id: last.id };
      }
    },

    /** Sold orders of a window with their lines, lean, by keyset pages (the promotion dry-run). */
    soldScan: (window: { from: Date; to: Date }, batch?: number) => soldOrderScan(db, window, batch),

    adjustments: (orderId: string, q?: Q) =>
      db.run((x) => x.select().from(orderPriceAdjustments).where(eq(orderPriceAdjustments.orderId, orderId)).orderBy(asc(orderPriceAdjustments.at)), q),

    /** Whether the shopper has an order that was not closed unpaid (the pricing fact "not a first order"). */
    async hasOrdered(customerId: string, q?: Q): Promise<boolean> {
      const [row] = await db.run((x) => x.select({ id: orders.id }).from(orders)
        .where(and(eq(orders.customerId, customerId), or(sql`${orders.status} <> 'closed'`, sql`${orders.paidAt} is not null`))).limit(1), q);
      return !!row;
    },

    /** Units of each product the shopper holds in orders not closed (the purchase-limit counter). */
    async purchased(customerId: string, productIds: string[], q?: Q): Promise<Map<string, number>> {
      if (!productIds.length) return new Map();
      const rows = await db.run((x) => x.select().from(orderPurchaseCounts)
        .where(and(eq(orderPurchaseCounts.customerId, customerId), sql`${orderPurchaseCounts.productId} = any(${uuidArray(productIds)})`)), q);
      return new Map(rows.map((r) => [r.productId, r.quantity]));
    },
  };
}
export type OrderQueries = ReturnType<typeof createOrderQueries>;
