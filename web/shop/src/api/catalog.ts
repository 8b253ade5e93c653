import {
  ZCategoryTree,
  ZProductCardPage,
  ZProductDetail,
  ZShopPage,
  type ZShopProductQuery,
  type TCategory,
  type TProductCardPage,
  type TProductDetail,
  type TShopPage,
} from '@koi/contracts';
import type { z } from 'zod';
import { request } from './request';

/** The query as sent: the contract's parsed shape, every field optional (the server fills defaults). */
export type ShopSort = NonNullable<ProductQuery['sort']>;

export type ProductQuery = Partial<z.output<typeof ZShopProductQuery>>;

/** The category tree; productCount counts on-sale products in a category and below. */
export async function getCategories(): Promise<TCategory[]> {
  const { items } = await request('/api/shop/catalog/categories', { schema: ZCategoryTree });
  return items;
}

/** On-sale products, by category / collection / tag, sorted and paged. */
export function listProducts(query: ProductQuery): Promise<TProductCardPage> {
  return request('/api/shop/catalog/products', { query, schema: ZProductCardPage });
}

/** 404 `catalog.product_not_found` when the product is not on sale. */
export function getProduct(id: string): Promise<TProductDetail> {
  return request(`/api/shop/catalog/products/${encodeURIComponent(id)}`, { schema: ZProductDetail });
}

/** A published decorated page (店铺装修); `home` is the home page. */
export function getShopPage(slug: string): Promise<TShopPage> {
  return request(`/api/shop/pages/${encodeURIComponent(slug)}`, { schema: ZShopPage });
}
