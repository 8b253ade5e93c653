import { formatYuan, type TLevelInput, type TRechargePackageInput } from '@koi/contracts';
import { parseYuan } from '@/utils/money';

/** 会员与积分: the page's tabs, and the form ↔ input conversions (money typed in yuan, sent in fen). */
export const LOYALTY_TABS = ['rules', 'levels', 'packages', 'members'] as const;
export type TLoyaltyTab = (typeof LOYALTY_TABS)[number];

/** Ledger entry kinds the server writes (loyalty_entries.kind), for their labels. */
export const ENTRY_KINDS = ['order', 'first_order', 'signin', 'birthday', 'profile', 'review', 'adjust', 'freeze', 'release', 'redeem', 'clawback', 'expire', 'recharge', 'spend', 'refund'] as const;

export type TPackageForm = { name: string; amount: string; bonus: string; active: boolean; sort: number };
export const emptyPackageForm = (): TPackageForm => ({ name: '', amount: '', bonus: '0', active: true, sort: 0 });
export const packageToForm = (p: { name: string; amountFen: number; bonusFen: number; active: boolean; sort: number }): TPackageForm =>
  ({ name: p.name, amount: (p.amountFen / 100).toFixed(2), bonus: (p.bonusFen / 100).toFixed(2), active: p.active, sort: p.sort });

/** The form as the API's input, or the fields in error. */
export function toPackageInput(form: TPackageForm): { ok: true; input: TRechargePackageInput } | { ok: false; errors: Record<string, true> } {
  const amount = parseYuan(form.amount);
  const bonus = parseYuan(form.bonus);
  const errors: Record<string, true> = {};
  if (!form.name.trim()) errors.name = true;
  if (!amount.ok || amount.fen < 100) errors.amount = true;
  if (!bonus.ok) errors.bonus = true;
  if (Object.keys(errors).length || !amount.ok || !bonus.ok) return { ok: false, errors };
  return { ok: true, input: { name: form.name.trim(), amountFen: amount.fen, bonusFen: bonus.fen, active: form.active, sort: form.sort } };
}

export const emptyLevelForm = (): TLevelInput => ({ name: '', threshold: 0, benefits: { discountPercent: 0, freeShipping: false, pointsMultiplierPct: 100, birthdayGift: '' } });

export const yuan = (fen: number): string => formatYuan(fen);
