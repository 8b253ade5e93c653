import type { TLifecycleConfig, TLifecycleStage } from '@koi/contracts';
import { daysSince } from './audience-time.ts';

/**
 * Lifecycle stage (issue 7 §4: 新客 / 潜力 / 活跃 / 忠实 / 沉睡 / 流失), decided in this order:
 *
 * 1. 流失 churned — no paid order and no activity for `churnedAfterDays` (default 180) days;
 * 2. 沉睡 dormant — none for `dormantAfterDays` (default 90) days;
 *    ("activity" is the later of the last order, the last behaviour event and first seen, so a customer
 *    just imported or just signed up is never dormant on day one);
 * 3. otherwise the customer is engaged, and:
 *    - 忠实 loyal — at least `loyalMinOrders` (default 3) paid orders, the last within `dormantAfterDays`;
 *    - 活跃 active — bought within `dormantAfterDays`, not loyal, and not new;
 *    - 新客 new — first seen within `newWithinDays` (default 30) with at most one paid order;
 *    - 潜力 potential — engaged but not buying: never paid, or last paid longer ago than
 *      `dormantAfterDays` while still browsing, clicking or opening messages.
 */

export type LifecycleFacts = {
  /**
   * Earliest known contact. An imported customer's history can predate the import, so the rule uses
   * the earlier of this and the last paid order: a customer imported today whose last order was a year
   * ago is churned, not new.
   */
  firstSeenAt: Date;
  /** Paid orders in all history (imported ones included). */
  paidOrderCount: number;
  lastPaidOrderAt: Date | null;
  /** Last behaviour event (page view, share, message open…); null when none is recorded. */
  lastActivityAt: Date | null;
};

export const LIFECYCLE_STAGE_NAMES: Record<TLifecycleStage, { zh: string; en: string }> = {
  new: { zh: '新客', en: 'New' },
  potential: { zh: '潜力', en: 'Potential' },
  active: { zh: '活跃', en: 'Active' },
  loyal: { zh: '忠实', en: 'Loyal' },
  dormant: { zh: '沉睡', en: 'Dormant' },
  churned: { zh: '流失', en: 'Churned' },
};

/** Which rule decided the stage, so the admin can say why in a sentence. */
export type LifecycleReason =
  | 'no_touch_since_churn_threshold'
  | 'no_touch_since_dormant_threshold'
  | 'recent_orders_at_loyal_count'
  | 'first_seen_recently'
  | 'bought_recently'
  | 'engaged_without_recent_order';

export type LifecycleResult = {
  stage: TLifecycleStage;
  name: { zh: string; en: string };
  reason: LifecycleReason;
  facts: {
    daysSinceFirstSeen: number;
    daysSinceLastOrder: number | null;
    daysSinceLastActivity: number | null;
    /** Days since the latest of first seen, last order and last activity. */
    daysSinceLastTouch: number;
    paidOrderCount: number;
  };
  config: TLifecycleConfig;
};

export function lifecycleStage(f: LifecycleFacts, config: TLifecycleConfig, now: Date): LifecycleResult {
  const firstSeen = f.lastPaidOrderAt !== null && f.lastPaidOrderAt < f.firstSeenAt ? f.lastPaidOrderAt : f.firstSeenAt;
  const daysSinceFirstSeen = daysSince(firstSeen, now);
  const daysSinceLastOrder = f.lastPaidOrderAt === null ? null : daysSince(f.lastPaidOrderAt, now);
  const daysSinceLastActivity = f.lastActivityAt === null ? null : daysSince(f.lastActivityAt, now);
  const daysSinceLastTouch = Math.min(daysSinceFirstSeen, daysSinceLastOrder ?? Infinity, daysSinceLastActivity ?? Infinity);
  const facts = { daysSinceFirstSeen, daysSinceLastOrder, daysSinceLastActivity, daysSinceLastTouch, paidOrderCount: f.paidOrderCount };
  const done = (stage: TLifecycleStage, reason: LifecycleReason): LifecycleResult => ({ stage, name: LIFECYCLE_STAGE_NAMES[stage], reason, facts, config });

  if (daysSinceLastTouch >= config.churnedAfterDays) return done('churned', 'no_touch_since_churn_threshold');
  if (daysSinceLastTouch >= config.dormantAfterDays) return done('dormant', 'no_touch_since_dormant_threshold');
  const boughtRecently = daysSinceLastOrder !== null && daysSinceLastOrder < config.dormantAfterDays;
  if (boughtRecently && f.paidOrderCount >= config.loyalMinOrders) return done('loyal', 'recent_orders_at_loyal_count');
  if (daysSinceFirstSeen < config.newWithinDays && f.paidOrderCount <= 1) return done('new', 'first_seen_recently');
  if (boughtRecently) return done('active', 'bought_recently');
  return done('potential', 'engaged_without_recent_order');
}
