import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import type { StaffPrincipal } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import { idList } from './profile-facts.ts';

/** A store's customer ids (or those of `among`), as fulfilment records them (links/customer-merge.ts binds it). */
export type StoreCustomersPort = (storeId: string, among?: readonly string[]) => Promise<string[]>;

/**
 * Store scope of the customer pages (导购, 店长: staff bound to a store). Such staff see only the
 * store's customers: those with a paid order picked up at the store or delivered from it (Koi keeps
 * no guide ↔ customer book yet; when it does, its customers join here). A customer merged into
 * another counts for the kept one. Staff of every store (`storeId` null) see everyone. Another
 * store's customer is "not found" (404), as the house rule for not-yours records says. Until the
 * port is bound, store-bound staff see nobody (closed, not open).
 */
export function customerScope(db: Db) {
  let storeCustomers: StoreCustomersPort | null = null;
  return {
    bind(port: StoreCustomersPort): void { storeCustomers = port; },

    /** The list's extra condition on `customer_profiles p`, or null for staff of every store. */
    async listFilter(staff: StaffPrincipal): Promise<SQL | null> {
      if (staff.storeId === null) return null;
      const ids = storeCustomers ? await storeCustomers(staff.storeId) : [];
      if (!ids.length) return sql`false`;
      return sql`p.id in (select coalesce(c.merged_into, c.id) from customer_profiles c where c.id in ${idList(ids)})`;
    },

    /** 404 unless the staff member may see this customer. */
    async assertVisible(staff: StaffPrincipal, customerId: string): Promise<void> {
      if (staff.storeId === null) return;
      const merged = await db.rows<{ id: string }>(sql`select id from customer_profiles where merged_into = ${customerId}`);
      const found = storeCustomers ? await storeCustomers(staff.storeId, [customerId, ...merged.map((m) => m.id)]) : [];
      if (!found.length) throw new KoiError('resource.not_found', { what: 'customer' });
    },
  };
}
export type CustomerScope = ReturnType<typeof customerScope>;
