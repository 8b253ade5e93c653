import type { TAdminOrderDetail, TAdminOrderRow, ZAdminOrderPage, ZOrderAdjustInput, ZOrderCloseInput } from '@koi/contracts';
import type { z } from 'zod';
import { http, type TDownload } from './http.ts';

/** Wire types of the order endpoints (schemas in @koi/contracts order/order-admin.ts). */
export type TAdminOrderPage = z.infer<typeof ZAdminOrderPage>;
export type TOrderAdjustInput = z.input<typeof ZOrderAdjustInput>;
export type TOrderCloseInput = z.input<typeof ZOrderCloseInput>;

/** The list's filters as sent: empty ones left out (see views/orders/data.ts `filterQuery`). */
export interface TOrderFilterQuery {
  status?: TAdminOrderRow['status'] | 'all';
  q?: string;
  createdFrom?: string;
  createdTo?: string;
}

export function listOrders(query: TOrderFilterQuery & { page: number; pageSize: number }): Promise<TAdminOrderPage> {
  return http.get<TAdminOrderPage>('/orders', { query: { ...query } });
}

/** The filtered list as .xlsx, one row per line with its allocation (page and size are ignored). */
export function exportOrders(query: TOrderFilterQuery, fallbackName: string): Promise<TDownload> {
  return http.download('/orders/export', fallbackName, { query: { ...query } });
}

export function getOrder(id: string): Promise<TAdminOrderDetail> {
  return http.get<TAdminOrderDetail>(`/orders/${encodeURIComponent(id)}`);
}

export function saveMerchantRemark(id: string, remark: string): Promise<TAdminOrderDetail> {
  return http.put<TAdminOrderDetail>(`/orders/${encodeURIComponent(id)}/remark`, { remark });
}

/** 改价 of an unpaid order (audited). */
export function adjustOrderPrice(id: string, body: TOrderAdjustInput): Promise<TAdminOrderDetail> {
  return http.post<TAdminOrderDetail>(`/orders/${encodeURIComponent(id)}/adjust`, body);
}

export function closeOrder(id: string, body: TOrderCloseInput): Promise<TAdminOrderDetail> {
  return http.post<TAdminOrderDetail>(`/orders/${encodeURIComponent(id)}/close`, body);
}
