import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { publish } from '../../platform/events.ts';
import { balancesOf, lockAccounts, postEntry } from './ledger.ts';
import { CUSTOMER_ACCOUNTS, type CustomerAccount, type Posting } from './ledger.rules.ts';
import { afterGrowth } from './levels.rules.ts';
import { addMonths } from './points.rules.ts';
import { LoyaltyEvents, type LevelChanged } from './members.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';

const GROUPS: { asset: 'points' | 'wallet'; accounts: CustomerAccount[]; transit: 'points_transferred' | 'wallet_transferred' }[] = [
  { asset: 'points', accounts: ['points', 'points_held'], transit: 'points_transferred' },
  { asset: 'wallet', accounts: ['wallet_principal', 'wallet_bonus', 'wallet_held_principal', 'wallet_held_bonus'], transit: 'wallet_transferred' },
];

/**
 * Loyalty's side of a customer merge. Balances never change by a direct edit: for each asset, one
 * balanced journal entry takes every account of the merged-away customer to a transit account and a
 * second one credits the kept customer from it (keys `merge:<fromId>:<asset>:out|in`, so a repeat does
 * nothing). Points lots, holds, loyalty's order records, recharges and growth rows are re-pointed, so
 * the ledger check's invariants (lots = points, holds = held accounts) hold for both customers.
 */
export function createLoyaltyCustomerMerge(db: Db, deps: { config: LoyaltyConfig }) {
  return {
    /** Points and stored value (fen, principal + bonus) a merge would move. */
    async countsOf(customerId: string, q?: Q): Promise<{ points: number; balanceFen: number; levelName: string | null }> {
      const b = await balancesOf(db, customerId, q);
      const [lvl] = await db.rows<{ name: string }>(sql`select l.name from loyalty_members m join loyalty_levels l on l.id = m.level_id where m.customer_id = ${customerId}`, q);
      return { points: b.points + b.points_held, balanceFen: b.wallet_principal + b.wallet_bonus + b.wallet_held_principal + b.wallet_held_bonus, levelName: lvl?.name ?? null };
    },

    async moveCustomer(q: Q, fromId: string, intoId: string): Promise<void> {
      const balances = await lockAccounts(db, q, fromId, CUSTOMER_ACCOUNTS);
      for (const g of GROUPS) {
        const moving = g.accounts.filter((a) => (balances[a] ?? 0) > 0);
        if (!moving.length) continue;
        const total = moving.reduce((s, a) => s + balances[a]!, 0);
        const out: Posting[] = [...moving.map((a) => ({ account: a, amount: -balances[a]! })), { account: g.transit, amount: total }];
        const into: Posting[] = [...moving.map((a) => ({ account: a, amount: balances[a]! })), { account: g.transit, amount: -total }];
        const memo = '客户合并';
        await postEntry(db, q, { key: `merge:${fromId}:${g.asset}:out`, kind: 'customer_merge', customerId: fromId, postings: out, memo, ref: intoId });
        await postEntry(db, q, { key: `merge:${fromId}:${g.asset}:in`, kind: 'customer_merge', customerId: intoId, postings: into, memo, ref: fromId });
      }
      for (const table of ['loyalty_point_lots', 'loyalty_holds', 'loyalty_orders', 'loyalty_recharges', 'loyalty_growth'] as const) {
        await db.rows(sql`update ${sql.identifier(table)} set customer_id = ${intoId} where customer_id = ${fromId}`, q);
      }
      await mergeMembers(q, fromId, intoId);
    },
  };

  async function mergeMembers(q: Q, fromId: string, intoId: string): Promise<void> {
    const [from] = await db.rows<{ growth: string | number; orders_paid: number }>(sql`select growth, orders_paid from loyalty_members where customer_id = ${fromId} for update`, q);
    if (!from) return;
    const now = clock.now();
    await db.rows(sql`insert into loyalty_members (customer_id, created_at, updated_at) values (${intoId}, ${now}, ${now}) on conflict do nothing`, q);
    const [into] = await db.rows<{ level_id: string | null }>(sql`update loyalty_members set growth = growth + ${Number(from.growth)},
        orders_paid = orders_paid + ${from.orders_paid}, updated_at = ${now} where customer_id = ${intoId} returning level_id`, q);
    await db.rows(sql`update loyalty_members set growth = 0, orders_paid = 0, updated_at = ${now} where customer_id = ${fromId}`, q);
    // The kept customer's level rises at once if the joined growth (re-pointed rows, same dates) supports it.
    const settings = await deps.config.settings(q);
    const [w] = await db.rows<{ s: string | number }>(sql`select coalesce(sum(amount), 0) as s from loyalty_growth
      where customer_id = ${intoId} and created_at > ${addMonths(now, -settings.growth.windowMonths)}`, q);
    const next = afterGrowth(await deps.config.levels(q), into!.level_id, Math.max(0, Number(w!.s)));
    if (next !== into!.level_id) {
      await db.rows(sql`update loyalty_members set level_id = ${next}, level_since = ${now} where customer_id = ${intoId}`, q);
      if (next) await publish<LevelChanged>(q, LoyaltyEvents.levelChanged, { customerId: intoId, from: into!.level_id, to: next, direction: 'up', reason: 'upgrade', at: now.toISOString() });
    }
  }
}
export type LoyaltyCustomerMerge = ReturnType<typeof createLoyaltyCustomerMerge>;
