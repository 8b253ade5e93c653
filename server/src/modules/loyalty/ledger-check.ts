import { sql } from 'drizzle-orm';
import type { TLedgerCheck } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

type Drift = { kind: string; subject: string; detail: string };

/**
 * The ledgers' invariants, checked over the whole database (tests, and the nightly job):
 * 1. every entry has ≥ 2 postings that sum to zero;
 * 2. every customer account's cached balance equals the sum of its postings, and is not negative;
 * 3. a customer's points lots hold exactly their points balance;
 * 4. what is held for orders equals the held accounts (points, principal, bonus).
 */
export async function findDrift(db: Db): Promise<Drift[]> {
  const drift: Drift[] = [];
  const entries = await db.rows<{ id: string; n: string | number; s: string | number }>(sql`
    select e.id, count(p.id) as n, coalesce(sum(p.amount), 0) as s from loyalty_entries e left join loyalty_postings p on p.entry_id = e.id
    group by e.id having count(p.id) < 2 or coalesce(sum(p.amount), 0) <> 0`);
  for (const e of entries) drift.push({ kind: 'entry_unbalanced', subject: e.id, detail: `${Number(e.n)} postings summing to ${Number(e.s)}` });

  const accounts = await db.rows<{ customer_id: string; kind: string; balance: string | number | null; s: string | number | null }>(sql`
    select coalesce(a.customer_id, p.customer_id) as customer_id, coalesce(a.kind, p.account) as kind, a.balance, p.s
    from loyalty_accounts a
    full outer join (select customer_id, account, sum(amount) as s from loyalty_postings where customer_id is not null group by customer_id, account) p
      on p.customer_id = a.customer_id and p.account = a.kind
    where coalesce(a.balance, 0) <> coalesce(p.s, 0) or a.balance < 0`);
  for (const a of accounts) {
    drift.push({ kind: 'balance_mismatch', subject: `${a.customer_id}/${a.kind}`, detail: `cached ${Number(a.balance ?? 0)}, postings ${Number(a.s ?? 0)}` });
  }

  const lots = await db.rows<{ customer_id: string; b: string | number | null; l: string | number | null }>(sql`
    select coalesce(a.customer_id, l.customer_id) as customer_id, a.balance as b, l.s as l
    from (select customer_id, balance from loyalty_accounts where kind = 'points') a
    full outer join (select customer_id, sum(remaining) as s from loyalty_point_lots group by customer_id) l on l.customer_id = a.customer_id
    where coalesce(a.balance, 0) <> coalesce(l.s, 0)`);
  for (const r of lots) drift.push({ kind: 'lots_mismatch', subject: r.customer_id, detail: `points ${Number(r.b ?? 0)}, lots ${Number(r.l ?? 0)}` });

  const holds = await db.rows<{ customer_id: string; kind: string; b: string | number | null; h: string | number | null }>(sql`
    with held as (
      select customer_id, 'points_held' as kind, sum(amount) as s from loyalty_holds where asset = 'points' and status = 'held' group by customer_id
      union all select customer_id, 'wallet_held_principal', sum(principal) from loyalty_holds where asset = 'wallet' and status = 'held' group by customer_id
      union all select customer_id, 'wallet_held_bonus', sum(bonus) from loyalty_holds where asset = 'wallet' and status = 'held' group by customer_id)
    select coalesce(a.customer_id, h.customer_id) as customer_id, coalesce(a.kind, h.kind) as kind, a.balance as b, h.s as h
    from (select customer_id, kind, balance from loyalty_accounts where kind in ('points_held', 'wallet_held_principal', 'wallet_held_bonus')) a
    full outer join held h on h.customer_id = a.customer_id and h.kind = a.kind
    where coalesce(a.balance, 0) <> coalesce(h.s, 0)`);
  for (const r of holds) drift.push({ kind: 'holds_mismatch', subject: `${r.customer_id}/${r.kind}`, detail: `account ${Number(r.b ?? 0)}, holds ${Number(r.h ?? 0)}` });
  return drift;
}

/** Runs the check, records the result, and logs an error when anything drifted. */
export async function runLedgerCheck(db: Db, log: Logger): Promise<TLedgerCheck> {
  const drift = await findDrift(db);
  const ranAt = clock.now();
  await db.rows(sql`insert into loyalty_ledger_checks (id, ok, drift, ran_at) values (${newId()}, ${drift.length === 0}, ${JSON.stringify(drift)}::jsonb, ${ranAt})`);
  if (drift.length) log.error({ drift: drift.slice(0, 20), count: drift.length }, 'loyalty ledger drift');
  return { ok: drift.length === 0, ranAt: ranAt.toISOString(), drift };
}
