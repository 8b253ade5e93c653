import type { THotWords, TSynonymGroups } from '@koi/contracts';
import type { THotWordsInput, TSynonymGroupsInput } from './catalog-types.ts';
import { http } from './http.ts';

export function getSynonyms(): Promise<TSynonymGroups> {
  return http.get<TSynonymGroups>('/search/synonyms');
}

export function saveSynonyms(body: TSynonymGroupsInput): Promise<TSynonymGroups> {
  return http.put<TSynonymGroups>('/search/synonyms', body);
}

export function getHotWords(): Promise<THotWords> {
  return http.get<THotWords>('/search/hot-words');
}

export function saveHotWords(body: THotWordsInput): Promise<THotWords> {
  return http.put<THotWords>('/search/hot-words', body);
}
