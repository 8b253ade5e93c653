import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { CustomerEvents, type TCustomerErasedEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { publish } from '../../platform/events.ts';
import { privacyDeletionRequests } from './privacy.tables.ts';
import { customerAddresses } from './address.tables.ts';
import { behaviourDailyCounts, behaviourEvents } from './behaviour.tables.ts';
import { customerIdentities, customerProfiles } from './profile.tables.ts';
import { isDue, pseudonymFor } from './privacy.rules.ts';
import { audit } from './privacy-audit.ts';
import { eraseStaffRecords } from './erase-records.ts';
import type { ConsentStore } from './consents.ts';

/**
 * One module's part of an erasure: replaces the customer's personal fields with the pseudonym (or
 * deletes what has no other use) inside the job's transaction, and says how many rows it touched.
 * Financial records stay, under the same (now pseudonymous) customer id. Wired in links/customer-privacy.ts.
 */
export type CustomerEraser = { module: string; erase(q: Q, customerId: string, pseudonym: string): Promise<number> };

export type EraseOutcome = { requestId: string; status: 'erased' | 'skipped' };

/**
 * The erasure job (PIPL 第四十七条). All steps of one request run in one transaction with their audit
 * rows, so a crash leaves nothing half-erased and the retry starts over; a request that is not due
 * (cancelled, already completed, still cooling off) is skipped, which makes a second run a no-op.
 */
export function eraser(db: Db, deps: { consents: ConsentStore; erasers: () => readonly CustomerEraser[] }) {
  /** This module's own tables. */
  async function eraseOwn(q: Q, customerId: string, pseudonym: string): Promise<Record<string, number>> {
    const addresses = await q.delete(customerAddresses).where(eq(customerAddresses.customerId, customerId)).returning({ id: customerAddresses.id });
    // Events of the shopper, and those of their devices from before they signed in.
    const devices = q.select({ a: behaviourEvents.anonymousId }).from(behaviourEvents).where(and(eq(behaviourEvents.customerKey, customerId), sql`${behaviourEvents.anonymousId} is not null`));
    const anon = await q.delete(behaviourEvents).where(and(sql`${behaviourEvents.customerKey} like 'anon:%'`, inArray(behaviourEvents.anonymousId, devices))).returning({ id: behaviourEvents.id });
    const events = await q.delete(behaviourEvents).where(or(eq(behaviourEvents.customerKey, customerId), eq(behaviourEvents.shopperId, customerId))).returning({ id: behaviourEvents.id });
    const identities = await q.delete(customerIdentities).where(eq(customerIdentities.customerId, customerId)).returning({ kind: customerIdentities.kind });
    const now = clock.now();
    const profiles = await q.update(customerProfiles).set({ name: pseudonym, gender: 'unknown', birthday: null, regionCode: null, erased: true, erasedAt: now, updatedAt: now })
      .where(eq(customerProfiles.id, customerId)).returning({ id: customerProfiles.id });
    // Marketing consent ends with the account; the records themselves stay as proof, without client traces.
    const state = await deps.consents.state(customerId, q);
    for (const [purpose, on] of [['marketing_sms', state.marketing.sms], ['marketing_wechat', state.marketing.wechat], ['marketing_email', state.marketing.email]] as const) {
      if (on) await deps.consents.change(customerId, purpose, false, { capturedVia: 'system' }, q);
    }
    // The withdrawals above wrote timeline events: they go too.
    const late = await q.delete(behaviourEvents).where(eq(behaviourEvents.customerKey, customerId)).returning({ id: behaviourEvents.id });
    // Their daily counts go with them (anonymous events were never counted for anyone).
    await q.delete(behaviourDailyCounts).where(eq(behaviourDailyCounts.customerId, customerId));
    const consents = await deps.consents.stripClient(q, customerId);
    return { addresses: addresses.length, behaviourEvents: events.length + anon.length + late.length, identities: identities.length, profiles: profiles.length, consentsStripped: consents };
  }

  async function eraseRequest(requestId: string): Promise<EraseOutcome> {
    return db.tx(async (q) => {
      const [r] = await q.select().from(privacyDeletionRequests).where(eq(privacyDeletionRequests.id, requestId)).for('update');
      if (!r || !isDue(r, clock.now())) return { requestId, status: 'skipped' as const };
      const pseudonym = pseudonymFor(r.customerId);
      const step = (action: string, detail: Record<string, unknown>) => audit(q, { requestId, customerId: r.customerId, action, detail, actor: 'system:privacy-erase' });
      await step('erase_started', { pseudonym });
      await step('erase_step', { module: 'customer', part: 'profile', rows: await eraseOwn(q, r.customerId, pseudonym) });
      for (const part of await eraseStaffRecords(q, r.customerId, pseudonym)) await step('erase_step', { module: 'customer', ...part });
      for (const e of deps.erasers()) await step('erase_step', { module: e.module, rows: await e.erase(q, r.customerId, pseudonym) });
      const at = clock.now();
      await q.update(privacyDeletionRequests).set({ status: 'completed', completedAt: at, pseudonym }).where(eq(privacyDeletionRequests.id, requestId));
      await publish<TCustomerErasedEvent>(q, CustomerEvents.erased, { customerId: r.customerId, at: at.toISOString() });
      await step('erased', { published: CustomerEvents.erased });
      return { requestId, status: 'erased' as const };
    });
  }

  return {
    eraseRequest,
    /** Every request whose cooling-off is over (the sweep; a lost per-request job is caught here). */
    async eraseDue(): Promise<EraseOutcome[]> {
      const due = await db.run((q) => q.select({ id: privacyDeletionRequests.id }).from(privacyDeletionRequests)
        .where(and(eq(privacyDeletionRequests.status, 'pending'), lte(privacyDeletionRequests.dueAt, clock.now()))).limit(500));
      const out: EraseOutcome[] = [];
      for (const d of due) out.push(await eraseRequest(d.id));
      return out;
    },
  };
}
