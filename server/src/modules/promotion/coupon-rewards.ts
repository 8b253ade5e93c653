import { sql } from 'drizzle-orm';
import type { TRewardOccasion, TRewardSettings } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import type { CouponIssuer, IssueOutcome } from './coupon-issue.ts';
import { birthdayMonthDays, issueKey, shanghaiDay } from './coupon-issue.rules.ts';
import type { IssuancePorts } from './coupon-issue-ports.ts';

export const BIRTHDAY_QUEUE = 'promotion.coupon-birthday';
const PAGE = 500;

/**
 * 奖励券: the template issued to a new customer (on registration), on a birthday (a daily job) and on
 * reaching a higher level (on the loyalty event). Each is keyed by its occasion, so an event
 * delivered twice or a job run twice issues once; each counts against the template's limits, and
 * a refusal (sold out, at the limit, template ended) is logged and skipped, never retried forever.
 */
export function createCouponRewards(deps: { db: Db; jobs?: Jobs; log?: Logger; issuer: CouponIssuer; ports: IssuancePorts }) {
  const { db, issuer, ports } = deps;

  async function templateFor(occasion: TRewardOccasion, q?: Q): Promise<string | null> {
    const [r] = await db.rows<{ template_id: string | null }>(sql`select template_id from promotion_coupon_rewards where occasion = ${occasion}`, q);
    return r?.template_id ?? null;
  }

  async function reward(q: Q, occasion: TRewardOccasion, customerId: string, key: string): Promise<IssueOutcome | null> {
    const templateId = await templateFor(occasion, q);
    if (!templateId) return null;
    const t = await issuer.template(templateId, q);
    if (!t) return null;
    const out = await issuer.issueOne(q, t, customerId, key);
    if (!out.ok && out.reason !== 'already_issued') deps.log?.info({ occasion, customerId, reason: out.reason }, 'reward coupon not issued');
    return out;
  }

  async function birthdays(now = clock.now()): Promise<{ issued: number; skipped: number }> {
    const tally = { issued: 0, skipped: 0 };
    if (!ports.birthdaysOn || !(await templateFor('birthday'))) return tally;
    const day = shanghaiDay(now);
    const year = Number(day.slice(0, 4));
    for (const md of birthdayMonthDays(day)) {
      let after: string | null = null;
      for (;;) {
        const ids = await ports.birthdaysOn(md, after, PAGE);
        for (const customerId of ids) {
          const out = await db.tx((q) => reward(q, 'birthday', customerId, issueKey({ kind: 'reward', occasion: 'birthday', customerId, at: { year } })));
          if (out?.ok) tally.issued++;
          else tally.skipped++;
        }
        if (ids.length < PAGE) break;
        after = ids.at(-1)!;
      }
    }
    return tally;
  }

  deps.jobs?.define(BIRTHDAY_QUEUE, { retryLimit: 2, expireInSeconds: 3600 }, async () => { await birthdays(); });

  return {
    birthdays,
    /** On `identity.shopper_registered`, inside the subscriber's transaction. */
    onRegistered: (q: Q, customerId: string) => reward(q, 'new_customer', customerId, issueKey({ kind: 'reward', occasion: 'new_customer', customerId })),
    /** On `loyalty.level_changed` upwards: once per level reached. */
    onLevelUp: (q: Q, customerId: string, levelId: string) => reward(q, 'level_up', customerId, issueKey({ kind: 'reward', occasion: 'level_up', customerId, at: { levelId } })),

    async settings(): Promise<TRewardSettings> {
      const rows = await db.rows<{ occasion: TRewardOccasion; template_id: string | null }>(sql`select occasion, template_id from promotion_coupon_rewards`);
      const s: TRewardSettings = { new_customer: null, birthday: null, level_up: null };
      for (const r of rows) s[r.occasion] = r.template_id;
      return s;
    },

    async saveSettings(next: TRewardSettings): Promise<TRewardSettings> {
      const now = clock.now();
      await db.tx(async (q) => {
        for (const occasion of ['new_customer', 'birthday', 'level_up'] as const) {
          const id = next[occasion];
          if (id && !(await issuer.template(id, q))) {
            throw new KoiError('resource.not_found', { what: 'coupon_template' }, { fieldErrors: [{ path: `body.${occasion}`, message: 'not found' }] });
          }
          await db.rows(sql`insert into promotion_coupon_rewards (occasion, template_id, updated_at) values (${occasion}, ${id}, ${now})
            on conflict (occasion) do update set template_id = excluded.template_id, updated_at = excluded.updated_at`, q);
        }
      });
      return this.settings();
    },
    schedule: async () => { await deps.jobs?.schedule(BIRTHDAY_QUEUE, '0 9 * * *'); },
  };
}
export type CouponRewards = ReturnType<typeof createCouponRewards>;
