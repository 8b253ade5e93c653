import { formatYuan, ORDER_TABS, type TAdminOrderRow, type TOrderStatus } from '@koi/contracts';
import type { TOrderFilterQuery } from '@/api/orders';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';

type T = (key: string, values?: Record<string, unknown>) => string;
export type TOrderTab = (typeof ORDER_TABS)[number];

// ---- filters -------------------------------------------------------------------------------------

export interface TOrderFilters {
  status: TOrderTab;
  /** Order number (or its start), a full mobile, or its last 4 digits. */
  q: string;
  /** `YYYY-MM-DD` days from the date picker, both inclusive; null: no bound. */
  range: [string, string] | null;
}

export function isOrderTab(value: unknown): value is TOrderTab {
  return typeof value === 'string' && (ORDER_TABS as readonly string[]).includes(value);
}

export function emptyFilters(): TOrderFilters {
  return { status: 'all', q: '', range: null };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A picked day's first or last millisecond in the operator's time zone, as the API's ISO instant. */
export function dayBound(day: string, edge: 'start' | 'end'): string | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const at = edge === 'start' ? new Date(y, mo, d, 0, 0, 0, 0) : new Date(y, mo, d, 23, 59, 59, 999);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The list query (and the export's): empty filters are left out, `all` too. */
export function filterQuery(f: TOrderFilters): TOrderFilterQuery {
  const q = f.q.trim().replace(/\s+/g, '');
  const from = f.range ? dayBound(f.range[0], 'start') : null;
  const to = f.range ? dayBound(f.range[1], 'end') : null;
  return {
    ...(f.status !== 'all' ? { status: f.status } : {}),
    ...(q ? { q } : {}),
    ...(from ? { createdFrom: from } : {}),
    ...(to ? { createdTo: to } : {}),
  };
}

// ---- table ---------------------------------------------------------------------------------------

export const STATUS_TAG: Record<TOrderStatus, 'warning' | 'primary' | 'success' | 'info'> = {
  pending_payment: 'warning',
  paid: 'primary',
  shipped: 'primary',
  completed: 'success',
  closed: 'info',
};

export function orderColumns(t: T): TColumn<TAdminOrderRow>[] {
  return [
    { prop: 'orderNo', label: t('order.orderNo'), minWidth: 170 },
    { prop: 'firstTitle', label: t('order.goods'), minWidth: 180 },
    { prop: 'buyerMobile', label: t('order.buyer'), minWidth: 120 },
    { prop: 'itemsTotalFen', label: t('order.itemsTotal'), width: 100, formatter: (r) => formatYuan(r.itemsTotalFen) },
    { prop: 'discountFen', label: t('order.discount'), width: 90, formatter: (r) => (r.discountFen ? `-${formatYuan(r.discountFen)}` : '—') },
    { prop: 'shippingFen', label: t('order.shipping'), width: 76, formatter: (r) => formatYuan(r.shippingFen) },
    { prop: 'payableFen', label: t('order.payable'), width: 100 },
    { prop: 'status', label: t('order.status'), width: 90 },
    { prop: 'createdAt', label: t('order.createdAt'), minWidth: 136, formatter: (r) => formatDateTime(r.createdAt) },
  ];
}
