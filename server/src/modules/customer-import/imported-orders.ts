import { Readable } from 'node:stream';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { TCustomerErasedEvent, TCustomerMergedEvent, TImportedOrderList, TImportPlatform } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import { customerImportedOrders, customerImportRejects } from './customer-import.tables.ts';
import { maskPhone } from './import-row.rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A customer's imported orders (Customer 360), and what follows the customer module's events. */
export function createImportedOrders(db: Db) {
  return {
    async ofCustomer(customerId: string, page: number, pageSize: number): Promise<TImportedOrderList> {
      if (!UUID.test(customerId)) throw new KoiError('resource.not_found', { what: 'customer' });
      const where = eq(customerImportedOrders.customerId, customerId);
      const rows = await db.run((q) => q.select().from(customerImportedOrders).where(where)
        .orderBy(sql`${customerImportedOrders.placedAt} desc nulls last`, desc(customerImportedOrders.id)).limit(pageSize).offset((page - 1) * pageSize));
      const [agg] = await db.rows<{ n: number; paid: string | null }>(sql`select count(*)::int as n,
        sum(amount_fen) filter (where status in ('paid', 'completed'))::text as paid
        from customer_imported_orders where customer_id = ${customerId}`);
      return {
        total: Number(agg?.n ?? 0),
        paidTotalFen: Number(agg?.paid ?? 0),
        items: rows.map((r) => ({
          id: r.id, source: r.source as TImportPlatform, platformOrderNo: r.platformOrderNo, status: r.status, amountFen: r.amountFen,
          placedAt: r.placedAt?.toISOString() ?? null, paidAt: r.paidAt?.toISOString() ?? null, itemSummary: r.itemSummary,
          itemQuantity: r.itemQuantity, receiverName: r.receiverName, phoneMasked: r.phone ? maskPhone(r.phone) : null,
          importId: r.importId, importedAt: r.importedAt.toISOString(),
        })),
      };
    },

    /** `customer.merged`: the orders of `fromId` belong to `intoId` now. */
    async onMerged(e: TCustomerMergedEvent, q: Q): Promise<void> {
      await q.update(customerImportedOrders).set({ customerId: e.intoId }).where(eq(customerImportedOrders.customerId, e.fromId));
    },

    /** `customer.erased` (PIPL): personal fields go; order numbers, amounts, times and items stay. */
    async onErased(e: TCustomerErasedEvent, q: Q): Promise<void> {
      await q.update(customerImportedOrders).set({ buyerId: null, receiverName: null, phone: null, address: null })
        .where(eq(customerImportedOrders.customerId, e.customerId));
    },
  };
}
export type ImportedOrders = ReturnType<typeof createImportedOrders>;

const csvCell = (s: string) => (/[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);

/**
 * The rejected rows as CSV (UTF-8 with BOM so Excel opens it in Chinese): row number, reason, then
 * the original cells under the original headers. Read from the database page by page and streamed,
 * so a report of 100,000 rows never sits in memory. Cells that would start a formula are quoted as text.
 */
export function rejectedReport(db: Db, importId: string, headers: string[]): Readable {
  let after = 0;
  let started = false;
  return new Readable({
    async read() {
      try {
        if (!started) {
          started = true;
          this.push(`\uFEFF${['行号', '原因', ...headers].map(csvCell).join(',')}\r\n`);
          return;
        }
        const rows = await db.run((q) => q.select().from(customerImportRejects)
          .where(and(eq(customerImportRejects.importId, importId), gt(customerImportRejects.rowNo, after)))
          .orderBy(asc(customerImportRejects.rowNo)).limit(1000));
        if (!rows.length) {
          this.push(null);
          return;
        }
        after = rows.at(-1)!.rowNo;
        this.push(rows.map((r) => [String(r.rowNo), r.reason, ...r.cells].map(csvCell).join(',')).join('\r\n') + '\r\n');
      } catch (err) {
        this.destroy(err as Error);
      }
    },
  });
}
