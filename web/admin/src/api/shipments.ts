import type {
  TCourier, TOrderShipping, TShipImportStatus, TShipRequest, TShipResult, TShippingQueue, TShippingQueueQuery,
} from '@koi/contracts';
import { http, type TDownload } from './http.ts';

/** Express shipping (issue 6): the queue, 发货, batch shipping, pick lists and tracking. */

export function listCouriers(): Promise<TCourier[]> {
  return http.get<TCourier[]>('/shipping/couriers');
}

export function getShippingQueue(query: TShippingQueueQuery): Promise<TShippingQueue> {
  return http.get<TShippingQueue>('/shipping/queue', { query: { tab: query.tab, q: query.q || undefined, page: query.page, pageSize: query.pageSize } });
}

export function getOrderShipping(orderId: string): Promise<TOrderShipping> {
  return http.get<TOrderShipping>(`/shipping/orders/${encodeURIComponent(orderId)}`);
}

export function shipOrder(orderId: string, body: TShipRequest): Promise<TShipResult> {
  return http.post<TShipResult>(`/shipping/orders/${encodeURIComponent(orderId)}/ship`, body);
}

export function refreshTracking(shipmentId: string): Promise<null> {
  return http.post<null>(`/shipping/shipments/${encodeURIComponent(shipmentId)}/refresh`);
}

export function downloadShipTemplate(fallbackName: string): Promise<TDownload> {
  return http.download('/shipping/import/template', fallbackName);
}

export function startShipImport(file: File): Promise<{ importId: string }> {
  return http.upload<{ importId: string }>('/shipping/import', { file });
}

/** Silent: the dialog polls this and shows a failure itself. */
export function getShipImport(importId: string): Promise<TShipImportStatus> {
  return http.get<TShipImportStatus>(`/shipping/import/${encodeURIComponent(importId)}`, { silent: true });
}

export function downloadShipImportErrors(importId: string, fallbackName: string): Promise<TDownload> {
  return http.download(`/shipping/import/${encodeURIComponent(importId)}/errors.xlsx`, fallbackName);
}

/** The pick list as an HTML page (fetched with the bearer token, then opened for printing). */
export function downloadPickList(orderIds: string[], lang: string): Promise<TDownload> {
  return http.download('/shipping/pick-list', 'pick-list.html', { query: { orderIds: orderIds.join(','), lang: lang === 'en' ? 'en' : 'zh-CN' } });
}
