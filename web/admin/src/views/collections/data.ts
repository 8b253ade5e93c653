import type { TCollection, TCollectionInput } from '@koi/contracts';
import type { TCollectionRule } from '@/api/catalog-types';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';
import { fenToYuanText, parseOptionalYuan } from '@/utils/money';

type T = (key: string, values?: Record<string, unknown>) => string;

export const RULE_SORTS = ['sales', 'newest', 'price_asc', 'price_desc'] as const satisfies readonly TCollectionRule['sort'][];

export function collectionColumns(t: T): TColumn<TCollection>[] {
  return [
    { prop: 'name', label: t('collection.name'), minWidth: 180 },
    { prop: 'mode', label: t('collection.mode'), width: 120 },
    { prop: 'rule', label: t('collection.content'), minWidth: 280 },
    { prop: 'productCount', label: t('collection.productCount'), width: 110, formatter: (r) => String(r.productCount) },
    { prop: 'updatedAt', label: t('product.updatedAt'), minWidth: 150, formatter: (r) => formatDateTime(r.updatedAt) },
  ];
}

export interface TCollectionForm {
  name: string;
  mode: TCollection['mode'];
  productIds: string[];
  categoryId: string;
  tag: string;
  priceMin: string;
  priceMax: string;
  sort: TCollectionRule['sort'];
  limit: number;
}

export function emptyCollectionForm(): TCollectionForm {
  return { name: '', mode: 'manual', productIds: [], categoryId: '', tag: '', priceMin: '', priceMax: '', sort: 'sales', limit: 50 };
}

export function collectionToForm(c: TCollection): TCollectionForm {
  const r = c.rule;
  return {
    name: c.name,
    mode: c.mode,
    productIds: [...c.productIds],
    categoryId: r?.categoryId ?? '',
    tag: r?.tag ?? '',
    priceMin: fenToYuanText(r?.priceMinFen),
    priceMax: fenToYuanText(r?.priceMaxFen),
    sort: r?.sort ?? 'sales',
    limit: r?.limit ?? 50,
  };
}

export type TCollectionResult = { ok: true; input: TCollectionInput } | { ok: false; errors: Record<string, string> };

/** The request, or the mistakes at the contract's paths (`name`, `rule.priceMinFen` …). */
export function toCollectionInput(form: TCollectionForm, t: T): TCollectionResult {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (!name) errors.name = t('collection.nameRequired');
  else if (name.length > 30) errors.name = t('collection.nameTooLong');
  if (form.mode === 'manual') {
    if (form.productIds.length === 0) errors.productIds = t('collection.productsRequired');
    if (Object.keys(errors).length) return { ok: false, errors };
    return { ok: true, input: { name, mode: 'manual', productIds: form.productIds, rule: null } };
  }
  const min = parseOptionalYuan(form.priceMin);
  const max = parseOptionalYuan(form.priceMax);
  if (!min.ok) errors['rule.priceMinFen'] = t(`money.${min.error}`);
  if (!max.ok) errors['rule.priceMaxFen'] = t(`money.${max.error}`);
  if (min.ok && max.ok && min.fen !== null && max.fen !== null && max.fen < min.fen) errors['rule.priceMaxFen'] = t('collection.priceOrder');
  if (form.tag.trim().length > 20) errors['rule.tag'] = t('product.tagTooLong');
  if (!form.categoryId && !form.tag.trim() && min.ok && min.fen === null && max.ok && max.fen === null) errors.rule = t('collection.ruleEmpty');
  if (Object.keys(errors).length || !min.ok || !max.ok) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name,
      mode: 'rule',
      productIds: [],
      rule: {
        categoryId: form.categoryId || null,
        tag: form.tag.trim() || null,
        priceMinFen: min.fen,
        priceMaxFen: max.fen,
        sort: form.sort,
        limit: form.limit,
      },
    },
  };
}
