import type { TLoyaltySettings } from '@koi/contracts';

/**
 * 积分规则 form (issue 8): the settings with every rule present (a server from before the new rules
 * omits them), the sign-in table's rows, and the checks the server makes, run here first so the
 * operator sees them on the field before saving. The server checks again (422 `loyalty.settings_invalid`).
 */
export type TPointsForm = TLoyaltySettings & {
  points: TLoyaltySettings['points'] & {
    birthday: number; profile: number; review: number; reminderDays: number;
    redeem: { perYuan: number; capPercent: number; includeShipping: boolean };
  };
};

export const SIGNIN_MAX_DAYS = 7;

export function settingsForm(s: TLoyaltySettings): TPointsForm {
  const p = s.points;
  const redeem = p.redeem ?? { perYuan: 100, capPercent: 50 };
  return {
    ...s,
    points: {
      ...p,
      signin: [...p.signin],
      birthday: p.birthday ?? 0, profile: p.profile ?? 0, review: p.review ?? 0, reminderDays: p.reminderDays ?? 0,
      redeem: { perYuan: redeem.perYuan, capPercent: redeem.capPercent, includeShipping: redeem.includeShipping ?? false },
    },
  };
}

/** Adds a day to the sign-in table (repeating the last day's points), up to 7 days. */
export function addSigninDay(table: readonly number[]): number[] {
  return table.length >= SIGNIN_MAX_DAYS ? [...table] : [...table, table[table.length - 1] ?? 0];
}

/** Removes the last day, keeping at least one. */
export function removeSigninDay(table: readonly number[]): number[] {
  return table.length <= 1 ? [...table] : table.slice(0, -1);
}

export type TRuleProblem = 'reminder_without_expiry' | 'reminder_too_early' | 'no_earn_rule';

/** The form's cross-field problems by field path (as the server names them without `body.`): empty when it can be saved. */
export function rulesProblems(f: TPointsForm): Record<string, TRuleProblem> {
  const p = f.points;
  const out: Record<string, TRuleProblem> = {};
  if (p.reminderDays > 0 && p.expiry.mode === 'never') out['points.reminderDays'] = 'reminder_without_expiry';
  if (p.reminderDays > 0 && p.expiry.mode === 'rolling' && p.reminderDays >= p.expiry.months * 28) out['points.reminderDays'] = 'reminder_too_early';
  const earns = p.perYuan + p.firstOrder + p.birthday + p.profile + p.review + p.signin.reduce((a, b) => a + b, 0);
  if (p.redeem.capPercent > 0 && earns === 0) out.points = 'no_earn_rule';
  return out;
}

/** What the shopper is told (the shop's 积分 page lists the rules switched on). */
export function earnSummary(f: TPointsForm): { kind: 'order' | 'signin' | 'first_order' | 'birthday' | 'profile' | 'review'; points: number }[] {
  const p = f.points;
  const all = [
    { kind: 'order' as const, points: p.perYuan },
    { kind: 'signin' as const, points: Math.max(0, ...p.signin) },
    { kind: 'first_order' as const, points: p.firstOrder },
    { kind: 'birthday' as const, points: p.birthday },
    { kind: 'profile' as const, points: p.profile },
    { kind: 'review' as const, points: p.review },
  ];
  return all.filter((w) => w.points > 0);
}
