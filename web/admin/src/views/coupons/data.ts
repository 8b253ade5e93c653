import type { TCouponTemplate, TCouponTemplateInput, TCouponValidity, TKindDescriptor } from '@koi/contracts';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';
import { parseWholeNumber } from '@/utils/money';
import { argsToForm, emptyRow, formToArgs, formToScope, scopeToForm, type TArgRow, type TScopeForm } from '@/utils/kind-args';

type T = (key: string, values?: Record<string, unknown>) => string;

export const TEMPLATE_STATUS_TAG = { draft: 'info', active: 'success', ended: 'primary' } as const;

export function templateColumns(t: T): TColumn<TCouponTemplate>[] {
  return [
    { prop: 'name', label: t('coupon.name'), minWidth: 160 },
    { prop: 'summary', label: t('coupon.rule'), minWidth: 200 },
    { prop: 'validity', label: t('coupon.validity'), minWidth: 190, formatter: (r) => validityText(r.validity, t) },
    { prop: 'issuedCount', label: t('coupon.issued'), width: 120, formatter: (r) => `${r.issuedCount} / ${r.totalQuantity ?? t('coupon.unlimited')}` },
    { prop: 'usedCount', label: t('coupon.used'), width: 80, formatter: (r) => String(r.usedCount) },
    { prop: 'perCustomerLimit', label: t('coupon.perCustomer'), width: 100, formatter: (r) => t('coupon.perCustomerText', { n: r.perCustomerLimit }) },
    { prop: 'status', label: t('coupon.status'), width: 100 },
  ];
}

export function validityText(v: TCouponValidity, t: T): string {
  return v.type === 'fixed' ? `${formatDateTime(v.from)} – ${formatDateTime(v.until)}` : t('coupon.relativeText', { days: v.days });
}

export interface TTemplateForm {
  name: string;
  kind: string;
  args: TArgRow;
  scope: TScopeForm;
  validityType: TCouponValidity['type'];
  from: string;
  until: string;
  days: string;
  perCustomerLimit: number;
  total: string;
  claimable: boolean;
  status: 'draft' | 'active';
}

export function emptyTemplateForm(kind: TKindDescriptor | undefined): TTemplateForm {
  return {
    name: '', kind: kind?.kind ?? '', args: kind ? emptyRow(kind.fields) : {}, scope: { type: 'all', categoryIds: [], productIds: [], excludeProductIds: [] },
    validityType: 'relative', from: '', until: '', days: '30', perCustomerLimit: 1, total: '', claimable: true, status: 'active',
  };
}

export function templateToForm(c: TCouponTemplate, kind: TKindDescriptor | undefined): TTemplateForm {
  const v = c.validity;
  return {
    name: c.name, kind: c.kind, args: kind ? argsToForm(kind.fields, c.args) : {}, scope: scopeToForm(c.scope), validityType: v.type,
    from: v.type === 'fixed' ? v.from : '', until: v.type === 'fixed' ? v.until : '', days: v.type === 'relative' ? String(v.days) : '30',
    perCustomerLimit: c.perCustomerLimit, total: c.totalQuantity === null ? '' : String(c.totalQuantity), claimable: c.claimable,
    status: c.status === 'draft' ? 'draft' : 'active',
  };
}

export type TTemplateResult = { ok: true; input: TCouponTemplateInput } | { ok: false; errors: Record<string, string> };

/** The request, or the mistakes at the request's paths (`validity.days`, `totalQuantity`, `args.amountFen` …). */
export function toTemplateInput(form: TTemplateForm, kind: TKindDescriptor | undefined, t: T): TTemplateResult {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (!name) errors.name = t('coupon.nameRequired');
  else if (name.length > 40) errors.name = t('coupon.nameTooLong');
  if (!kind) errors.kind = t('promotion.kindRequired');
  const args = kind ? formToArgs(kind.fields, form.args, t) : ({ ok: true, args: {} } as const);
  if (!args.ok) Object.assign(errors, args.errors);
  const scope = formToScope(form.scope, t, errors);
  let validity: TCouponValidity | null = null;
  if (form.validityType === 'relative') {
    const days = parseWholeNumber(form.days, 1, 3650);
    if (days.ok) validity = { type: 'relative', days: days.value };
    else errors['validity.days'] = t('coupon.daysInvalid');
  } else if (!form.from || !form.until) errors['validity.until'] = t('coupon.datesRequired');
  else if (Date.parse(form.until) <= Date.parse(form.from)) errors['validity.until'] = t('promotion.endBeforeStart');
  else validity = { type: 'fixed', from: form.from, until: form.until };
  let totalQuantity: number | null = null;
  if (form.total.trim()) {
    const n = parseWholeNumber(form.total, 1, 10_000_000);
    if (n.ok) totalQuantity = n.value;
    else errors.totalQuantity = t('coupon.totalInvalid');
  }
  if (Object.keys(errors).length || !args.ok || !validity) return { ok: false, errors };
  return {
    ok: true,
    input: { kind: form.kind, name, args: args.args, scope, validity, perCustomerLimit: form.perCustomerLimit, totalQuantity, claimable: form.claimable, status: form.status },
  };
}
