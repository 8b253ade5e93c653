import type { TArgField, TLocalText, TScope } from '@koi/contracts';
import { fenToYuanText, parseWholeNumber, parseYuan } from './money.ts';

/**
 * The form model of a kind's arguments, driven only by the field descriptors the server generated
 * from the kind's schema: money is typed in yuan (text), whole numbers as text, switches as booleans,
 * a SKU (`sku`) as its id, lists as rows of the same. `formToArgs` gives the request's `args` or the mistakes at the request's
 * paths (`args.tiers.1.discountFen`), the same paths the server uses, so one error map serves both.
 */
export type TArgValue = string | boolean | TArgRow[];
export type TArgRow = { [key: string]: TArgValue };

type T = (key: string, values?: Record<string, unknown>) => string;

export function localText(text: TLocalText, locale: string): string {
  return locale === 'en' ? text.en : text.zh;
}

function emptyValue(f: TArgField): TArgValue {
  if (f.type === 'list') return Array.from({ length: f.minItems ?? 0 }, () => emptyRow(f.fields));
  if (f.type === 'boolean') return f.default === true;
  if (f.type === 'fen') return typeof f.default === 'number' ? fenToYuanText(f.default) : '';
  if (f.type === 'enum') return typeof f.default === 'string' ? f.default : (f.options[0]?.value ?? '');
  return f.default === null || f.default === undefined ? '' : String(f.default);
}

export function emptyRow(fields: readonly TArgField[]): TArgRow {
  return Object.fromEntries(fields.map((f) => [f.key, emptyValue(f)]));
}

/** Stored args → form values (a missing field gets its default). */
export function argsToForm(fields: readonly TArgField[], args: Record<string, unknown>): TArgRow {
  return Object.fromEntries(fields.map((f) => {
    const v = args[f.key];
    if (v === undefined || v === null) return [f.key, emptyValue(f)];
    if (f.type === 'list') return [f.key, Array.isArray(v) ? v.map((item) => argsToForm(f.fields, (item ?? {}) as Record<string, unknown>)) : []];
    if (f.type === 'boolean') return [f.key, v === true];
    if (f.type === 'fen') return [f.key, typeof v === 'number' ? fenToYuanText(v) : ''];
    return [f.key, String(v)];
  }));
}

export type TArgsResult = { ok: true; args: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/** Form values → the request's args, checking what the descriptors say (required, min, max, list sizes). */
export function formToArgs(fields: readonly TArgField[], form: TArgRow, t: T, prefix = 'args'): TArgsResult {
  const errors: Record<string, string> = {};
  const args = convert(fields, form, t, prefix, errors);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, args };
}

function convert(fields: readonly TArgField[], form: TArgRow, t: T, prefix: string, errors: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const path = `${prefix}.${f.key}`;
    const v = form[f.key];
    if (f.type === 'list') {
      const rows = Array.isArray(v) ? v : [];
      if (f.minItems !== null && rows.length < f.minItems) errors[path] = t('kindArgs.minItems', { n: f.minItems });
      if (f.maxItems !== null && rows.length > f.maxItems) errors[path] = t('kindArgs.maxItems', { n: f.maxItems });
      out[f.key] = rows.map((row, i) => convert(f.fields, row, t, `${path}.${i}`, errors));
      continue;
    }
    if (f.type === 'boolean') {
      out[f.key] = v === true;
      continue;
    }
    const text = typeof v === 'string' ? v.trim() : '';
    if (text === '') {
      if (f.required) errors[path] = t('kindArgs.required');
      continue;
    }
    if (f.type === 'text' || f.type === 'enum' || f.type === 'sku') {
      out[f.key] = text;
      continue;
    }
    let n: number | null = null;
    if (f.type === 'fen') {
      const r = parseYuan(text);
      if (r.ok) n = r.fen;
      else errors[path] = t(`money.${r.error}`);
    } else {
      const r = parseWholeNumber(text, -1e15, 1e15);
      if (r.ok) n = r.value;
      else errors[path] = t('kindArgs.wholeNumber');
    }
    if (n === null) continue;
    if (f.min !== null && n < f.min) errors[path] = t('kindArgs.min', { min: f.type === 'fen' ? `¥${fenToYuanText(f.min)}` : f.min });
    else if (f.max !== null && n > f.max) errors[path] = t('kindArgs.max', { max: f.type === 'fen' ? `¥${fenToYuanText(f.max)}` : f.max });
    out[f.key] = n;
  }
  return out;
}

/** The scope picker's model: which kind of scope, and the ids for each. */
export interface TScopeForm {
  type: TScope['type'];
  categoryIds: string[];
  productIds: string[];
  excludeProductIds: string[];
}

export function scopeToForm(s: TScope): TScopeForm {
  return {
    type: s.type,
    categoryIds: s.type === 'categories' ? [...s.ids] : [],
    productIds: s.type === 'products' ? [...s.ids] : [],
    excludeProductIds: [...s.excludeProductIds],
  };
}

export function formToScope(f: TScopeForm, t: T, errors: Record<string, string>): TScope {
  const ids = f.type === 'categories' ? f.categoryIds : f.type === 'products' ? f.productIds : [];
  if (f.type !== 'all' && ids.length === 0) errors['scope.ids'] = t(f.type === 'categories' ? 'scope.categoriesRequired' : 'scope.productsRequired');
  return { type: f.type, ids: [...ids], excludeProductIds: f.type === 'products' ? [] : [...f.excludeProductIds] };
}
