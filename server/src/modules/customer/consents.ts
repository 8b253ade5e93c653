import { asc, eq, sql } from 'drizzle-orm';
import { CURRENT_PRIVACY_POLICY_VERSION, type TConsentHistory, type TConsentPurpose, type TConsentState, type TSignupConsent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { customerConsents } from './privacy.tables.ts';
import { consentState, hashUserAgent, maskIp, signupRecords } from './consent.rules.ts';
import { recordBehaviour } from './record-behaviour.ts';

export type ConsentContext = { capturedVia: string; policyVersion?: string; ip?: string | null; userAgent?: string | null };

/** PIPL consent records: append-only; the state is the newest record per purpose. */
export function consentStore(db: Db, secret: () => string) {
  async function rows(customerId: string, q?: Q) {
    return db.run((t) => t.select().from(customerConsents).where(eq(customerConsents.customerId, customerId))
      .orderBy(asc(customerConsents.at), asc(customerConsents.id)), q);
  }

  async function state(customerId: string, q?: Q): Promise<TConsentState> {
    return consentState(await rows(customerId, q));
  }

  async function append(q: Q, customerId: string, entries: { purpose: TConsentPurpose; granted: boolean }[], ctx: ConsentContext, policyVersion: string) {
    const now = clock.now();
    for (const e of entries) {
      await q.insert(customerConsents).values({
        customerId, id: newId(), purpose: e.purpose, granted: e.granted, policyVersion, capturedVia: ctx.capturedVia,
        ipMasked: maskIp(ctx.ip), userAgentHash: hashUserAgent(secret(), ctx.userAgent), at: now,
      });
      await recordBehaviour(q, { type: 'consent_changed', shopperId: customerId, anonymousId: null, props: { purpose: e.purpose, granted: e.granted, policyVersion }, at: now });
    }
  }

  /** Serialises writers per customer, so the newest record is the last applied. */
  const lock = (q: Q, customerId: string) => q.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer_consents:${customerId}`}))`);

  /**
   * Sets one purpose; a record only when it changes. Returns whether it changed. The policy version
   * written is the one the shopper last agreed to (or the current one when none is recorded).
   */
  async function change(customerId: string, purpose: TConsentPurpose, granted: boolean, ctx: ConsentContext, outer?: Q): Promise<boolean> {
    const work = async (q: Q) => {
      await lock(q, customerId);
      const before = consentState(await rows(customerId, q));
      const current = purpose === 'privacy_policy' ? before.policyVersion !== null
        : before.marketing[purpose === 'marketing_sms' ? 'sms' : purpose === 'marketing_wechat' ? 'wechat' : 'email'];
      if (current === granted && !(purpose === 'privacy_policy' && ctx.policyVersion && ctx.policyVersion !== before.policyVersion)) return false;
      await append(q, customerId, [{ purpose, granted }], ctx, ctx.policyVersion ?? before.policyVersion ?? CURRENT_PRIVACY_POLICY_VERSION);
      return true;
    };
    return outer ? work(outer) : db.tx(work);
  }

  return {
    state,
    change,

    /** Records, newest first, with the state they add up to. */
    async history(customerId: string, q?: Q): Promise<TConsentHistory> {
      const all = await rows(customerId, q);
      return {
        state: consentState(all),
        items: all.reverse().map((r) => ({
          id: r.id, purpose: r.purpose as TConsentPurpose, granted: r.granted, policyVersion: r.policyVersion, capturedVia: r.capturedVia,
          ipMasked: r.ipMasked, userAgentHash: r.userAgentHash, at: r.at.toISOString(),
        })),
      };
    },

    /** What the shopper agreed to when they signed up (inside the registration event's subscriber). */
    async captureSignup(q: Q, customerId: string, consent: TSignupConsent, client: { ip: string | null; userAgent: string | null }): Promise<void> {
      await lock(q, customerId);
      await append(q, customerId, signupRecords(consent), { capturedVia: consent.capturedVia ?? 'shop', ...client }, consent.policyVersion);
    },

    /** Erasure: the records stay (proof of consent, PIPL 第十三条), the client traces go. */
    async stripClient(q: Q, customerId: string): Promise<number> {
      const r = await q.update(customerConsents).set({ ipMasked: null, userAgentHash: null }).where(eq(customerConsents.customerId, customerId)).returning({ id: customerConsents.id });
      return r.length;
    },
  };
}
export type ConsentStore = ReturnType<typeof consentStore>;
