import type { TDeadJob } from '@koi/contracts';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';

type T = (key: string) => string;

export function deadJobColumns(t: T): TColumn<TDeadJob>[] {
  return [
    { prop: 'queue', label: t('jobs.queue'), minWidth: 230 },
    { prop: 'data', label: t('jobs.data'), minWidth: 240 },
    { prop: 'error', label: t('jobs.error'), minWidth: 280 },
    { prop: 'retryCount', label: t('jobs.retries'), width: 100, formatter: (r) => String(r.retryCount) },
    { prop: 'failedAt', label: t('jobs.failedAt'), minWidth: 160, formatter: (r) => formatDateTime(r.failedAt) },
  ];
}

/** The first line of an error is the message; the rest (a stack) goes in the tooltip. */
export function errorSummary(error: string | null): string {
  if (!error) return '—';
  return error.split('\n', 1)[0]!.slice(0, 200);
}
