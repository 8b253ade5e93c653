import type { TDeletionStatus, TPrivacyAuditEntry } from '@koi/contracts';

type T = (key: string, params?: Record<string, unknown>) => string;

export const DELETION_STATUSES: readonly TDeletionStatus[] = ['pending', 'cancelled', 'completed'];

/** Element Plus tag type of a deletion request's status. */
export function deletionTagType(status: TDeletionStatus): 'warning' | 'info' | 'success' {
  return ({ pending: 'warning', cancelled: 'info', completed: 'success' } as const)[status];
}

/** One audit row in words: the action, and for an erasure step the module and what it touched. */
export function auditText(t: T, e: TPrivacyAuditEntry): string {
  const action = ['requested', 'cancelled', 'erase_started', 'erase_step', 'erased', 'data_exported'].includes(e.action)
    ? t(`privacy.actions.${e.action}`) : e.action;
  if (e.action === 'erase_step') {
    const rows = e.detail.rows;
    const touched = typeof rows === 'number' ? String(rows)
      : rows && typeof rows === 'object' ? Object.entries(rows as Record<string, unknown>).map(([k, v]) => `${k} ${String(v)}`).join('，') : '';
    return `${action} · ${String(e.detail.module ?? '')}${touched ? `（${touched}）` : ''}`;
  }
  return action;
}

/** Consent purposes the server knows; anything else is shown as sent. */
export function purposeText(t: T, purpose: string): string {
  return ['privacy_policy', 'marketing_sms', 'marketing_wechat', 'marketing_email'].includes(purpose) ? t(`privacy.purposes.${purpose}`) : purpose;
}
