import type { TCollection, TCollectionInput, TOk } from '@koi/contracts';
import type { TCollectionList } from './catalog-types.ts';
import { http } from './http.ts';

export function listCollections(): Promise<TCollectionList> {
  return http.get<TCollectionList>('/catalog/collections');
}

export function createCollection(body: TCollectionInput): Promise<TCollection> {
  return http.post<TCollection>('/catalog/collections', body);
}

export function updateCollection(collectionId: string, body: TCollectionInput): Promise<TCollection> {
  return http.put<TCollection>(`/catalog/collections/${encodeURIComponent(collectionId)}`, body);
}

export function deleteCollection(collectionId: string): Promise<TOk> {
  return http.del<TOk>(`/catalog/collections/${encodeURIComponent(collectionId)}`);
}
