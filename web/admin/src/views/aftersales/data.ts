import type { TAfterSaleStatus } from '@koi/contracts';
import type { TAfterSaleTab } from '@/api/aftersales';

export const TABS: readonly TAfterSaleTab[] = ['pending', 'awaiting_return', 'to_receive', 'refunding', 'done', 'all'];

export const STATUS_TAG: Record<TAfterSaleStatus, 'warning' | 'success' | 'info' | 'danger' | 'primary'> = {
  requested: 'warning', approved: 'primary', awaiting_return: 'primary', returned: 'warning', received: 'primary', refunding: 'primary',
  refund_failed: 'danger', refunded: 'success', reshipped: 'primary', closed: 'success', rejected: 'info', withdrawn: 'info',
};

/**
 * The deadline countdown of a pending request: hours and minutes left, or past (overdue), from
 * the server's deadline and the browser's clock. Null when there is no deadline.
 */
export function countdown(deadline: string | null, now: number): { overdue: boolean; h: number; m: number } | null {
  if (!deadline) return null;
  const diff = Date.parse(deadline) - now;
  const mins = Math.floor(Math.abs(diff) / 60_000);
  return { overdue: diff <= 0, h: Math.floor(mins / 60), m: mins % 60 };
}
