import type { TKindDescriptor, TPromotion, TPromotionInput, TPromotionState } from '@koi/contracts';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';
import { argsToForm, emptyRow, formToArgs, formToScope, scopeToForm, type TArgRow, type TScopeForm } from '@/utils/kind-args';

type T = (key: string, values?: Record<string, unknown>) => string;

export const PROMOTION_TABS = ['all', 'running', 'scheduled', 'draft', 'ended'] as const satisfies readonly ('all' | TPromotionState)[];
export const STATE_TAG: Record<TPromotionState, 'success' | 'warning' | 'info' | 'primary'> = { running: 'success', scheduled: 'warning', draft: 'info', ended: 'primary' };

export function promotionColumns(t: T): TColumn<TPromotion>[] {
  return [
    { prop: 'name', label: t('promotion.name'), minWidth: 160 },
    { prop: 'summary', label: t('promotion.rule'), minWidth: 240 },
    { prop: 'state', label: t('promotion.state'), width: 100 },
    { prop: 'startsAt', label: t('promotion.period'), minWidth: 230, formatter: (r) => periodText(r.startsAt, r.endsAt, t) },
    { prop: 'priority', label: t('promotion.priority'), width: 90, formatter: (r) => String(r.priority) },
    { prop: 'updatedAt', label: t('product.updatedAt'), minWidth: 150, formatter: (r) => formatDateTime(r.updatedAt) },
  ];
}

export function periodText(from: string, until: string | null, t: T): string {
  return `${formatDateTime(from)} – ${until ? formatDateTime(until) : t('promotion.noEnd')}`;
}

export interface TPromotionForm {
  name: string;
  kind: string;
  args: TArgRow;
  scope: TScopeForm;
  startsAt: string;
  endsAt: string;
  priority: number;
  status: 'draft' | 'active';
}

export function emptyPromotionForm(kind: TKindDescriptor | undefined, now: Date): TPromotionForm {
  return {
    name: '', kind: kind?.kind ?? '', args: kind ? emptyRow(kind.fields) : {}, scope: { type: 'all', categoryIds: [], productIds: [], excludeProductIds: [] },
    startsAt: now.toISOString(), endsAt: '', priority: 0, status: 'active',
  };
}

export function promotionToForm(p: TPromotion, kind: TKindDescriptor | undefined): TPromotionForm {
  return {
    name: p.name, kind: p.kind, args: kind ? argsToForm(kind.fields, p.args) : {}, scope: scopeToForm(p.scope),
    startsAt: p.startsAt, endsAt: p.endsAt ?? '', priority: p.priority, status: p.status === 'draft' ? 'draft' : 'active',
  };
}

export type TPromotionResult = { ok: true; input: TPromotionInput } | { ok: false; errors: Record<string, string> };

/** The request, or the mistakes at the request's paths (`name`, `args.tiers.0.discountFen`, `endsAt` …). */
export function toPromotionInput(form: TPromotionForm, kind: TKindDescriptor | undefined, t: T): TPromotionResult {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (!name) errors.name = t('promotion.nameRequired');
  else if (name.length > 40) errors.name = t('promotion.nameTooLong');
  if (!kind) errors.kind = t('promotion.kindRequired');
  const args = kind ? formToArgs(kind.fields, form.args, t) : ({ ok: true, args: {} } as const);
  if (!args.ok) Object.assign(errors, args.errors);
  const scope = formToScope(form.scope, t, errors);
  if (!form.startsAt) errors.startsAt = t('promotion.startRequired');
  if (form.startsAt && form.endsAt && Date.parse(form.endsAt) <= Date.parse(form.startsAt)) errors.endsAt = t('promotion.endBeforeStart');
  if (Object.keys(errors).length || !args.ok) return { ok: false, errors };
  return {
    ok: true,
    input: { kind: form.kind, name, args: args.args, scope, startsAt: form.startsAt, endsAt: form.endsAt || null, priority: form.priority, status: form.status },
  };
}
