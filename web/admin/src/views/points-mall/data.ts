import type { TMallItem, TMallItemInput, TMallItemKind, TMallRecord } from '@koi/contracts';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';
import { parseWholeNumber } from '@/utils/money';

type T = (key: string, values?: Record<string, unknown>) => string;

/** 积分商城: the page's tabs, table columns, and the item form ↔ the API's input. */
export const MALL_TABS = ['items', 'records'] as const;
export type TMallTab = (typeof MALL_TABS)[number];

/** What the shop shows of an item's state now, as the operator reads it. */
export function shelfState(item: Pick<TMallItem, 'onShelf' | 'stock' | 'validFrom' | 'validUntil'>, now: Date): 'off' | 'soldOut' | 'scheduled' | 'ended' | 'on' {
  if (!item.onShelf) return 'off';
  if (item.validUntil && Date.parse(item.validUntil) <= now.getTime()) return 'ended';
  if (item.validFrom && Date.parse(item.validFrom) > now.getTime()) return 'scheduled';
  if (item.stock <= 0) return 'soldOut';
  return 'on';
}
export const SHELF_TAG = { on: 'success', off: 'info', soldOut: 'warning', scheduled: 'primary', ended: 'info' } as const;

export function itemColumns(t: T): TColumn<TMallItem>[] {
  return [
    { prop: 'title', label: t('pointsMall.item'), minWidth: 200 },
    { prop: 'kind', label: t('pointsMall.kind'), width: 90, formatter: (r) => t(`pointsMall.kinds.${r.kind}`) },
    { prop: 'pointsPrice', label: t('pointsMall.pointsPrice'), width: 110, formatter: (r) => String(r.pointsPrice) },
    { prop: 'stock', label: t('pointsMall.stock'), width: 120, formatter: (r) => t('pointsMall.stockText', { left: r.stock, done: r.exchangedCount }) },
    { prop: 'perCustomerLimit', label: t('pointsMall.perCustomer'), width: 100, formatter: (r) => String(r.perCustomerLimit) },
    { prop: 'validUntil', label: t('pointsMall.window'), minWidth: 200, formatter: (r) => windowText(r, t) },
    { prop: 'sort', label: t('pointsMall.sort'), width: 70, formatter: (r) => String(r.sort) },
    { prop: 'onShelf', label: t('pointsMall.state'), width: 100 },
  ];
}

export function windowText(r: Pick<TMallItem, 'validFrom' | 'validUntil'>, t: T): string {
  if (!r.validFrom && !r.validUntil) return t('pointsMall.always');
  return `${r.validFrom ? formatDateTime(r.validFrom) : t('pointsMall.now')} – ${r.validUntil ? formatDateTime(r.validUntil) : t('pointsMall.noEnd')}`;
}

export function recordColumns(t: T): TColumn<TMallRecord>[] {
  return [
    { prop: 'createdAt', label: t('pointsMall.time'), width: 170, formatter: (r) => formatDateTime(r.createdAt) },
    { prop: 'phoneMasked', label: t('pointsMall.customer'), width: 140, formatter: (r) => r.phoneMasked ?? r.customerId.slice(0, 8) },
    { prop: 'title', label: t('pointsMall.item'), minWidth: 200 },
    { prop: 'kind', label: t('pointsMall.kind'), width: 90, formatter: (r) => t(`pointsMall.kinds.${r.kind}`) },
    { prop: 'points', label: t('pointsMall.points'), width: 100, formatter: (r) => String(r.points) },
    { prop: 'orderId', label: t('pointsMall.given'), minWidth: 160 },
  ];
}

export type TItemForm = {
  kind: TMallItemKind;
  refId: string;
  title: string;
  description: string;
  pointsPrice: string;
  stock: string;
  perCustomerLimit: number;
  sort: number;
  onShelf: boolean;
  validFrom: string;
  validUntil: string;
};

export const emptyItemForm = (): TItemForm => ({
  kind: 'coupon', refId: '', title: '', description: '', pointsPrice: '', stock: '', perCustomerLimit: 1, sort: 0, onShelf: true, validFrom: '', validUntil: '',
});

export const itemToForm = (i: TMallItem): TItemForm => ({
  kind: i.kind, refId: i.refId, title: i.title, description: i.description, pointsPrice: String(i.pointsPrice), stock: String(i.stock),
  perCustomerLimit: i.perCustomerLimit, sort: i.sort, onShelf: i.onShelf, validFrom: i.validFrom ?? '', validUntil: i.validUntil ?? '',
});

/** The form as the API's input, or the mistakes at the request's paths (the same paths the server's problems use). */
export function toItemInput(form: TItemForm, t: T): { ok: true; input: TMallItemInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!form.refId) errors.refId = t(form.kind === 'coupon' ? 'pointsMall.templateRequired' : 'pointsMall.skuRequired');
  if (form.title.trim().length > 40) errors.title = t('pointsMall.titleTooLong');
  const price = parseWholeNumber(form.pointsPrice, 1, 100_000_000);
  if (!price.ok) errors.pointsPrice = t('pointsMall.priceInvalid');
  const stock = parseWholeNumber(form.stock, 0, 1_000_000);
  if (!stock.ok) errors.stock = t('pointsMall.stockInvalid');
  if (form.validFrom && form.validUntil && Date.parse(form.validUntil) <= Date.parse(form.validFrom)) errors.validUntil = t('pointsMall.endBeforeStart');
  if (Object.keys(errors).length || !price.ok || !stock.ok) return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind: form.kind, refId: form.refId, title: form.title.trim(), description: form.description.trim(), pointsPrice: price.value, stock: stock.value,
      perCustomerLimit: form.perCustomerLimit, sort: form.sort, onShelf: form.onShelf, validFrom: form.validFrom || null, validUntil: form.validUntil || null,
    },
  };
}
