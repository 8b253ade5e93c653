import { ZCart, ZCartCount, type TCart, type TCartAddInput, type TCartLinePatch } from '@koi/contracts';
import { anonymousId } from './anonymous-id';
import { request } from './request';

/**
 * The cart (guest or shopper). A guest is known by this device's anonymous id, which `request`
 * sends as `X-Anonymous-Id` on every call; a signed-in shopper by the bearer token. Every change
 * answers the whole cart, priced by the server.
 */
export function getCart(): Promise<TCart> {
  return request('/api/shop/cart', { schema: ZCart });
}

/** Units in the cart, for the tab badge. */
export async function getCartCount(): Promise<number> {
  const { itemCount } = await request('/api/shop/cart/count', { schema: ZCartCount });
  return itemCount;
}

/** Adds to an existing line of the same SKU; a 409 problem says why not (stock, limit, off shelf). */
export function addToCart(body: TCartAddInput): Promise<TCart> {
  return request('/api/shop/cart/lines', { method: 'POST', body, schema: ZCart });
}

/** Quantity or selection of one line (PUT: the mini-program's wx.request has no PATCH). */
export function patchCartLine(id: string, body: TCartLinePatch): Promise<TCart> {
  return request(`/api/shop/cart/lines/${encodeURIComponent(id)}`, { method: 'PUT', body, schema: ZCart });
}

export function selectAllLines(selected: boolean): Promise<TCart> {
  return request('/api/shop/cart/select-all', { method: 'POST', body: { selected }, schema: ZCart });
}

export function removeLines(lineIds: string[]): Promise<TCart> {
  return request('/api/shop/cart/remove', { method: 'POST', body: { lineIds }, schema: ZCart });
}

/** Right after sign-in: this device's guest cart joins the shopper's. */
export function mergeGuestCart(): Promise<TCart> {
  return request('/api/shop/cart/merge', { method: 'POST', body: { anonymousId: anonymousId() }, schema: ZCart });
}
