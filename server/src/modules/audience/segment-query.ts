import { sql } from 'drizzle-orm';
import type { TSegmentRule } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { compileSegment } from './segment-sql.ts';

/** How many customers are in the segment at `now` (one statement). */
export async function segmentCount(db: Db, rule: TSegmentRule, now: Date, q?: Q): Promise<number> {
  const s = compileSegment(rule, now);
  const rows = await db.rows<{ n: number | string }>(sql`select count(*)::int as n from ${s.from} where ${s.where}`, q);
  return Number(rows[0]?.n ?? 0);
}

/** Members in customer-id order after `after` (keyset), at most `limit`. */
export async function segmentPage(db: Db, rule: TSegmentRule, now: Date, page: { after: string | null; limit: number }, q?: Q): Promise<string[]> {
  const s = compileSegment(rule, now);
  const after = page.after ? sql` and c.customer_id > ${page.after}::uuid` : sql``;
  const rows = await db.rows<{ customer_id: string }>(
    sql`select c.customer_id from ${s.from} where ${s.where}${after} order by c.customer_id limit ${page.limit}`, q);
  return rows.map((r) => r.customer_id);
}

/** Which of `customerIds` are in the segment (aggregates narrowed to them: index lookups only). */
export async function segmentMembership(db: Db, rule: TSegmentRule, now: Date, customerIds: readonly string[], q?: Q): Promise<Set<string>> {
  if (!customerIds.length) return new Set();
  const s = compileSegment(rule, now, { customerIds });
  const rows = await db.rows<{ customer_id: string }>(sql`select c.customer_id from ${s.from} where ${s.where}`, q);
  return new Set(rows.map((r) => r.customer_id));
}
