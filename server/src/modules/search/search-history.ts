import { sql } from 'drizzle-orm';
import type { TSearchHistory } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';

/** How many distinct recent queries a shopper keeps. */
export const HISTORY_SIZE = 20;

/** A query moves to the top of the shopper's history; beyond the newest 20, the oldest go. */
export async function rememberSearch(db: Db, q: Q, shopperId: string, text: string): Promise<void> {
  await db.rows(sql`insert into search_history (shopper_id, q, searched_at) values (${shopperId}, ${text}, ${clock.now()})
    on conflict (shopper_id, q) do update set searched_at = excluded.searched_at`, q);
  await db.rows(sql`delete from search_history where shopper_id = ${shopperId} and q not in (
    select q from search_history where shopper_id = ${shopperId} order by searched_at desc, q limit ${HISTORY_SIZE})`, q);
}

export async function searchHistoryOf(db: Db, shopperId: string): Promise<TSearchHistory> {
  const rows = await db.rows<{ q: string; searched_at: Date | string }>(sql`select q, searched_at from search_history
    where shopper_id = ${shopperId} order by searched_at desc, q limit ${HISTORY_SIZE}`);
  return { items: rows.map((r) => ({ q: r.q, at: new Date(r.searched_at).toISOString() })) };
}

export async function clearSearchHistory(db: Db, shopperId: string): Promise<void> {
  await db.rows(sql`delete from search_history where shopper_id = ${shopperId}`);
}
