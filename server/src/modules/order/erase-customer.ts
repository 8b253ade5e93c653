import { eq, sql } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { orders } from './order.tables.ts';

/**
 * PIPL erasure of a customer's orders (called by the customer module's erasure job): the address
 * snapshot keeps its region (province/city/district, for reports) but the recipient becomes the
 * pseudonym and the mobile and street detail go; the buyer's mobile and remark go. Amounts, lines,
 * payments and statuses stay: financial records are kept under the same (now pseudonymous) id.
 */
export async function eraseOrderCustomer(q: Q, customerId: string, pseudonym: string): Promise<number> {
  const rows = await q.update(orders).set({
    buyerMobile: null,
    buyerRemark: '',
    address: sql`case when ${orders.address} is null then null
      else jsonb_set(jsonb_set(jsonb_set(${orders.address}, '{recipient}', to_jsonb(${pseudonym}::text)), '{mobile}', '""'::jsonb), '{detail}', '""'::jsonb) end`,
  }).where(eq(orders.customerId, customerId)).returning({ id: orders.id });
  return rows.length;
}
