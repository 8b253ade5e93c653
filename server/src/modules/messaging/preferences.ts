import { and, eq, sql } from 'drizzle-orm';
import type { TMessageChannel, TMessagePurpose, TNotificationPreferencesInput } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { messageConsentLog, messagePreferences, wechatSubscriptions } from './notifications.tables.ts';

export type Switches = Record<TMessagePurpose, Record<TMessageChannel, boolean>>;

/** Transactional messages are on until the shopper turns them off; marketing is off until granted (PIPL). */
export const DEFAULT_SWITCHES: Switches = { transactional: { wechat: true, sms: true }, marketing: { wechat: false, sms: false } };

/**
 * Where marketing consent lives when the customer module's PIPL records are wired in
 * (links/customer-privacy.ts): one truth, so the switches read it and changes write it there.
 */
export type MarketingConsentPort = {
  read(customerId: string, q?: Q): Promise<Record<TMessageChannel, boolean>>;
  write(q: Q, customerId: string, channel: TMessageChannel, granted: boolean, source: string): Promise<void>;
};

/** The shopper's channel switches and one-time WeChat grants. */
export function preferencesStore(db: Db) {
  let marketingConsent: MarketingConsentPort | null = null;

  async function switches(customerId: string, q?: Q): Promise<Switches> {
    const rows = await db.run((t) => t.select().from(messagePreferences).where(eq(messagePreferences.customerId, customerId)), q);
    const out: Switches = { transactional: { ...DEFAULT_SWITCHES.transactional }, marketing: { ...DEFAULT_SWITCHES.marketing } };
    for (const r of rows) out[r.purpose][r.channel] = r.enabled;
    if (marketingConsent) out.marketing = { ...(await marketingConsent.read(customerId, q)) };
    return out;
  }

  return {
    switches,
    /** Marketing consent is read from and written to the PIPL consent records from now on. */
    useMarketingConsent(port: MarketingConsentPort): void {
      marketingConsent = port;
    },

    /**
     * Changes the switches given; each real change is written to the consent log with its time,
     * channel, purpose and source, in the same transaction.
     */
    async update(customerId: string, input: TNotificationPreferencesInput, source: string): Promise<Switches> {
      return db.tx(async (q) => {
        // One writer per customer at a time, so two changes at once log in the order they apply.
        await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`message_prefs:${customerId}`}))`);
        const before = await switches(customerId, q);
        const now = clock.now();
        for (const purpose of ['transactional', 'marketing'] as const) {
          for (const channel of ['wechat', 'sms'] as const) {
            const want = input[purpose]?.[channel];
            if (want === undefined || want === before[purpose][channel]) continue;
            if (purpose === 'marketing' && marketingConsent) {
              await marketingConsent.write(q, customerId, channel, want, source);
              before[purpose][channel] = want;
              continue;
            }
            await q.insert(messagePreferences).values({ customerId, purpose, channel, enabled: want, updatedAt: now })
              .onConflictDoUpdate({ target: [messagePreferences.customerId, messagePreferences.purpose, messagePreferences.channel], set: { enabled: want, updatedAt: now } });
            await q.insert(messageConsentLog).values({ customerId, id: newId(), purpose, channel, granted: want, source, at: now });
            before[purpose][channel] = want;
          }
        }
        return before;
      });
    },

    /** Consent changes, newest first. Once marketing consent is wired to the PIPL records, this log holds transactional changes only. */
    async consentLog(customerId: string) {
      const rows = await db.run((q) => q.select().from(messageConsentLog).where(eq(messageConsentLog.customerId, customerId)).orderBy(sql`${messageConsentLog.at} desc, ${messageConsentLog.id} desc`));
      return rows.map((r) => ({ purpose: r.purpose, channel: r.channel, granted: r.granted, source: r.source, at: r.at.toISOString() }));
    },

    /** Unused grants per template id. */
    async quotas(customerId: string, q?: Q): Promise<Map<string, number>> {
      const rows = await db.run((t) => t.select({ templateId: wechatSubscriptions.templateId, remaining: wechatSubscriptions.remaining })
        .from(wechatSubscriptions).where(eq(wechatSubscriptions.customerId, customerId)), q);
      return new Map(rows.map((r) => [r.templateId, r.remaining]));
    },

    /** Adds one grant per accepted template. */
    async addGrants(customerId: string, templateIds: readonly string[]): Promise<void> {
      if (!templateIds.length) return;
      await db.tx(async (q) => {
        const now = clock.now();
        for (const templateId of templateIds) {
          await q.insert(wechatSubscriptions).values({ customerId, templateId, remaining: 1, acceptedTotal: 1, updatedAt: now })
            .onConflictDoUpdate({
              target: [wechatSubscriptions.customerId, wechatSubscriptions.templateId],
              set: { remaining: sql`${wechatSubscriptions.remaining} + 1`, acceptedTotal: sql`${wechatSubscriptions.acceptedTotal} + 1`, updatedAt: now },
            });
        }
      });
    },

    /** Takes one grant of a template; false when none is left. */
    async consumeGrant(q: Q, customerId: string, templateId: string): Promise<boolean> {
      const rows = await q.update(wechatSubscriptions).set({ remaining: sql`${wechatSubscriptions.remaining} - 1`, updatedAt: clock.now() })
        .where(and(eq(wechatSubscriptions.customerId, customerId), eq(wechatSubscriptions.templateId, templateId), sql`${wechatSubscriptions.remaining} > 0`))
        .returning({ remaining: wechatSubscriptions.remaining });
      return rows.length > 0;
    },

    /** WeChat said the user has no grant left (43101): our count was wrong, so it is zero now. */
    async clearGrants(customerId: string, templateId: string): Promise<void> {
      await db.run((q) => q.update(wechatSubscriptions).set({ remaining: 0, updatedAt: clock.now() })
        .where(and(eq(wechatSubscriptions.customerId, customerId), eq(wechatSubscriptions.templateId, templateId))));
    },
  };
}
export type PreferencesStore = ReturnType<typeof preferencesStore>;
