import {
  ZHotWords,
  ZOk,
  ZSearchHistory,
  ZSearchResult,
  type ZSearchQuery,
  ZSuggestions,
  type THotWords,
  type TOk,
  type TSearchHistory,
  type TSearchResult,
  type TSuggestions,
} from '@koi/contracts';
import type { z } from 'zod';
import { request } from './request';

export type SearchQuery = Partial<z.output<typeof ZSearchQuery>>;

/** The server records the query (history when signed in, and a behaviour event) itself. */
export function search(query: SearchQuery): Promise<TSearchResult> {
  return request('/api/shop/search', { query, schema: ZSearchResult });
}

export async function suggest(q: string): Promise<TSuggestions['items']> {
  const { items } = await request('/api/shop/search/suggest', { query: { q }, schema: ZSuggestions });
  return items;
}

export async function hotWords(): Promise<THotWords['items']> {
  const { items } = await request('/api/shop/search/hot-words', { schema: ZHotWords });
  return items;
}

/** Signed in only. */
export async function searchHistory(): Promise<TSearchHistory['items']> {
  const { items } = await request('/api/shop/search/history', { schema: ZSearchHistory });
  return items;
}

export function clearSearchHistory(): Promise<TOk> {
  return request('/api/shop/search/history', { method: 'DELETE', schema: ZOk });
}
