import { eq, sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { customerConsents } from './privacy.tables.ts';
import { withdrawalsAfterMerge } from './consent.rules.ts';
import type { ConsentStore } from './consents.ts';

/**
 * The customer module's own follower of `customer.merged` (issue 7 §1), beside the identities, notes
 * and addresses the merge itself moves:
 * - behaviour events: the merged-away customer's events join the kept customer's timeline, and their
 *   daily counts (`behaviour_daily_counts`) are added to the kept customer's (summed where both have
 *   a row for the same type and day), so segment and tag counts see one person;
 * - consent records: all move (proof of what was agreed); a marketing purpose that either customer
 *   had withdrawn is withdrawn again if the newest record would now say granted (consent.rules.ts).
 * Idempotent: a repeat finds nothing left under the merged-away id.
 */
export function createCustomerMergeFollower(db: Db, deps: { consents: ConsentStore }) {
  return {
    /** Behaviour events and consent records a merge would move (the preview's "what moves"). */
    async countsOf(customerId: string, q?: Q): Promise<{ behaviourEvents: number; consents: number }> {
      const [r] = await db.rows<{ events: number; consents: number }>(sql`select
          (select count(*) from behaviour_events where customer_key = ${customerId})::int as events,
          (select count(*) from customer_consents where customer_id = ${customerId})::int as consents`, q);
      return { behaviourEvents: r!.events, consents: r!.consents };
    },

    async moveCustomer(q: Q, fromId: string, intoId: string): Promise<void> {
      if (fromId === intoId) return;
      await db.rows(sql`update behaviour_events set customer_key = ${intoId} where customer_key = ${fromId}`, q);
      await db.rows(sql`update behaviour_events set shopper_id = ${intoId} where shopper_id = ${fromId}`, q);
      // In primary-key order, as appends take their locks (behaviour-append.ts): no deadlock with a concurrent append.
      await db.rows(sql`insert into behaviour_daily_counts (customer_id, type, day, n)
        select ${intoId}::uuid, type, day, n from behaviour_daily_counts where customer_id = ${fromId}::uuid order by type, day
        on conflict (customer_id, type, day) do update set n = behaviour_daily_counts.n + excluded.n`, q);
      await db.rows(sql`delete from behaviour_daily_counts where customer_id = ${fromId}`, q);

      const rows = async (id: string) => q.select().from(customerConsents).where(eq(customerConsents.customerId, id));
      const from = await rows(fromId);
      if (!from.length) return;
      const withdraw = withdrawalsAfterMerge(from, await rows(intoId));
      await q.update(customerConsents).set({ customerId: intoId }).where(eq(customerConsents.customerId, fromId));
      for (const purpose of withdraw) await deps.consents.change(intoId, purpose, false, { capturedVia: 'customer_merge' }, q);
    },
  };
}
export type CustomerMergeFollower = ReturnType<typeof createCustomerMergeFollower>;
