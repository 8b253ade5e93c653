import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { TAdminAfterSaleQuery, TAfterSale, TAfterSaleStatus, TAfterSaleSummary, TOrderAfterSales } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { adminActions, OPEN_STATUSES, shopperActions } from './aftersale-state.rules.ts';
import { allowedKinds } from './aftersale-state.rules.ts';
import { afterSaleLines, afterSales } from './aftersale.tables.ts';
import { linesOf, loadAfterSale, stepsOf, type AfterSaleContext, type AfterSaleLineRow, type AfterSaleRow } from './context.ts';
import { slotsOf } from './slots.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const TABS: Record<TAdminAfterSaleQuery['tab'], readonly TAfterSaleStatus[] | null> = {
  pending: ['requested'],
  awaiting_return: ['awaiting_return'],
  to_receive: ['returned'],
  refunding: ['approved', 'received', 'refunding', 'refund_failed', 'reshipped'],
  done: ['refunded', 'rejected', 'withdrawn', 'closed'],
  all: null,
};

function lineView(l: AfterSaleLineRow) {
  return { lineId: l.lineId, skuId: l.skuId, title: l.title, specValues: l.specValues, image: l.image, quantity: l.quantity, amountFen: l.amountFen };
}

export function summaryView(r: AfterSaleRow, lines: AfterSaleLineRow[], now: Date): TAfterSaleSummary {
  return {
    id: r.id, afterSaleNo: r.afterSaleNo, orderId: r.orderId, orderNo: r.orderNo, kind: r.kind, status: r.status, reason: r.reason,
    lines: lines.map(lineView), amountFen: r.amountFen, refundedFen: r.refundedFen,
    merchantDeadline: r.status === 'requested' ? iso(r.merchantDeadline) : null,
    overdue: r.status === 'requested' && !!r.merchantDeadline && r.merchantDeadline <= now,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export function createViews(ctx: AfterSaleContext) {
  const { db } = ctx;

  async function withLines(rows: AfterSaleRow[]): Promise<TAfterSaleSummary[]> {
    if (!rows.length) return [];
    const lines = await db.run((q) => q.select().from(afterSaleLines).where(inArray(afterSaleLines.afterSaleId, rows.map((r) => r.id))));
    const now = clock.now();
    return rows.map((r) => summaryView(r, lines.filter((l) => l.afterSaleId === r.id), now));
  }

  async function page(where: SQL | undefined, page: number, pageSize: number) {
    const rows = await db.run((q) => q.select().from(afterSales).where(where).orderBy(desc(afterSales.createdAt), desc(afterSales.id)).limit(pageSize).offset((page - 1) * pageSize));
    const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from aftersales ${where ? sql`where ${where}` : sql``}`);
    return { items: await withLines(rows), total: Number(n), hasMore: page * pageSize < Number(n) };
  }

  return {
    async detail(id: string, customerId?: string): Promise<TAfterSale> {
      return db.run(async (q) => {
        const r = await loadAfterSale(q, id, customerId);
        const [lines, steps] = [await linesOf(q, id), await stepsOf(q, id)];
        return {
          ...summaryView(r, lines, clock.now()),
          description: r.description, photos: r.photos, shippingFen: r.shippingFen, rejectReason: r.rejectReason,
          returnAddress: r.returnAddress, returnCourier: r.returnCourier, returnTrackingNo: r.returnTrackingNo,
          reshipCourier: r.reshipCourier, reshipTrackingNo: r.reshipTrackingNo, restocked: r.restocked,
          steps: steps.map((s) => ({ status: s.status, at: s.at.toISOString(), actor: s.actor, note: s.note })),
          actions: shopperActions(r), adminActions: adminActions(r),
        };
      });
    },

    mine: (customerId: string, p: number, size: number) => page(eq(afterSales.customerId, customerId), p, size),

    admin(f: TAdminAfterSaleQuery) {
      const statuses = TABS[f.tab];
      const text = f.q ? or(ilike(afterSales.afterSaleNo, `%${f.q}%`), ilike(afterSales.orderNo, `%${f.q}%`)) : undefined;
      return page(and(statuses ? inArray(afterSales.status, [...statuses]) : undefined, text), f.page, f.pageSize);
    },

    async tabCounts(): Promise<Record<TAdminAfterSaleQuery['tab'], number>> {
      const rows = await db.rows<{ status: TAfterSaleStatus; n: number }>(sql`select status, count(*)::int as n from aftersales group by status`);
      const out = {} as Record<TAdminAfterSaleQuery['tab'], number>;
      for (const [tab, statuses] of Object.entries(TABS) as [TAdminAfterSaleQuery['tab'], readonly TAfterSaleStatus[] | null][]) {
        out[tab] = rows.filter((r) => !statuses || statuses.includes(r.status)).reduce((n, r) => n + Number(r.n), 0);
      }
      return out;
    },

    /** An order as after-sales sees it: what each line has left, what came back, its requests. */
    async ofOrder(orderId: string, customerId: string | null): Promise<TOrderAfterSales> {
      const { order, lines } = await ctx.orders.queries.one(orderId, customerId);
      const settings = await ctx.settings.get();
      const { kinds, windowEndsAt } = allowedKinds({ status: order.status, completedAt: order.completedAt }, clock.now(), settings.requestWindowDays);
      const slots = await db.run((q) => slotsOf(q, orderId));
      const rows = await db.run((q) => q.select().from(afterSales).where(eq(afterSales.orderId, orderId)).orderBy(desc(afterSales.createdAt)));
      const out = lines.map((l) => {
        const s = slots.lines.get(l.id);
        const refundedQuantity = s?.refundedQty ?? 0;
        const openQuantity = (s?.heldQty ?? 0) - refundedQuantity;
        return {
          lineId: l.id, title: l.title, specValues: l.specValues, image: l.image, quantity: l.quantity, payableFen: l.payableFen,
          refundedQuantity, refundedFen: s?.refundedFen ?? 0, openQuantity, availableQuantity: l.quantity - (s?.heldQty ?? 0),
        };
      });
      return {
        orderId, kinds, windowEndsAt: iso(windowEndsAt), lines: out,
        refundedFen: rows.reduce((n, r) => n + r.refundedFen, 0),
        afterSales: await withLines(rows),
      };
    },

    /** How many after-sales are still open (the admin menu badge). */
    async openCount(): Promise<number> {
      const [r] = await db.rows<{ n: number }>(sql`select count(*)::int as n from aftersales where status = any(${sql.param([...OPEN_STATUSES])}::text[])`);
      return Number(r?.n ?? 0);
    },
  };
}
export type AfterSaleViews = ReturnType<typeof createViews>;
