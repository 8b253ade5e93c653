import type {
  TCustomer360, TCustomerListPage, TCustomerNote, TMergePreview, TMergeResult, TRevealResponse, TSourceChannel,
} from '@koi/contracts';
import { http } from './http.ts';

/** 客户列表 and Customer 360 (schemas in @koi/contracts customer/customer-profile.ts). */
export interface TCustomerFilterQuery {
  q?: string;
  source?: TSourceChannel;
  cursor?: string;
  limit?: number;
}

export function listCustomers(query: TCustomerFilterQuery): Promise<TCustomerListPage> {
  return http.get<TCustomerListPage>('/customers', { query: { ...query } });
}

export function getCustomer(id: string): Promise<TCustomer360> {
  return http.get<TCustomer360>(`/customers/${encodeURIComponent(id)}`);
}

/** The full phone or address (needs `customer:reveal`; the server logs every reveal). */
export function revealCustomerField(id: string, field: 'phone' | 'address'): Promise<TRevealResponse> {
  return http.post<TRevealResponse>(`/customers/${encodeURIComponent(id)}/reveal`, { field });
}

export function addCustomerNote(id: string, body: string): Promise<TCustomerNote> {
  return http.post<TCustomerNote>(`/customers/${encodeURIComponent(id)}/notes`, { body });
}

export function mergePreview(intoId: string, fromId: string): Promise<TMergePreview> {
  return http.get<TMergePreview>(`/customers/${encodeURIComponent(intoId)}/merge-preview`, { query: { fromId } });
}

export function mergeCustomer(intoId: string, fromId: string, reason: string): Promise<TMergeResult> {
  return http.post<TMergeResult>(`/customers/${encodeURIComponent(intoId)}/merge`, { fromId, reason });
}
