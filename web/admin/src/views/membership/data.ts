import { formatYuan, type TCardPlanInput, type TLevelBenefits, type TMemberDaySettings } from '@koi/contracts';
import { parseYuan } from '@/utils/money';

/** 付费会员 and 会员日: the page's tabs and the form ↔ input conversions (money typed in yuan, sent in fen). */
export const MEMBERSHIP_TABS = ['plans', 'memberDay'] as const;
export type TMembershipTab = (typeof MEMBERSHIP_TABS)[number];

export type TPlanForm = { name: string; price: string; periodDays: number; benefits: TLevelBenefits; active: boolean; sort: number };
export const emptyPlanForm = (): TPlanForm => ({
  name: '', price: '', periodDays: 365, active: true, sort: 0, benefits: { discountPercent: 0, freeShipping: false, pointsMultiplierPct: 100, birthdayGift: '' },
});
export const planToForm = (p: { name: string; priceFen: number; periodDays: number; benefits: TLevelBenefits; active: boolean; sort: number }): TPlanForm =>
  ({ name: p.name, price: (p.priceFen / 100).toFixed(2), periodDays: p.periodDays, benefits: { ...p.benefits }, active: p.active, sort: p.sort });

/** The form as the API's input, or the fields in error. */
export function toPlanInput(form: TPlanForm): { ok: true; input: TCardPlanInput } | { ok: false; errors: Record<string, true> } {
  const price = parseYuan(form.price);
  const errors: Record<string, true> = {};
  if (!form.name.trim()) errors.name = true;
  if (!price.ok || price.fen < 1) errors.price = true;
  if (!Number.isInteger(form.periodDays) || form.periodDays < 1 || form.periodDays > 3660) errors.periodDays = true;
  if (Object.keys(errors).length || !price.ok) return { ok: false, errors };
  return { ok: true, input: { name: form.name.trim(), priceFen: price.fen, periodDays: form.periodDays, benefits: { ...form.benefits, birthdayGift: form.benefits.birthdayGift.trim() }, active: form.active, sort: form.sort } };
}

/** The member day form keeps both rule kinds' choices, so switching weekly ↔ monthly loses nothing. */
export type TMemberDayForm = { enabled: boolean; type: 'weekly' | 'monthly'; weekdays: number[]; days: number[]; extraDiscountPercent: number; pointsMultiplierPct: number };
export function memberDayToForm(s: TMemberDaySettings): TMemberDayForm {
  return {
    enabled: s.enabled, type: s.rule.type, extraDiscountPercent: s.extraDiscountPercent, pointsMultiplierPct: s.pointsMultiplierPct,
    weekdays: s.rule.type === 'weekly' ? [...s.rule.weekdays] : [3], days: s.rule.type === 'monthly' ? [...s.rule.days] : [8],
  };
}
export function toMemberDay(f: TMemberDayForm): { ok: true; value: TMemberDaySettings } | { ok: false; errors: Record<string, true> } {
  const chosen = f.type === 'weekly' ? f.weekdays : f.days;
  if (!chosen.length) return { ok: false, errors: { rule: true } };
  const sorted = [...new Set(chosen)].sort((a, b) => a - b);
  return {
    ok: true,
    value: {
      enabled: f.enabled, extraDiscountPercent: f.extraDiscountPercent, pointsMultiplierPct: f.pointsMultiplierPct,
      rule: f.type === 'weekly' ? { type: 'weekly', weekdays: sorted } : { type: 'monthly', days: sorted },
    },
  };
}

export const yuan = (fen: number): string => formatYuan(fen);
