import { formatYuan, type TBatchPriceRequest, type TProductRow, type TProductStatus } from '@koi/contracts';
import type { TAdminProductQuery } from '@/api/catalog-types';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';
import { parseYuan, type TYuanError } from '@/utils/money';

type T = (key: string, values?: Record<string, unknown>) => string;

// ---- filters -------------------------------------------------------------------------------------

export interface TProductFilters {
  q: string;
  categoryId: string;
  status: TProductStatus | '';
}

export function emptyFilters(): TProductFilters {
  return { q: '', categoryId: '', status: '' };
}

/** The list query (and the export's): empty filters are left out. */
export function filterQuery(f: TProductFilters): Omit<TAdminProductQuery, 'page' | 'pageSize'> {
  return {
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.categoryId ? { categoryId: f.categoryId } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
}

// ---- table ---------------------------------------------------------------------------------------

export function productColumns(t: T): TColumn<TProductRow>[] {
  return [
    { prop: 'mainImage', label: t('product.image'), width: 76 },
    { prop: 'title', label: t('product.title'), minWidth: 220 },
    { prop: 'categoryName', label: t('product.categoryName'), minWidth: 90, formatter: (r) => r.categoryName ?? '—' },
    { prop: 'priceMinFen', label: t('product.price'), minWidth: 140 },
    { prop: 'stockTotal', label: t('product.stock'), width: 80, formatter: (r) => r.stockTotal.toLocaleString('en-US') },
    { prop: 'sales', label: t('product.sales'), width: 80, formatter: (r) => r.sales.toLocaleString('en-US') },
    { prop: 'status', label: t('product.status'), width: 100 },
    { prop: 'updatedAt', label: t('product.updatedAt'), minWidth: 140, formatter: (r) => formatDateTime(r.updatedAt) },
  ];
}

// ---- batch price ---------------------------------------------------------------------------------

export type TBatchPriceMode = TBatchPriceRequest['mode'];

export interface TBatchPriceForm {
  mode: TBatchPriceMode;
  /** percent and delta: up or down. */
  direction: 'up' | 'down';
  /** set and delta: yuan text; percent: whole percent text. */
  amount: string;
}

export function emptyBatchPriceForm(): TBatchPriceForm {
  return { mode: 'percent', direction: 'down', amount: '' };
}

export type TBatchPriceResult = { ok: true; request: TBatchPriceRequest } | { ok: false; error: TYuanError | 'percent' };

/** The request for the chosen products; percent moves are whole percents (the contract's value is an integer). */
export function toBatchPriceRequest(form: TBatchPriceForm, ids: string[]): TBatchPriceResult {
  const sign = form.direction === 'down' ? -1 : 1;
  if (form.mode === 'percent') {
    const text = form.amount.trim();
    if (!/^\d+$/.test(text)) return { ok: false, error: text === '' ? 'empty' : 'percent' };
    const n = Number(text);
    // Down by 100% or more would make everything free or negative.
    if (n === 0 || n > (form.direction === 'down' ? 99 : 1000)) return { ok: false, error: 'percent' };
    return { ok: true, request: { ids, mode: 'percent', value: sign * n } };
  }
  const parsed = parseYuan(form.amount);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (form.mode === 'delta' && parsed.fen === 0) return { ok: false, error: 'empty' };
  return { ok: true, request: { ids, mode: form.mode, value: form.mode === 'set' ? parsed.fen : sign * parsed.fen } };
}

/** 90 → `9`, 85 → `8.5`: a price as a share of the old one in 折, the way Chinese shops say it. */
function zhe(percentOfOld: number): string {
  return percentOfOld % 10 === 0 ? String(percentOfOld / 10) : (percentOfOld / 10).toFixed(1);
}

/** The rule in words, shown before the operator confirms (the server applies it; we never compute prices). */
export function describeBatchPrice(request: TBatchPriceRequest, t: T): string {
  const count = request.ids.length;
  switch (request.mode) {
    case 'set':
      return t('product.batchPrice.describeSet', { count, price: formatYuan(request.value) });
    case 'percent':
      return request.value < 0
        ? t('product.batchPrice.describeDownPercent', { count, percent: -request.value, zhe: zhe(100 + request.value) })
        : t('product.batchPrice.describeUpPercent', { count, percent: request.value });
    case 'delta':
      return request.value < 0
        ? t('product.batchPrice.describeDownDelta', { count, amount: formatYuan(-request.value) })
        : t('product.batchPrice.describeUpDelta', { count, amount: formatYuan(request.value) });
  }
}
