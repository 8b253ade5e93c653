import { SOURCE_CHANNELS, type TCustomerListItem, type TSourceChannel } from '@koi/contracts';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';
import type { TCustomerFilterQuery } from '@/api/customers';

type Translate = (key: string) => string;

export interface TCustomerFilters {
  q: string;
  source: TSourceChannel | '';
}

export const emptyFilters = (): TCustomerFilters => ({ q: '', source: '' });

/** The filters as sent: empty ones left out. */
export function filterQuery(f: TCustomerFilters): TCustomerFilterQuery {
  const q: TCustomerFilterQuery = {};
  if (f.q.trim()) q.q = f.q.trim();
  if (f.source) q.source = f.source;
  return q;
}

export const sourceOptions = (t: Translate) => SOURCE_CHANNELS.map((s) => ({ value: s, label: t(`customers.sources.${s}`) }));

/** A source channel's label; channels added later (campaigns) show as they are. */
export function sourceLabel(t: Translate, source: string): string {
  return (SOURCE_CHANNELS as readonly string[]).includes(source) ? t(`customers.sources.${source}`) : source;
}

export const SOURCE_TAG: Record<string, 'primary' | 'success' | 'warning' | 'danger' | 'info'> = {
  shop: 'primary', wechat: 'success', taobao: 'warning', jd: 'danger', douyin: 'info', youzan: 'warning', offline: 'success', manual: 'info',
};

export function customerColumns(t: Translate): TColumn<TCustomerListItem>[] {
  return [
    { prop: 'name', label: t('customers.columns.name'), minWidth: 140 },
    { prop: 'gender', label: t('customers.columns.gender'), width: 80, formatter: (r) => t(`customers.genders.${r.gender}`) },
    { prop: 'phoneMasked', label: t('customers.columns.phoneMasked'), width: 140 },
    { prop: 'regionName', label: t('customers.columns.regionName'), minWidth: 160 },
    { prop: 'sourceChannel', label: t('customers.columns.sourceChannel'), width: 120 },
    { prop: 'hasAccount', label: t('customers.columns.hasAccount'), width: 100, formatter: (r) => (r.hasAccount ? t('customers.yes') : t('customers.no')) },
    { prop: 'firstSeenAt', label: t('customers.columns.firstSeenAt'), width: 160, formatter: (r) => formatDateTime(r.firstSeenAt) },
    { prop: 'lastSeenAt', label: t('customers.columns.lastSeenAt'), width: 160, formatter: (r) => formatDateTime(r.lastSeenAt) },
  ];
}

/**
 * Keyset paging state: the cursor of each page shown so far, so 上一页 goes back without offsets.
 * `cursors[i]` is the cursor that loads page i (page 0: none).
 */
export class CursorTrail {
  private cursors: (string | undefined)[] = [undefined];
  private index = 0;
  get current(): string | undefined { return this.cursors[this.index]; }
  get page(): number { return this.index + 1; }
  get hasPrev(): boolean { return this.index > 0; }
  next(cursor: string): void {
    this.cursors = [...this.cursors.slice(0, this.index + 1), cursor];
    this.index++;
  }
  prev(): void { if (this.index > 0) this.index--; }
  reset(): void { this.cursors = [undefined]; this.index = 0; }
}
