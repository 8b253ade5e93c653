import type { TCustomer360, TMergePreview } from '@koi/contracts';
import { formatYuan } from '@koi/contracts';

type Translate = (key: string, named?: Record<string, unknown>) => string;

export const DETAIL_TABS = ['overview', 'identities', 'orders', 'loyalty', 'coupons', 'notes', 'merge'] as const;
export type TDetailTab = (typeof DETAIL_TABS)[number];

/** A merge preview's rows as shown: money in yuan, everything else as a count. */
export function moveRows(t: Translate, preview: TMergePreview): { label: string; value: string }[] {
  return preview.moves.map((m) => ({
    label: t(`customers.merge.moveKinds.${m.kind}`),
    value: m.kind === 'balance_fen' ? formatYuan(m.count) : String(m.count),
  }));
}

export function notCountedText(t: Translate, preview: TMergePreview): string | null {
  if (!preview.notCounted.length) return null;
  const names = preview.notCounted.map((k) => {
    const key = `customers.merge.notCountedNames.${k}`;
    const label = t(key);
    return label === key ? k : label;
  });
  return t('customers.merge.notCounted', { list: names.join('、') });
}

/** The display name of the customer (or a placeholder). */
export const displayName = (t: Translate, c: TCustomer360['profile']) => c.name ?? t('customers.unnamed');

/** A short id for audit lines. */
export const shortId = (id: string) => `${id.slice(0, 8)}…`;
