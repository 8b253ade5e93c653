import {
  ZConsentHistory,
  ZDataExport,
  ZDeletionRequest,
  ZMyPrivacy,
  type TConsentChangeRequest,
  type TConsentHistory,
  type TDataExport,
  type TDeletionRequest,
  type TDeletionRequestInput,
  type TMyPrivacy,
} from '@koi/contracts';
import { request } from './request';

/** My consents (with their history) and my account-deletion request. */
export function getMyPrivacy(): Promise<TMyPrivacy> {
  return request('/api/shop/me/privacy', { schema: ZMyPrivacy });
}

/** Grants or withdraws one marketing channel; the server keeps every change. */
export function changeConsent(body: TConsentChangeRequest): Promise<TConsentHistory> {
  return request('/api/shop/me/consents', { method: 'PUT', body, schema: ZConsentHistory });
}

/** Everything the shop holds on me (three downloads an hour). */
export function downloadMyData(): Promise<TDataExport> {
  return request('/api/shop/me/data-export', { schema: ZDataExport });
}

export function requestDeletion(body: TDeletionRequestInput): Promise<TDeletionRequest> {
  return request('/api/shop/me/deletion-request', { method: 'POST', body, schema: ZDeletionRequest });
}

export function cancelDeletion(): Promise<TDeletionRequest> {
  return request('/api/shop/me/deletion-request', { method: 'DELETE', schema: ZDeletionRequest });
}
