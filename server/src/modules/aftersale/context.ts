import { and, asc, eq } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { KoiError } from '../../platform/errors.ts';
import type { OrderService } from '../order/index.ts';
import type { PaymentService } from '../payment/index.ts';
import type { InventoryService } from '../inventory/index.ts';
import type { PromotionService } from '../promotion/index.ts';
import type { AfterSaleSettingsStore } from './settings.ts';
import { afterSaleLines, afterSales, afterSaleSteps } from './aftersale.tables.ts';

/** What after-sales uses of other modules, only through their services. */
export type AfterSaleContext = {
  db: Db;
  log: Logger;
  orders: Pick<OrderService, 'queries' | 'lifecycle'>;
  payment: Pick<PaymentService, 'refund'>;
  inventory: Pick<InventoryService, 'restock'>;
  promotion: Pick<PromotionService, 'restoreUsed'>;
  settings: AfterSaleSettingsStore;
  /** Gives the stored-value part of a refund back to the balance (loyalty); idempotent by `refundKey`. */
  wallet: { refundToBalance(q: Q, input: { ref: string; refundKey: string; amountFen: number }): Promise<unknown> };
};

export type OrderData = Awaited<ReturnType<OrderService['queries']['one']>>;
export type AfterSaleRow = typeof afterSales.$inferSelect;
export type AfterSaleLineRow = typeof afterSaleLines.$inferSelect;
export type AfterSaleStepRow = typeof afterSaleSteps.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One after-sale (of that shopper when `customerId` is given: another's is "not found"). */
export async function loadAfterSale(q: Q, id: string, customerId?: string): Promise<AfterSaleRow> {
  if (!UUID.test(id)) throw new KoiError('resource.not_found', { what: 'aftersale' });
  const [row] = await q.select().from(afterSales).where(and(eq(afterSales.id, id), customerId ? eq(afterSales.customerId, customerId) : undefined));
  if (!row) throw new KoiError('resource.not_found', { what: 'aftersale' });
  return row;
}

export async function linesOf(q: Q, afterSaleId: string): Promise<AfterSaleLineRow[]> {
  return q.select().from(afterSaleLines).where(eq(afterSaleLines.afterSaleId, afterSaleId));
}

export async function stepsOf(q: Q, afterSaleId: string): Promise<AfterSaleStepRow[]> {
  return q.select().from(afterSaleSteps).where(eq(afterSaleSteps.afterSaleId, afterSaleId)).orderBy(asc(afterSaleSteps.at), asc(afterSaleSteps.id));
}
