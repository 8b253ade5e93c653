import type { TAdminAfterSaleQuery, TAfterSale, TAfterSalePage, TAfterSaleSettings, TOrderAfterSales, TReturnAddress, TShipBackInput } from '@koi/contracts';
import { http } from './http.ts';

/** 售后: one function per endpoint (see server/src/modules/aftersale/aftersale.routes.admin.ts). */
export type TAfterSaleTab = TAdminAfterSaleQuery['tab'];

export function listAfterSales(query: { tab: TAfterSaleTab; q?: string; page: number; pageSize: number }): Promise<TAfterSalePage> {
  return http.get<TAfterSalePage>('/aftersales', { query: { ...query } });
}

export function afterSaleCounts(): Promise<Record<TAfterSaleTab, number>> {
  return http.get<Record<TAfterSaleTab, number>>('/aftersales/counts');
}

export function getAfterSale(id: string): Promise<TAfterSale> {
  return http.get<TAfterSale>(`/aftersales/${encodeURIComponent(id)}`);
}

export function approveAfterSale(id: string, returnAddress?: TReturnAddress): Promise<TAfterSale> {
  return http.post<TAfterSale>(`/aftersales/${encodeURIComponent(id)}/approve`, returnAddress ? { returnAddress } : {});
}

export function rejectAfterSale(id: string, reason: string): Promise<TAfterSale> {
  return http.post<TAfterSale>(`/aftersales/${encodeURIComponent(id)}/reject`, { reason });
}

export function receiveAfterSale(id: string, restock: boolean): Promise<TAfterSale> {
  return http.post<TAfterSale>(`/aftersales/${encodeURIComponent(id)}/receive`, { restock });
}

export function refundAfterSale(id: string): Promise<TAfterSale> {
  return http.post<TAfterSale>(`/aftersales/${encodeURIComponent(id)}/refund`, {});
}

export function reshipAfterSale(id: string, body: TShipBackInput): Promise<TAfterSale> {
  return http.post<TAfterSale>(`/aftersales/${encodeURIComponent(id)}/reship`, body);
}

export function getAfterSaleSettings(): Promise<TAfterSaleSettings> {
  return http.get<TAfterSaleSettings>('/aftersales/settings');
}

export function saveAfterSaleSettings(body: TAfterSaleSettings): Promise<TAfterSaleSettings> {
  return http.put<TAfterSaleSettings>('/aftersales/settings', body);
}

export function orderAfterSales(orderId: string): Promise<TOrderAfterSales> {
  return http.get<TOrderAfterSales>(`/orders/${encodeURIComponent(orderId)}/aftersales`);
}
