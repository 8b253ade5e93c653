import { ZEarnWays } from '@koi/contracts';
import { sql } from 'drizzle-orm';
import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';
import { earnWays } from './points-settings.rules.ts';
import { expiringBatches } from './points-expiry-reminder.rules.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';

const signedIn = { tags: ['shop'], security: [{ bearer: [] }] };

/** The shop's 积分 page: the ways to earn (from the merchant's rules) and the next points to expire. */
export function registerPointsSettingsRoutes(app: App, deps: { db: Db; config: LoyaltyConfig }) {
  app.get('/api/shop/loyalty/earn-ways', {
    schema: { ...signedIn, summary: 'Ways to earn points (read-only) and how many of mine expire next, on which day', response: { 200: ZEarnWays } }, preValidation: requireShopper,
  }, async (req) => {
    const now = clock.now();
    const lots = await deps.db.rows<{ remaining: string | number; expires_at: Date | string }>(sql`select remaining, expires_at from loyalty_point_lots
      where customer_id = ${shopperOf(req).id} and remaining > 0 and expires_at > ${now} order by expires_at limit 500`);
    // The soonest expiry day: its lots, whatever the window (a year ahead under a yearly clear).
    const first = lots[0] ? new Date(lots[0].expires_at) : null;
    const days = first ? Math.ceil((first.getTime() - now.getTime()) / 86_400_000) + 1 : 0;
    const [next] = first ? expiringBatches(lots.map((l) => ({ remaining: Number(l.remaining), expiresAt: new Date(l.expires_at) })), now, days) : [];
    return { items: earnWays(await deps.config.settings()), nextExpiry: next ? { points: next.points, on: next.day } : null };
  });
}
