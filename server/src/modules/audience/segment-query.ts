import { sql } from 'drizzle-orm';
import type { TSegmentRule } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { compileSegment } from './segment-sql.ts';

/**
 * Settings for one whole-audience segment statement, local to its transaction: memory enough to
 * hash a wide event window and the candidate customers (the default 4 MB sorts them on disk
 * instead), and no JIT compilation — it costs hundreds of milliseconds to seconds on these
 * statements, more than their execution, whenever their estimated cost crosses `jit_above_cost`.
 */
export async function tuneForSegments(q: Q): Promise<void> {
  await q.execute(sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
}

/** `fn` in a transaction tuned for segment statements (the caller's, when `q` is given). */
function tuned<T>(db: Db, q: Q | undefined, fn: (t: Q) => Promise<T>): Promise<T> {
  const go = async (t: Q) => {
    await tuneForSegments(t);
    return fn(t);
  };
  return q ? go(q) : db.tx(go);
}

/** How many customers are in the segment at `now` (one statement). */
export async function segmentCount(db: Db, rule: TSegmentRule, now: Date, q?: Q): Promise<number> {
  const s = compileSegment(rule, now);
  const rows = await tuned(db, q, (t) => db.rows<{ n: number | string }>(sql`select count(*)::int as n from ${s.from} where ${s.where}`, t));
  return Number(rows[0]?.n ?? 0);
}

/** Members in customer-id order after `after` (keyset), at most `limit`. */
export async function segmentPage(db: Db, rule: TSegmentRule, now: Date, page: { after: string | null; limit: number }, q?: Q): Promise<string[]> {
  const s = compileSegment(rule, now);
  const after = page.after ? sql` and c.customer_id > ${page.after}::uuid` : sql``;
  const rows = await tuned(db, q, (t) => db.rows<{ customer_id: string }>(
    sql`select c.customer_id from ${s.from} where ${s.where}${after} order by c.customer_id limit ${page.limit}`, t));
  return rows.map((r) => r.customer_id);
}

/** Which of `customerIds` are in the segment (aggregates narrowed to them: index lookups only). */
export async function segmentMembership(db: Db, rule: TSegmentRule, now: Date, customerIds: readonly string[], q?: Q): Promise<Set<string>> {
  if (!customerIds.length) return new Set();
  const s = compileSegment(rule, now, { customerIds });
  const rows = await db.rows<{ customer_id: string }>(sql`select c.customer_id from ${s.from} where ${s.where}`, q);
  return new Set(rows.map((r) => r.customer_id));
}
