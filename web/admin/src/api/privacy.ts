import type { TConsentHistory, TDeletionRequestList, TDeletionStatus, TPrivacyAuditEntry, TTimelineList } from '@koi/contracts';
import { http } from './http.ts';

/** Account-deletion requests (PIPL), newest first, keyset paged. */
export function listDeletionRequests(params: { status?: TDeletionStatus; cursor?: string; limit?: number }): Promise<TDeletionRequestList> {
  return http.get<TDeletionRequestList>('/privacy/deletion-requests', { query: { ...params } });
}

/** Every step of one deletion request: requested, cancelled, each module's erasure, erased. */
export async function deletionAudit(requestId: string): Promise<TPrivacyAuditEntry[]> {
  return (await http.get<{ items: TPrivacyAuditEntry[] }>(`/privacy/deletion-requests/${requestId}/audit`)).items;
}

/** A customer's behaviour, newest first; `cursor` continues after the last page. */
export function customerTimeline(customerId: string, params: { cursor?: string; limit?: number } = {}): Promise<TTimelineList> {
  return http.get<TTimelineList>(`/customers/${customerId}/timeline`, { query: { ...params } });
}

/** A customer's consent records, newest first, with the state they add up to. */
export function customerConsents(customerId: string): Promise<TConsentHistory> {
  return http.get<TConsentHistory>(`/customers/${customerId}/consents`);
}
