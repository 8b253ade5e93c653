import { ZShopPickup, type TShopPickup } from '@koi/contracts';
import { request } from './request';

/** The pickup code of a paid pickup order and its QR image (a PNG data URL made by the server). */
export function getPickup(orderId: string): Promise<TShopPickup> {
  return request(`/api/shop/orders/${encodeURIComponent(orderId)}/pickup`, { method: 'GET', schema: ZShopPickup });
}
