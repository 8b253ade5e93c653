import { formatYuan, type TShippingChargeMode, type TShippingRule, type TShippingTemplate, type TShippingTemplateInput } from '@koi/contracts';
import { fenToYuanText, parseYuan } from '@/utils/money';

type T = (key: string, values?: Record<string, unknown>) => string;

/**
 * The template editor's form. Money is typed in yuan and units as text (pieces, or kg with up to three
 * decimals for a weight template); the request speaks fen and grams. Regions are province or city
 * codes as the template stores them. Errors use the contract's paths, as the server's do.
 */
export interface TRuleForm {
  first: string;
  firstFee: string;
  additional: string;
  additionalFee: string;
}
export interface TRegionRuleForm extends TRuleForm {
  regions: string[];
}
export interface TFreeForm {
  regions: string[];
  minAmount: string;
  minQuantity: string;
}
export interface TTemplateForm {
  name: string;
  chargeBy: TShippingChargeMode;
  defaultRule: TRuleForm;
  regionRules: TRegionRuleForm[];
  undeliverable: string[];
  freeShipping: TFreeForm[];
  isDefault: boolean;
}

/** The contract's bounds (ZShippingRule): up to ¥10,000 a fee, up to a tonne or 1,000,000 pieces a step. */
const MAX_FEE_FEN = 10_000_00;
const MAX_UNITS = 1_000_000;

const unitsText = (mode: TShippingChargeMode, units: number) => (mode === 'piece' ? String(units) : String(units / 1000));

/** One unit (a piece or 1 kg) first, one unit each after; fees left for the operator. */
export function emptyRule(): TRuleForm {
  return { first: '1', firstFee: '', additional: '1', additionalFee: '' };
}

export function emptyTemplateForm(): TTemplateForm {
  return { name: '', chargeBy: 'piece', defaultRule: emptyRule(), regionRules: [], undeliverable: [], freeShipping: [], isDefault: false };
}

function ruleToForm(mode: TShippingChargeMode, r: TShippingRule): TRuleForm {
  return { first: unitsText(mode, r.first), firstFee: fenToYuanText(r.firstFeeFen), additional: unitsText(mode, r.additional), additionalFee: fenToYuanText(r.additionalFeeFen) };
}

export function templateToForm(t: TShippingTemplate): TTemplateForm {
  return {
    name: t.name,
    chargeBy: t.chargeBy,
    defaultRule: ruleToForm(t.chargeBy, t.defaultRule),
    regionRules: t.regionRules.map((r) => ({ ...ruleToForm(t.chargeBy, r), regions: [...r.regions] })),
    undeliverable: [...t.undeliverable],
    freeShipping: t.freeShipping.map((c) => ({
      regions: [...c.regions],
      minAmount: fenToYuanText(c.minAmountFen),
      minQuantity: c.minQuantity === null ? '' : String(c.minQuantity),
    })),
    isDefault: t.isDefault,
  };
}

/** Pieces: a whole number; kg: up to three decimals, read digit by digit into grams (no floats). */
export function parseUnits(mode: TShippingChargeMode, text: string): number | null {
  const s = text.trim();
  if (mode === 'piece') {
    if (!/^\d+$/.test(s)) return null;
    const n = Number(s);
    return n >= 1 && n <= MAX_UNITS ? n : null;
  }
  const m = /^(\d{1,4})(?:\.(\d{1,3}))?$/.exec(s);
  if (!m) return null;
  const grams = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return grams >= 1 && grams <= MAX_UNITS ? grams : null;
}

export type TTemplateResult = { ok: true; input: TShippingTemplateInput } | { ok: false; errors: Record<string, string> };

