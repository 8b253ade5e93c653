import { sql } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import type { Sessions } from './sessions.ts';

/** How many ways of signing in (phone, WeChat) a customer's shopper account has (0 without an account). */
export async function loginCount(q: Q, shopperId: string): Promise<number> {
  const res = await q.execute(sql`select count(*)::int as n from shopper_logins where shopper_id = ${shopperId}`);
  return (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

/**
 * Identity's side of a customer merge: the merged-away shopper's logins move to the kept customer's
 * account (created from the old one's nickname and avatar when the kept customer never signed up),
 * and every session of the merged-away account ends. With no login left, nobody can sign in to it
 * again: its phone or WeChat now signs in to the kept account. Idempotent.
 */
export async function moveShopperLogins(q: Q, sessions: Sessions, fromId: string, intoId: string): Promise<void> {
  const now = clock.now();
  const moved = await q.execute(sql`update shopper_logins set shopper_id = ${intoId} where shopper_id = ${fromId} returning id`);
  if ((moved as unknown as { rows: unknown[] }).rows.length) {
    await q.execute(sql`insert into shopper_accounts (id, nickname, avatar_url, created_at, last_login_at)
      select ${intoId}, nickname, avatar_url, ${now}, null from shopper_accounts where id = ${fromId}
      on conflict (id) do nothing`);
  }
  await sessions.revokeAll(q, { kind: 'shopper', id: fromId });
}
