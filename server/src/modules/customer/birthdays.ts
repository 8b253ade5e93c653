import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';

/**
 * Live customers (not merged, not erased) whose birthday falls on `monthDay` ('MM-DD'), in id order
 * after `after`, `limit` at a time — the birthday reward's daily pass pages through them. Someone born
 * on 29 February is celebrated on 28 February in common years: the caller asks for '02-29' too then.
 */
export async function birthdaysOn(db: Db, monthDay: string, after: string | null, limit: number): Promise<string[]> {
  if (!/^\d{2}-\d{2}$/.test(monthDay)) throw new Error(`birthdaysOn: bad month-day ${monthDay}`);
  const rows = await db.rows<{ id: string }>(sql`
    select id from customer_profiles
    where extract(month from birthday) = ${Number(monthDay.slice(0, 2))} and extract(day from birthday) = ${Number(monthDay.slice(3))}
      and merged_into is null and not erased
      ${after ? sql`and id > ${after}` : sql``}
    order by id limit ${limit}`);
  return rows.map((r) => r.id);
}
