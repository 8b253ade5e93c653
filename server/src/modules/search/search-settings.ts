import { asc, sql } from 'drizzle-orm';
import type { THotWords, TSynonymGroups } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { searchHotWords, searchSynonymGroups } from './search.tables.ts';
import { normalizeSynonymGroups } from './synonyms.rules.ts';
import './search.errors.ts';

export function searchSettings(db: Db) {
  return {
    async synonyms(): Promise<TSynonymGroups> {
      const rows = await db.run((q) => q.select().from(searchSynonymGroups).orderBy(asc(searchSynonymGroups.sort)));
      return { items: rows.map((r) => ({ terms: r.terms })) };
    },
    async replaceSynonyms(groups: { terms: string[] }[]): Promise<TSynonymGroups> {
      const normalized = normalizeSynonymGroups(groups);
      await db.tx(async (q) => {
        await q.execute(sql`delete from search_synonym_groups`);
        if (normalized.length) await q.insert(searchSynonymGroups).values(normalized.map((terms, sort) => ({ id: newId(), terms, sort })));
      });
      return { items: normalized.map((terms) => ({ terms })) };
    },
    async hotWords(): Promise<THotWords> {
      const rows = await db.run((q) => q.select().from(searchHotWords).orderBy(asc(searchHotWords.sort), asc(searchHotWords.word)));
      return { items: rows.map((r) => ({ word: r.word, sort: r.sort })) };
    },
    async replaceHotWords(items: { word: string; sort: number }[]): Promise<THotWords> {
      const seen = new Set<string>();
      for (const { word } of items) {
        if (seen.has(word)) throw new KoiError('search.hot_word_repeated', { word });
        seen.add(word);
      }
      await db.tx(async (q) => {
        await q.execute(sql`delete from search_hot_words`);
        if (items.length) await q.insert(searchHotWords).values(items);
      });
      return this.hotWords();
    },
  };
}
export type SearchSettings = ReturnType<typeof searchSettings>;
