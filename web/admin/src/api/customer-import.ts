import type {
  TCustomerImportList, TCustomerImportPreview, TCustomerImportStart, TCustomerImportStatus, TImportedOrderList,
} from '@koi/contracts';
import { http, type TDownload } from './http.ts';

/** Uploads an export (.csv UTF-8/GBK or .xlsx); answers the mapping step. */
export function uploadCustomerImport(file: File): Promise<TCustomerImportPreview> {
  return http.upload<TCustomerImportPreview>('/customer-imports', { file });
}

export function customerImportPreview(id: string): Promise<TCustomerImportPreview> {
  return http.get<TCustomerImportPreview>(`/customer-imports/${encodeURIComponent(id)}/preview`);
}

export function startCustomerImport(id: string, body: TCustomerImportStart): Promise<TCustomerImportStatus> {
  return http.post<TCustomerImportStatus>(`/customer-imports/${encodeURIComponent(id)}/start`, body);
}

export function customerImportStatus(id: string): Promise<TCustomerImportStatus> {
  return http.get<TCustomerImportStatus>(`/customer-imports/${encodeURIComponent(id)}`, { silent: true });
}

export function listCustomerImports(params: { page: number; pageSize: number }): Promise<TCustomerImportList> {
  return http.get<TCustomerImportList>('/customer-imports', { query: { ...params } });
}

export function downloadRejectedRows(id: string, fallbackName: string): Promise<TDownload> {
  return http.download(`/customer-imports/${encodeURIComponent(id)}/rejected.csv`, fallbackName);
}

export function downloadImportSample(platform: 'taobao' | 'jd' | 'douyin' | 'youzan', fallbackName: string): Promise<TDownload> {
  return http.download('/customer-imports/sample', fallbackName, { query: { platform } });
}

/** A customer's orders imported from other platforms (Customer 360). */
export function customerImportedOrders(customerId: string, params: { page: number; pageSize: number }): Promise<TImportedOrderList> {
  return http.get<TImportedOrderList>(`/customers/${encodeURIComponent(customerId)}/imported-orders`, { query: { ...params } });
}
