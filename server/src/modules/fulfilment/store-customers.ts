import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';

/**
 * A store's customers as fulfilment knows them (issue 7, 导购 store scope): everyone with a paid
 * order picked up at the store (到店自提) or delivered from it (同城配送) — these rows are made when
 * the order is paid, and stay when it is later cancelled (the person still bought there). Read by the
 * customer module through links/customer-merge.ts; it maps merged-away ids to the kept customer.
 */
export function createStoreCustomers(db: Db) {
  return {
    /** Customer ids of the store, or of `among` only when given (the Customer 360's check). */
    async of(storeId: string, among?: readonly string[], q?: Q): Promise<string[]> {
      const only = among ? sql`and customer_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(among)}::jsonb))` : sql``;
      const rows = await db.rows<{ c: string }>(sql`select customer_id as c from pickup_orders where store_id = ${storeId} ${only}
        union select customer_id as c from local_deliveries where store_id = ${storeId} ${only}`, q);
      return rows.map((r) => r.c);
    },
  };
}
export type StoreCustomers = ReturnType<typeof createStoreCustomers>;
