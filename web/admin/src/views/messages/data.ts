import type { TMessageSend, TMessageSendStatus } from '@koi/contracts';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';

type T = (key: string) => string;

export function messageColumns(t: T): TColumn<TMessageSend>[] {
  return [
    { prop: 'createdAt', label: t('messages.createdAt'), width: 170, formatter: (r) => formatDateTime(r.createdAt) },
    { prop: 'kind', label: t('messages.kind'), width: 120, formatter: (r) => t(`messages.kinds.${r.kind}`) },
    { prop: 'channel', label: t('messages.channel'), width: 120 },
    { prop: 'recipient', label: t('messages.recipient'), width: 150, formatter: (r) => r.recipient || '—' },
    { prop: 'status', label: t('messages.status'), width: 110 },
    { prop: 'content', label: t('messages.content'), minWidth: 320 },
    { prop: 'attempts', label: t('messages.attempts'), width: 90, formatter: (r) => String(r.attempts) },
  ];
}

/** Element Plus tag type of a send status. */
export function statusTagType(status: TMessageSendStatus): 'success' | 'info' | 'danger' | 'warning' {
  return ({ sent: 'success', queued: 'warning', failed: 'danger', skipped: 'info' } as const)[status];
}

/** Why a message was not sent, in the reader's language when it is one of ours; else the provider's words. */
export function reasonText(t: T, error: string | null): string {
  if (!error) return '';
  return ['no_consent', 'no_recipient', 'no_template', 'no_quota'].includes(error) ? t(`messages.reasons.${error}`) : error;
}
