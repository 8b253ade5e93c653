import { sql } from 'drizzle-orm';
import type { TCustomerLedger, TLedgerLine, TLedgerPage, TMemberPage, TMemberSummary } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { levelFor, progressOf } from './levels.rules.ts';
import { previousDay, shanghaiDay, signinReward } from './points.rules.ts';
import { balancesOf } from './ledger.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';
import type { Members } from './members.ts';

type LineRow = { entry_id: string; kind: string; memo: string; reason: string | null; created_at: Date | string; amount: string | number; principal: string | number; bonus: string | number };
const POINTS = ['points'];
const WALLET = ['wallet_principal', 'wallet_bonus'];

/** What the shop and the admin read of the ledgers: a member's summary and history pages. */
export function createLoyaltyQueries(db: Db, deps: { config: LoyaltyConfig; members: Members }) {
  async function lines(customerId: string, accounts: string[], before: string | undefined, limit: number): Promise<{ items: TLedgerLine[]; nextBefore: string | null }> {
    const rows = await db.rows<LineRow>(sql`
      select p.entry_id, e.kind, e.memo, e.reason, e.created_at, sum(p.amount) as amount,
        sum(case when p.account = 'wallet_principal' then p.amount else 0 end) as principal,
        sum(case when p.account = 'wallet_bonus' then p.amount else 0 end) as bonus
      from loyalty_postings p join loyalty_entries e on e.id = p.entry_id
      where p.customer_id = ${customerId} and p.account = any(${sql.param(accounts)}::text[])
        ${before ? sql`and (e.created_at, p.entry_id) < (select created_at, id from loyalty_entries where id = ${before}::uuid)` : sql``}
      group by p.entry_id, e.kind, e.memo, e.reason, e.created_at
      order by e.created_at desc, p.entry_id desc limit ${limit + 1}`);
    const wallet = accounts !== POINTS;
    const items = rows.slice(0, limit).map((r) => ({
      entryId: r.entry_id, kind: r.kind, memo: r.memo, amount: Number(r.amount), reason: r.reason, at: new Date(r.created_at).toISOString(),
      ...(wallet ? { principal: Number(r.principal), bonus: Number(r.bonus) } : {}),
    }));
    return { items, nextBefore: rows.length > limit ? items.at(-1)!.entryId : null };
  }

  return {
    pointsHistory: (customerId: string, before: string | undefined, limit: number): Promise<TLedgerPage> => lines(customerId, POINTS, before, limit),
    walletHistory: (customerId: string, before: string | undefined, limit: number): Promise<TLedgerPage> => lines(customerId, WALLET, before, limit),

    async summary(customerId: string): Promise<TMemberSummary> {
      const now = clock.now();
      const [settings, levels, member, bal] = [await deps.config.settings(), await deps.config.levels(), await deps.members.row(customerId), await balancesOf(db, customerId)];
      const windowGrowth = await deps.members.windowGrowth(customerId, settings.growth.windowMonths, now);
      // A shopper who never earned growth still holds the entry level (threshold 0), when there is one.
      const levelId = member?.level_id ?? levelFor(levels, windowGrowth)?.id ?? null;
      const progress = progressOf(levels, levelId, windowGrowth);
      const [soon] = await db.rows<{ s: string | number | null; at: Date | string | null }>(sql`select sum(remaining) as s, min(expires_at) as at from loyalty_point_lots
        where customer_id = ${customerId} and remaining > 0 and expires_at is not null and expires_at <= ${new Date(now.getTime() + 30 * 86_400_000)}`);
      const today = shanghaiDay(now);
      const last = member?.last_signin_day ? { day: member.last_signin_day, streak: member.streak } : null;
      const signedToday = last?.day === today;
      const next = signinReward(settings.points.signin, signedToday ? { day: today, streak: last!.streak } : last, signedToday ? nextDay(today) : today);
      const level = levels.find((l) => l.id === levelId) ?? null;
      return {
        customerId, level, nextLevel: progress.next, windowGrowth, growth: Number(member?.growth ?? 0), neededForNext: progress.needed, progressPercent: progress.percent, levels,
        points: { balance: bal.points, held: bal.points_held, expiringSoon: Number(soon?.s ?? 0), expiringAt: soon?.at ? new Date(soon.at).toISOString() : null },
        wallet: { totalFen: bal.wallet_principal + bal.wallet_bonus, principalFen: bal.wallet_principal, bonusFen: bal.wallet_bonus, heldFen: bal.wallet_held_principal + bal.wallet_held_bonus },
        signin: { signedToday, streak: last && (signedToday || last.day === previousDay(today)) ? last.streak : 0, table: settings.points.signin, nextPoints: next?.points ?? 0 },
      };
    },

    async members(query: { customerId?: string; page: number; pageSize: number }): Promise<TMemberPage> {
      const where = query.customerId ? sql`where m.customer_id = ${query.customerId}` : sql``;
      const rows = await db.rows<{ customer_id: string; name: string | null; growth: string | number; points: string | number | null; wallet: string | number | null; updated_at: Date | string }>(sql`
        select m.customer_id, l.name, m.growth, m.updated_at,
          (select balance from loyalty_accounts a where a.customer_id = m.customer_id and a.kind = 'points') as points,
          (select sum(balance) from loyalty_accounts a where a.customer_id = m.customer_id and a.kind in ('wallet_principal', 'wallet_bonus')) as wallet
        from loyalty_members m left join loyalty_levels l on l.id = m.level_id ${where}
        order by m.updated_at desc, m.customer_id limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
      const [total] = await db.rows<{ n: string | number }>(sql`select count(*) as n from loyalty_members m ${where}`);
      return {
        total: Number(total?.n ?? 0),
        items: rows.map((r) => ({ customerId: r.customer_id, levelName: r.name, growth: Number(r.growth), points: Number(r.points ?? 0), walletFen: Number(r.wallet ?? 0), updatedAt: new Date(r.updated_at).toISOString() })),
      };
    },

    async customerLedger(customerId: string): Promise<TCustomerLedger> {
      const member = await deps.members.row(customerId);
      const levels = await deps.config.levels();
      return {
        customerId,
        balances: await balancesOf(db, customerId),
        levelName: levels.find((l) => l.id === member?.level_id)?.name ?? null,
        growth: Number(member?.growth ?? 0),
        points: (await lines(customerId, POINTS, undefined, 100)).items,
        wallet: (await lines(customerId, WALLET, undefined, 100)).items,
      };
    },
  };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
export type LoyaltyQueries = ReturnType<typeof createLoyaltyQueries>;
