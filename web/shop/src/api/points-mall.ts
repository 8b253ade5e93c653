import {
  ZMallExchangePage, ZMallExchangeResult, ZShopMallItem, ZShopMallList,
  type TMallExchangePage, type TMallExchangeResult, type TShopMallItem, type TShopMallList,
} from '@koi/contracts';
import { request } from './request';

/** 积分商城: the shelf with my points, one item, exchange (one key per tap), my exchanges. */
export function mallItems(): Promise<TShopMallList> {
  return request('/api/shop/points-mall/items', { schema: ZShopMallList });
}

export function mallItem(id: string): Promise<TShopMallItem> {
  return request(`/api/shop/points-mall/items/${encodeURIComponent(id)}`, { schema: ZShopMallItem });
}

export function exchangeItem(itemId: string, addressId: string | null, idempotencyKey: string): Promise<TMallExchangeResult> {
  return request('/api/shop/points-mall/exchanges', {
    method: 'POST', body: addressId ? { itemId, addressId } : { itemId }, headers: { 'Idempotency-Key': idempotencyKey }, schema: ZMallExchangeResult,
  });
}

export function myExchanges(page = 1): Promise<TMallExchangePage> {
  return request('/api/shop/points-mall/exchanges', { query: { page, pageSize: 20 }, schema: ZMallExchangePage });
}
