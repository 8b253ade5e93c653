import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { orderLines, orders } from './order.tables.ts';

/** A customer's orders with their lines, oldest first, for their own data download. */
export async function orderCustomerData(db: Db, customerId: string) {
  const list = await db.run((q) => q.select().from(orders).where(eq(orders.customerId, customerId)).orderBy(asc(orders.createdAt)));
  const lines = list.length ? await db.run((q) => q.select().from(orderLines).where(inArray(orderLines.orderId, list.map((o) => o.id)))) : [];
  return list.map((o) => ({ ...o, lines: lines.filter((l) => l.orderId === o.id) }));
}
