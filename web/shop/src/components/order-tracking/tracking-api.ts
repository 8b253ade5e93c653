import { ZShopTracking, type TShopTracking } from '@koi/contracts';
import { request } from '@/api/request';

/** The packages of the shopper's own order with their courier timelines (newest event first). */
export function getTracking(orderId: string): Promise<TShopTracking> {
  return request(`/api/shop/orders/${encodeURIComponent(orderId)}/tracking`, { method: 'GET', schema: ZShopTracking });
}
