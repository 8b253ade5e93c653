import type {
  TBatchPriceRequest,
  TCategory,
  TCategoryInput,
  TCategoryPatch,
  TMedia,
  TOk,
  TProduct,
  TProductInput,
  TProductRowList,
} from '@koi/contracts';
import type { TAdminProductQuery, TBatchResult, TBatchStatusRequest, TCategoryTree } from './catalog-types.ts';
import { http } from './http.ts';

const id = (value: string) => encodeURIComponent(value);

// ---- categories ----------------------------------------------------------------------------------

export function listCategories(): Promise<TCategoryTree> {
  return http.get<TCategoryTree>('/catalog/categories');
}

export function createCategory(body: TCategoryInput): Promise<TCategory> {
  return http.post<TCategory>('/catalog/categories', body);
}

export function updateCategory(categoryId: string, body: TCategoryPatch): Promise<TCategory> {
  return http.patch<TCategory>(`/catalog/categories/${id(categoryId)}`, body);
}

/** Silent: a 409 `catalog.category_not_empty` is shown by the page in its own words. */
export function deleteCategory(categoryId: string): Promise<TOk> {
  return http.del<TOk>(`/catalog/categories/${id(categoryId)}`, { silent: true });
}

// ---- products ------------------------------------------------------------------------------------

/** The product filters as a query string: `ids` (at most ADMIN_PRODUCT_IDS_MAX) go comma-separated. */
export function productQuery(query: TAdminProductQuery) {
  return { ...query, ids: query.ids?.join(',') };
}

/** `silent`: the caller shows failures its own way. */
export function listProducts(query: TAdminProductQuery, options: { silent?: boolean } = {}): Promise<TProductRowList> {
  return http.get<TProductRowList>('/catalog/products', { query: productQuery(query), ...options });
}

export function getProduct(productId: string, options: { silent?: boolean } = {}): Promise<TProduct> {
  return http.get<TProduct>(`/catalog/products/${id(productId)}`, options);
}

export function createProduct(body: TProductInput): Promise<TProduct> {
  return http.post<TProduct>('/catalog/products', body);
}

export function updateProduct(productId: string, body: TProductInput): Promise<TProduct> {
  return http.put<TProduct>(`/catalog/products/${id(productId)}`, body);
}

export function deleteProduct(productId: string): Promise<TOk> {
  return http.del<TOk>(`/catalog/products/${id(productId)}`);
}

export function batchSetStatus(body: TBatchStatusRequest): Promise<TBatchResult> {
  return http.post<TBatchResult>('/catalog/products/batch-status', body);
}

export function batchChangePrice(body: TBatchPriceRequest): Promise<TBatchResult> {
  return http.post<TBatchResult>('/catalog/products/batch-price', body);
}

// ---- media ---------------------------------------------------------------------------------------

/** jpeg/png/webp/gif up to 5 MB; the server checks the bytes, not the name. */
export function uploadMedia(file: File): Promise<TMedia> {
  return http.upload<TMedia>('/catalog/media', { file });
}