/** The request, or every mistake at the contract's path (`defaultRule.firstFeeFen`, `regionRules.1.regions` …). */
export function toTemplateInput(form: TTemplateForm, t: T): TTemplateResult {
  const errors: Record<string, string> = {};
  const mode = form.chargeBy;
  const rule = (r: TRuleForm, path: string): TShippingRule | null => {
    const first = parseUnits(mode, r.first);
    const additional = parseUnits(mode, r.additional);
    const firstFee = parseYuan(r.firstFee, { maxFen: MAX_FEE_FEN });
    const additionalFee = parseYuan(r.additionalFee, { maxFen: MAX_FEE_FEN });
    if (first === null) errors[`${path}.first`] = t(`shipping.unitsInvalid.${mode}`);
    if (additional === null) errors[`${path}.additional`] = t(`shipping.unitsInvalid.${mode}`);
    if (!firstFee.ok) errors[`${path}.firstFeeFen`] = t(`money.${firstFee.error}`);
    if (!additionalFee.ok) errors[`${path}.additionalFeeFen`] = t(`money.${additionalFee.error}`);
    if (first === null || additional === null || !firstFee.ok || !additionalFee.ok) return null;
    return { first, firstFeeFen: firstFee.fen, additional, additionalFeeFen: additionalFee.fen };
  };

  const name = form.name.trim();
  if (!name) errors.name = t('shipping.nameRequired');
  else if (name.length > 30) errors.name = t('shipping.nameTooLong');
  const defaultRule = rule(form.defaultRule, 'defaultRule');
  const regionRules = form.regionRules.map((r, i) => {
    const regions = [...r.regions];
    if (!regions.length) errors[`regionRules.${i}.regions`] = t('shipping.regionsRequired');
    const parsed = rule(r, `regionRules.${i}`);
    return parsed ? { ...parsed, regions } : null;
  });
  const freeShipping = form.freeShipping.map((c, i) => {
    const amount = c.minAmount.trim() === '' ? { ok: true as const, fen: null } : parseYuan(c.minAmount);
    const quantityText = c.minQuantity.trim();
    const quantity = quantityText === '' ? null : /^\d+$/.test(quantityText) && Number(quantityText) >= 1 && Number(quantityText) <= 9999 ? Number(quantityText) : Number.NaN;
    if (!amount.ok) errors[`freeShipping.${i}.minAmountFen`] = t(`money.${amount.error}`);
    else if (amount.fen === 0) errors[`freeShipping.${i}.minAmountFen`] = t('shipping.amountPositive');
    if (Number.isNaN(quantity)) errors[`freeShipping.${i}.minQuantity`] = t('shipping.quantityInvalid');
    if (amount.ok && amount.fen === null && quantity === null) errors[`freeShipping.${i}.minAmountFen`] = t('shipping.conditionRequired');
    return { regions: [...c.regions], minAmountFen: amount.ok ? amount.fen : null, minQuantity: Number.isNaN(quantity) ? null : quantity };
  });
  if (Object.keys(errors).length || !defaultRule || regionRules.some((r) => r === null)) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name,
      chargeBy: mode,
      defaultRule,
      regionRules: regionRules.filter((r) => r !== null),
      undeliverable: [...form.undeliverable],
      freeShipping,
      isDefault: form.isDefault,
    },
  };
}

/** 首件 1 件 ¥8.00，续件 1 件 ¥2.00 / first 1 kg ¥12.00, each 0.5 kg ¥3.00. */
export function ruleSummary(mode: TShippingChargeMode, r: TShippingRule, t: T): string {
  return t(`shipping.ruleSummary.${mode}`, {
    first: unitsText(mode, r.first),
    firstFee: formatYuan(r.firstFeeFen),
    additional: unitsText(mode, r.additional),
    additionalFee: formatYuan(r.additionalFeeFen),
  });
}

/** 满 ¥199.00 包邮 / 满 3 件包邮 / 满 ¥99.00 且 2 件包邮. */
export function freeSummary(c: { minAmountFen: number | null; minQuantity: number | null }, t: T): string {
  if (c.minAmountFen !== null && c.minQuantity !== null) return t('shipping.freeBoth', { amount: formatYuan(c.minAmountFen), quantity: c.minQuantity });
  if (c.minAmountFen !== null) return t('shipping.freeAmount', { amount: formatYuan(c.minAmountFen) });
  return t('shipping.freeQuantity', { quantity: c.minQuantity ?? 0 });
}
