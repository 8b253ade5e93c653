import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';

/**
 * Display names of customers by id (segments' samples and exports): the profile's name, else the
 * masked phone, so staff recognise a person without the full number. Unknown ids are left out.
 */
export async function namesOf(db: Db, ids: readonly string[], q?: Q): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.rows<{ id: string; label: string | null }>(sql`
    select p.id, coalesce(nullif(p.name, ''),
      (select overlay(i.value placing '****' from 4 for 4) from customer_identities i where i.customer_id = p.id and i.kind = 'phone' order by i.created_at limit 1),
      (select i.value from customer_identities i where i.customer_id = p.id and i.kind = 'phone_masked' order by i.created_at limit 1)) as label
    from customer_profiles p where p.id in ${sql`(${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`}`, q);
  return new Map(rows.filter((r) => r.label).map((r) => [r.id, r.label!]));
}
