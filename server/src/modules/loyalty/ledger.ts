import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { entryProblem, isCustomerAccount, type EntryPlan, type CustomerAccount } from './ledger.rules.ts';

export type Posted = { entryId: string; duplicate: boolean };

const shortOf = (account: CustomerAccount) =>
  (account.startsWith('wallet') ? 'loyalty.insufficient_balance' : 'loyalty.insufficient_points') as 'loyalty.insufficient_balance' | 'loyalty.insufficient_points';

/**
 * Writes one journal entry inside `q`: the entry (once per key — a repeat returns the first one and
 * changes nothing), then each customer account by a conditional update that never takes a balance
 * below zero (a short account fails the whole transaction with 409), then the postings.
 * Customer accounts are updated in a fixed order so two entries never deadlock on PostgreSQL.
 */
export async function postEntry(db: Db, q: Q, plan: EntryPlan, extra: { staffId?: string | null; reason?: string | null } = {}): Promise<Posted> {
  const problem = entryProblem(plan.postings);
  if (problem) throw new Error(`unbalanced loyalty entry ${plan.key}: ${problem}`);
  const now = clock.now();
  const id = newId();
  const fresh = await db.rows<{ id: string }>(sql`
    insert into loyalty_entries (id, key, kind, customer_id, ref, memo, staff_id, reason, created_at)
    values (${id}, ${plan.key}, ${plan.kind}, ${plan.customerId}, ${plan.ref ?? null}, ${plan.memo}, ${extra.staffId ?? null}, ${extra.reason ?? null}, ${now})
    on conflict (key) do nothing returning id`, q);
  if (!fresh.length) {
    const [old] = await db.rows<{ id: string }>(sql`select id from loyalty_entries where key = ${plan.key}`, q);
    return { entryId: old!.id, duplicate: true };
  }
  const customer = plan.postings.filter((p) => isCustomerAccount(p.account)).sort((a, b) => (a.account < b.account ? -1 : 1));
  for (const p of customer) {
    const account = p.account as CustomerAccount;
    const rows = p.amount > 0
      ? await db.rows(sql`insert into loyalty_accounts (customer_id, kind, balance, version, updated_at)
          values (${plan.customerId}, ${account}, ${p.amount}, 1, ${now})
          on conflict (customer_id, kind) do update set balance = loyalty_accounts.balance + excluded.balance,
            version = loyalty_accounts.version + 1, updated_at = excluded.updated_at
          returning balance`, q)
      : await db.rows(sql`update loyalty_accounts set balance = balance + ${p.amount}, version = version + 1, updated_at = ${now}
          where customer_id = ${plan.customerId} and kind = ${account} and balance >= ${-p.amount} returning balance`, q);
    if (!rows.length) throw new KoiError(shortOf(account));
  }
  for (const p of plan.postings) {
    await db.rows(sql`insert into loyalty_postings (id, entry_id, customer_id, account, amount, created_at)
      values (${newId()}, ${id}, ${isCustomerAccount(p.account) ? plan.customerId : null}, ${p.account}, ${p.amount}, ${now})`, q);
  }
  return { entryId: id, duplicate: false };
}

/** A customer's balances (every account, zero when never used). */
export async function balancesOf(db: Db, customerId: string, q?: Q): Promise<Record<CustomerAccount, number>> {
  const rows = await db.rows<{ kind: CustomerAccount; balance: string | number }>(
    sql`select kind, balance from loyalty_accounts where customer_id = ${customerId}`, q);
  const out: Record<string, number> = { points: 0, points_held: 0, wallet_principal: 0, wallet_bonus: 0, wallet_held_principal: 0, wallet_held_bonus: 0 };
  for (const r of rows) out[r.kind] = Number(r.balance);
  return out as Record<CustomerAccount, number>;
}

/** Locks the customer's accounts of `kinds` (sorted) for the rest of the transaction and returns their balances. */
export async function lockAccounts(db: Db, q: Q, customerId: string, kinds: readonly CustomerAccount[]): Promise<Record<string, number>> {
  const sorted = [...kinds].sort();
  const rows = await db.rows<{ kind: string; balance: string | number }>(sql`select kind, balance from loyalty_accounts
    where customer_id = ${customerId} and kind = any(${sql.param(sorted)}::text[]) order by kind for update`, q);
  const out: Record<string, number> = Object.fromEntries(sorted.map((k) => [k, 0]));
  for (const r of rows) out[r.kind] = Number(r.balance);
  return out;
}
