import {
  ZAddress,
  ZAddressList,
  ZDefaultAddress,
  ZOk,
  ZRegionChildren,
  type TAddress,
  type TAddressInput,
  type TAddressList,
  type TRegionItem,
} from '@koi/contracts';
import { request } from './request';

/** The shopper's addresses, the default first (401 problem when signed out). */
export function listAddresses(): Promise<TAddressList> {
  return request('/api/shop/addresses', { schema: ZAddressList });
}

/** One of the shopper's addresses (404 problem if it is not theirs). */
export function getAddress(id: string): Promise<TAddress> {
  return request(`/api/shop/addresses/${encodeURIComponent(id)}`, { schema: ZAddress });
}

export async function getDefaultAddress(): Promise<TAddress | null> {
  const { address } = await request('/api/shop/addresses/default', { schema: ZDefaultAddress });
  return address;
}

/** Region names are not sent: the server derives them from the codes (400 problem with `errors[]`). */
export function createAddress(body: TAddressInput): Promise<TAddress> {
  return request('/api/shop/addresses', { method: 'POST', body, schema: ZAddress });
}

export function updateAddress(id: string, body: TAddressInput): Promise<TAddress> {
  return request(`/api/shop/addresses/${encodeURIComponent(id)}`, { method: 'PUT', body, schema: ZAddress });
}

export function setDefaultAddress(id: string): Promise<TAddress> {
  return request(`/api/shop/addresses/${encodeURIComponent(id)}/default`, { method: 'POST', schema: ZAddress });
}

export function deleteAddress(id: string): Promise<void> {
  return request(`/api/shop/addresses/${encodeURIComponent(id)}`, { method: 'DELETE', schema: ZOk }).then(() => undefined);
}

/** One level of the region tree: provinces without `parent`. Cached by the server for a day. */
export async function regionChildren(parent?: string): Promise<TRegionItem[]> {
  const { items } = await request('/api/shop/regions/children', { query: { parent }, schema: ZRegionChildren });
  return items;
}
