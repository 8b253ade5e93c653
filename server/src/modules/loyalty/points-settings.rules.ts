/**
 * The points settings form's rules (issue 8): defaults for the earn rules added after settings were
 * first saved, the checks zod cannot express (one field against another), and the ways to earn the
 * shop lists. Pure.
 */
import type { TEarnWay } from '@koi/contracts';
import { DEFAULT_REDEEM, type LoyaltySettings, type RedeemRule } from './points.rules.ts';

/** The earn rules and the reminder that settings saved before them do not name: all off. */
export const EARN_DEFAULTS = { birthday: 0, profile: 0, review: 0, reminderDays: 0 } as const;

export type PointsRules = LoyaltySettings['points'] & { birthday: number; profile: number; review: number; reminderDays: number; redeem: Required<RedeemRule> };

/** The points settings with every optional rule filled in. */
export function pointsRules(settings: LoyaltySettings): PointsRules {
  const p = settings.points;
  const redeem = p.redeem ?? DEFAULT_REDEEM;
  return {
    ...p,
    birthday: p.birthday ?? EARN_DEFAULTS.birthday,
    profile: p.profile ?? EARN_DEFAULTS.profile,
    review: p.review ?? EARN_DEFAULTS.review,
    reminderDays: p.reminderDays ?? EARN_DEFAULTS.reminderDays,
    redeem: { perYuan: redeem.perYuan, capPercent: redeem.capPercent, includeShipping: redeem.includeShipping ?? false },
  };
}

/** Settings as the admin form reads them: every field present. */
export function withDefaults(settings: LoyaltySettings): LoyaltySettings {
  return { ...settings, points: pointsRules(settings) };
}

export type FieldError = { path: string; message: string; code: string };

/** The shortest a rolling expiry can last, in days (N months are at least N × 28 days). */
const shortestDays = (months: number) => months * 28;

/**
 * What is wrong with otherwise well-formed settings, as problem+json field errors (paths as the
 * request body names them). Empty when they can be saved.
 */
export function settingsProblems(settings: LoyaltySettings): FieldError[] {
  const p = pointsRules(settings);
  const out: FieldError[] = [];
  if (p.reminderDays > 0 && p.expiry.mode === 'never') {
    out.push({ path: 'body.points.reminderDays', message: 'points never expire: set the reminder to 0 days', code: 'reminder_without_expiry' });
  }
  if (p.reminderDays > 0 && p.expiry.mode === 'rolling' && p.reminderDays >= shortestDays(p.expiry.months)) {
    out.push({ path: 'body.points.reminderDays', message: `the reminder must come fewer days before expiry than points last (${shortestDays(p.expiry.months)})`, code: 'reminder_too_early' });
  }
  if (p.redeem.capPercent > 0 && p.redeem.perYuan > 0 && p.signin.every((n) => n === 0) && p.perYuan === 0 && p.firstOrder === 0 && p.birthday === 0 && p.profile === 0 && p.review === 0) {
    out.push({ path: 'body.points', message: 'points can be spent but no rule earns any', code: 'no_earn_rule' });
  }
  return out;
}

/** The ways to earn points the shop lists (只读), in a fixed order, only those switched on. */
export function earnWays(settings: LoyaltySettings): TEarnWay[] {
  const p = pointsRules(settings);
  const ways: TEarnWay[] = [
    { kind: 'order', points: p.perYuan },
    { kind: 'signin', points: Math.max(0, ...p.signin) },
    { kind: 'first_order', points: p.firstOrder },
    { kind: 'birthday', points: p.birthday },
    { kind: 'profile', points: p.profile },
    { kind: 'review', points: p.review },
  ];
  return ways.filter((w) => w.points > 0);
}
