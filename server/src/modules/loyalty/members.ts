import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { publish } from '../../platform/events.ts';
import { afterGrowth, reviewLevel, sortLevels, type Level } from './levels.rules.ts';
import { addMonths, shanghaiDay, signinReward } from './points.rules.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';
import type { Points } from './points.ts';

/**
 * Published when a member's level changes: `reason: 'upgrade'` at once when growth rises (always
 * up), `'review'` by the periodic review (down, or up when levels were lowered). Coupons' level-up
 * rewards follow immediate upgrades only (issue 8 §1). Events from before `reason` existed were
 * all immediate upgrades.
 */
export const LoyaltyEvents = { levelChanged: 'loyalty.level_changed' } as const;
export type LevelChanged = { customerId: string; from: string | null; to: string | null; direction: 'up' | 'down'; reason?: 'upgrade' | 'review'; at: string };

/** Whether a level change earns the level-up reward: an immediate upgrade to a level. */
export const isImmediateUpgrade = (e: LevelChanged): e is LevelChanged & { to: string } => e.direction === 'up' && (e.reason ?? 'upgrade') === 'upgrade' && !!e.to;

export type MemberRow = { customer_id: string; growth: string | number; level_id: string | null; streak: number; last_signin_day: string | null; orders_paid: number };

/** Members: growth value and levels (upgrade at once, downgrade at review), and the daily sign-in. */
export function createMembers(db: Db, config: LoyaltyConfig, points: Points) {
  async function ensure(q: Q, customerId: string): Promise<MemberRow> {
    const now = clock.now();
    await db.rows(sql`insert into loyalty_members (customer_id, created_at, updated_at) values (${customerId}, ${now}, ${now}) on conflict do nothing`, q);
    const [row] = await db.rows<MemberRow>(sql`select customer_id, growth, level_id, streak, last_signin_day, orders_paid
      from loyalty_members where customer_id = ${customerId} for update`, q);
    return row!;
  }

  async function windowGrowth(customerId: string, months: number, now: Date, q?: Q): Promise<number> {
    const [row] = await db.rows<{ s: string | number | null }>(sql`select coalesce(sum(amount), 0) as s from loyalty_growth
      where customer_id = ${customerId} and created_at > ${addMonths(now, -months)}`, q);
    return Math.max(0, Number(row?.s ?? 0));
  }

  return {
    ensure,
    windowGrowth,

    /**
     * Adds (or, negative, removes) growth once per key. Rising growth upgrades the level at once;
     * falling growth waits for the review.
     */
    async addGrowth(q: Q, customerId: string, key: string, amount: number): Promise<void> {
      if (amount === 0) return;
      const now = clock.now();
      const fresh = await db.rows(sql`insert into loyalty_growth (id, key, customer_id, amount, created_at)
        values (${newId()}, ${key}, ${customerId}, ${amount}, ${now}) on conflict (key) do nothing returning id`, q);
      if (!fresh.length) return;
      const member = await ensure(q, customerId);
      await db.rows(sql`update loyalty_members set growth = greatest(0, growth + ${amount}), updated_at = ${now} where customer_id = ${customerId}`, q);
      if (amount < 0) return;
      const settings = await config.settings(q);
      const levels = await config.levels(q);
      const next = afterGrowth(levels, member.level_id, await windowGrowth(customerId, settings.growth.windowMonths, now, q));
      if (next !== member.level_id) {
        await db.rows(sql`update loyalty_members set level_id = ${next}, level_since = ${now} where customer_id = ${customerId}`, q);
        if (next) await publish<LevelChanged>(q, LoyaltyEvents.levelChanged, { customerId, from: member.level_id, to: next, direction: 'up', reason: 'upgrade', at: now.toISOString() });
      }
    },

    /** The periodic review: every member's level becomes what the window's growth supports (down or up). Returns the changes. */
    async review(now: Date): Promise<{ customerId: string; from: string | null; to: string | null }[]> {
      const settings = await config.settings();
      const levels: Level[] = await config.levels();
      const since = addMonths(now, -settings.growth.windowMonths);
      const order = sortLevels(levels).map((l) => l.id);
      const rankOf = (id: string | null) => (id === null ? -1 : order.indexOf(id));
      const changes: { customerId: string; from: string | null; to: string | null }[] = [];
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await db.rows<{ customer_id: string; level_id: string | null; g: string | number | null }>(sql`
          select m.customer_id, m.level_id, (select coalesce(sum(g.amount), 0) from loyalty_growth g where g.customer_id = m.customer_id and g.created_at > ${since}) as g
          from loyalty_members m where m.customer_id > ${after} order by m.customer_id limit 500`);
        if (!rows.length) return changes;
        for (const r of rows) {
          const to = reviewLevel(levels, Math.max(0, Number(r.g ?? 0)));
          if (to !== r.level_id) {
            const changed = await db.tx(async (q) => {
              const done = await db.rows(sql`update loyalty_members set level_id = ${to}, level_since = ${now}, updated_at = ${now}
                where customer_id = ${r.customer_id} and level_id is not distinct from ${r.level_id} returning customer_id`, q);
              if (!done.length) return false;
              await publish<LevelChanged>(q, LoyaltyEvents.levelChanged, {
                customerId: r.customer_id, from: r.level_id, to, direction: rankOf(to) > rankOf(r.level_id) ? 'up' : 'down', reason: 'review', at: now.toISOString(),
              });
              return true;
            });
            if (changed) changes.push({ customerId: r.customer_id, from: r.level_id, to });
          }
        }
        after = rows.at(-1)!.customer_id;
      }
    },

    /** Today's sign-in (Asia/Shanghai day): points by the streak table; 409 the second time. */
    async signin(customerId: string): Promise<{ points: number; streak: number; balance: number }> {
      return db.tx(async (q) => {
        const now = clock.now();
        const today = shanghaiDay(now);
        const member = await ensure(q, customerId);
        const settings = await config.settings(q);
        const reward = signinReward(settings.points.signin, member.last_signin_day ? { day: member.last_signin_day, streak: member.streak } : null, today);
        if (!reward) throw new KoiError('loyalty.already_signed_in');
        const fresh = await db.rows(sql`insert into loyalty_signins (customer_id, day, streak, points, created_at)
          values (${customerId}, ${today}, ${reward.streak}, ${reward.points}, ${now}) on conflict do nothing returning day`, q);
        if (!fresh.length) throw new KoiError('loyalty.already_signed_in');
        await db.rows(sql`update loyalty_members set streak = ${reward.streak}, last_signin_day = ${today}, updated_at = ${now} where customer_id = ${customerId}`, q);
        await points.earn(q, { customerId, key: `signin:${customerId}:${today}`, kind: 'signin', amount: reward.points,
          memo: `每日签到（连续第 ${reward.streak} 天）`, expiry: settings.points.expiry });
        return { ...reward, balance: await points.balance(customerId, q) };
      });
    },

    async row(customerId: string): Promise<MemberRow | null> {
      return this.rowIn(customerId);
    },
    async rowIn(customerId: string, q?: Q): Promise<MemberRow | null> {
      const [row] = await db.rows<MemberRow>(sql`select customer_id, growth, level_id, streak, last_signin_day, orders_paid from loyalty_members where customer_id = ${customerId}`, q);
      return row ?? null;
    },
  };
}
export type Members = ReturnType<typeof createMembers>;
