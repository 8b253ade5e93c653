import { CustomerEvents, ReviewEvents, type TCustomerProfilesChangedEvent, type TReviewSubmittedEvent } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { App } from '../../platform/http.ts';
import { clock } from '../../platform/clock.ts';
import { createPointsEarn, type EarnPorts } from './points-earn.ts';
import { createExpiryReminder } from './points-expiry-reminder.ts';
import { registerPointsSettingsRoutes } from './points-settings.routes.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';
import type { Points } from './points.ts';
import type { Members } from './members.ts';

export const BIRTHDAY_QUEUE = 'loyalty.points-birthday';
export const REMINDER_QUEUE = 'loyalty.points-expiry-reminder';

/**
 * The occasional earn rules and the expiry reminder, wired (issue 8): the birthday pass and the
 * reminder run daily as pg-boss jobs; 完善资料 and 评价积分 react to the customer and review events.
 */
export function setupPointsEarn(deps: { db: Db; log: Logger; jobs: Jobs; bus: EventBus; config: LoyaltyConfig; points: Points; members: Members; ports: EarnPorts }) {
  const { db, log, jobs, bus } = deps;
  const earn = createPointsEarn(db, { config: deps.config, points: deps.points, members: deps.members, ports: () => deps.ports, log });
  const reminder = createExpiryReminder(db, { config: deps.config });

  bus.subscribe(CustomerEvents.profilesChanged, 'loyalty.profile-points', (e, q) => earn.onProfilesChanged(q, e.payload as TCustomerProfilesChangedEvent));
  bus.subscribe(ReviewEvents.submitted, 'loyalty.review-points', (e, q) => earn.onReviewSubmitted(q, e.payload as TReviewSubmittedEvent));

  jobs.define(BIRTHDAY_QUEUE, { retryLimit: 3, expireInSeconds: 1800 }, async () => {
    const n = await earn.birthdayPass(clock.now());
    log.info({ customers: n }, 'loyalty birthday points');
  });
  jobs.define(REMINDER_QUEUE, { retryLimit: 3, expireInSeconds: 1800 }, async () => {
    const n = await reminder.run(clock.now());
    log.info({ reminders: n }, 'loyalty points expiry reminders');
  });

  return {
    earn,
    reminder,
    /** Birthday points just after midnight, reminders at 10:00 (a decent hour for a message), Asia/Shanghai. */
    async schedule(): Promise<void> {
      await jobs.schedule(BIRTHDAY_QUEUE, '5 0 * * *');
      await jobs.schedule(REMINDER_QUEUE, '0 10 * * *');
    },
    registerRoutes(app: App): void {
      registerPointsSettingsRoutes(app, { db, config: deps.config });
    },
  };
}
