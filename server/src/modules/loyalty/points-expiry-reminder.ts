import { sql } from 'drizzle-orm';
import { PointsEvents, type TPointsExpiringEvent } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { publish } from '../../platform/events.ts';
import { lockAccounts } from './ledger.ts';
import { expiringBatches, reminderFor, windowEnd } from './points-expiry-reminder.rules.ts';
import { pointsRules } from './points-settings.rules.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';

type LotRow = { remaining: string | number; expires_at: Date | string };

/**
 * The points expiry reminder (issue 8): a daily pass finds the customers with points whose last
 * usable day is within the merchant's `reminderDays`, and for each expiry day not announced yet
 * records it (one row per customer and day) and publishes `loyalty.points_expiring` in the same
 * transaction; the messaging link turns the event into a WeChat subscribe message or an SMS. The
 * customer's points account is locked first, so two passes at once announce a batch only once.
 */
export function createExpiryReminder(db: Db, deps: { config: LoyaltyConfig }) {
  return {
    /** Returns how many reminders it published. */
    async run(now: Date, page = 200): Promise<number> {
      const days = pointsRules(await deps.config.settings()).reminderDays;
      if (days <= 0) return 0;
      const end = windowEnd(now, days);
      let sent = 0;
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const customers = await db.rows<{ customer_id: string }>(sql`select distinct customer_id from loyalty_point_lots
          where remaining > 0 and expires_at > ${now} and expires_at <= ${end} and customer_id > ${after}
          order by customer_id limit ${page}`);
        for (const { customer_id: customerId } of customers) {
          sent += await db.tx(async (q) => {
            await lockAccounts(db, q, customerId, ['points']);
            const lots = await db.rows<LotRow>(sql`select remaining, expires_at from loyalty_point_lots
              where customer_id = ${customerId} and remaining > 0 and expires_at > ${now} and expires_at <= ${end}`, q);
            const batches = expiringBatches(lots.map((l) => ({ remaining: Number(l.remaining), expiresAt: new Date(l.expires_at) })), now, days);
            if (!batches.length) return 0;
            const done = await db.rows<{ day: string }>(sql`select day from loyalty_expiry_reminders
              where customer_id = ${customerId} and day = any(${sql.param(batches.map((b) => b.day))}::text[])`, q);
            const reminder = reminderFor(batches, new Set(done.map((d) => d.day)));
            if (!reminder) return 0;
            const payload: TPointsExpiringEvent = { customerId, points: reminder.points, firstDay: reminder.firstDay, lastDay: reminder.lastDay, at: clock.now().toISOString() };
            const eventId = await publish(q, PointsEvents.expiring, payload);
            for (const b of reminder.days) {
              const fresh = await db.rows(sql`insert into loyalty_expiry_reminders (customer_id, day, points, event_id, created_at)
                values (${customerId}, ${b.day}, ${b.points}, ${eventId}, ${clock.now()}) on conflict do nothing returning day`, q);
              // The lock above makes this impossible; if it ever happens, the whole reminder is undone.
              if (!fresh.length) throw new Error(`expiry reminder of ${customerId} for ${b.day} already recorded`);
            }
            return 1;
          });
        }
        if (customers.length < page) return sent;
        after = customers[customers.length - 1]!.customer_id;
      }
    },
  };
}
export type ExpiryReminder = ReturnType<typeof createExpiryReminder>;
