import type { TCustomerProfilesChangedEvent, TReviewSubmittedEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { shanghaiDay } from './points.rules.ts';
import { birthdaysCelebrated, earnKeys, profileComplete } from './points-earn.rules.ts';
import { pointsRules } from './points-settings.rules.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';
import type { Points } from './points.ts';
import type { Members } from './members.ts';

/** What the occasional earn rules need of other modules (bound in index.ts). */
export type EarnPorts = {
  /** Live customers born on 'MM-DD', by id after `after` (the customer module's `birthdaysOn`). */
  birthdaysOn(monthDay: string, after: string | null, limit: number): Promise<string[]>;
  /** How many shop logins the customer has (identity): 生日积分 and 完善资料 reward shoppers, not imported records. */
  loginCount(customerId: string, q: Q): Promise<number>;
};

/**
 * 生日积分, 完善资料 and 评价积分 (issue 8). Each award is one ledger entry whose key names the
 * occasion (see `earnKeys`): a second try — a job run twice, an event delivered again, two at once —
 * finds the key taken and changes nothing. An amount of 0 switches the rule off.
 */
export function createPointsEarn(db: Db, deps: { config: LoyaltyConfig; points: Points; members: Members; ports: () => EarnPorts; log: Logger }) {
  const { config, points, members } = deps;

  async function award(q: Q, customerId: string, key: string, kind: string, amount: number, memo: string, ref?: string): Promise<boolean> {
    if (amount <= 0) return false;
    const settings = await config.settings(q);
    await members.ensure(q, customerId);
    const posted = await points.earn(q, { customerId, key, kind, amount, memo, ref, expiry: settings.points.expiry });
    return !!posted && !posted.duplicate;
  }

  return {
    /**
     * The daily birthday pass (generous with the hour: run any time on the day): every live customer
     * with a shop account whose birthday is today in Shanghai gets the birthday points, once per year.
     * Returns how many got them now.
     */
    async birthdayPass(now: Date, page = 200): Promise<number> {
      const rules = pointsRules(await config.settings());
      if (rules.birthday <= 0) return 0;
      const today = shanghaiDay(now);
      let awarded = 0;
      for (const md of birthdaysCelebrated(today)) {
        let after: string | null = null;
        for (;;) {
          const ids = await deps.ports().birthdaysOn(md, after, page);
          for (const id of ids) {
            const given = await db.tx(async (q) => (await deps.ports().loginCount(id, q)) > 0
              && award(q, id, earnKeys.birthday(id, today), 'birthday', rules.birthday, '生日积分'));
            if (given) awarded++;
          }
          if (ids.length < page) break;
          after = ids[ids.length - 1]!;
        }
      }
      return awarded;
    },

    /** `customer.profiles_changed`: a shopper whose profile is now complete gets 完善资料 points, once. */
    async onProfilesChanged(q: Q, e: TCustomerProfilesChangedEvent): Promise<void> {
      const rules = pointsRules(await config.settings(q));
      if (rules.profile <= 0) return;
      for (const p of e.profiles) {
        if (!profileComplete(p)) continue;
        if ((await deps.ports().loginCount(p.customerId, q)) === 0) continue;
        await award(q, p.customerId, earnKeys.profile(p.customerId), 'profile', rules.profile, '完善资料');
      }
    },

    /** `review.submitted`: 评价积分 once per review (one review per order line). */
    async onReviewSubmitted(q: Q, e: TReviewSubmittedEvent): Promise<void> {
      const rules = pointsRules(await config.settings(q));
      await award(q, e.customerId, earnKeys.review(e.reviewId), 'review', rules.review, '评价积分', `order:${e.orderId}`);
    },
  };
}
export type PointsEarn = ReturnType<typeof createPointsEarn>;
