import { sql } from 'drizzle-orm';
import type { TProductCard, TProductCardPage, TSearchResult } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events.ts';
import type { App } from '../../platform/http.ts';
import type { Logger } from '../../platform/log.ts';
import { recordBehaviour } from '../customer/index.ts';
import { subscribeToCatalog } from './apply-catalog-events.ts';
import { cardsByIds, cardsOf, pageOf, type ListFilter, type ListScope, type ListSort, type CollectionRule } from './product-list.ts';
import { searchProducts, type SearchInput } from './search.ts';
import { suggest } from './suggest.ts';
import { searchSettings } from './search-settings.ts';
import { clearSearchHistory, rememberSearch, searchHistoryOf } from './search-history.ts';
import { textArray } from './search-sql.ts';
import { normalize } from './tokenize.ts';
import { registerShopSearchRoutes } from './search.routes.shop.ts';
import { registerAdminSearchRoutes } from './search.routes.admin.ts';

export type { ListSort } from './product-list.ts';
export type Searcher = { shopperId: string | null; anonymousId: string | null };
export type ReadModelCategory = { id: string; name: string; parentId: string | null; depth: number; productCount: number };

/**
 * The shop's read side: a read model of products, categories and collections kept from the
 * catalog's events (subscribed here), search (jieba + pinyin over tsvector/GIN), product lists,
 * suggestions, hot words, synonyms and search history. Other modules use the cards and names below.
 */
export function createSearch(deps: { db: Db; bus: EventBus; log: Logger }) {
  const { db, log } = deps;
  subscribeToCatalog(db, deps.bus);
  const settings = searchSettings(db);

  /** A collection as a list scope; null when unknown or removed. */
  async function scopeOf(collectionId: string): Promise<ListScope | null> {
    const [c] = await db.rows<{ mode: 'manual' | 'rule'; product_ids: string[]; rule: CollectionRule | null }>(sql`
      select mode, product_ids, rule from search_collections where id = ${collectionId} and not removed`);
    if (!c) return null;
    if (c.mode === 'rule' && c.rule) return { kind: 'rule', rule: c.rule };
    return { kind: 'manual', productIds: c.product_ids };
  }

  const service = {
    settings,
    scopeOf,

    /** On-sale cards, filtered and sorted; a page is ≤ 3 statements (collection, count, rows). */
    async list(filter: Omit<ListFilter, 'scope' | 'tsquery'> & { collectionId?: string }, sort: ListSort, page: number, pageSize: number): Promise<TProductCardPage | null> {
      const { collectionId, ...rest } = filter;
      const scope = collectionId ? await scopeOf(collectionId) : { kind: 'all' as const };
      if (!scope) return null;
      return pageOf(db, { ...rest, scope }, sort, page, pageSize);
    },

    /** Searches, and on the first page records the query (history when signed in, a behaviour event always). */
    async search(input: SearchInput, who: Searcher): Promise<TSearchResult> {
      const result = await searchProducts(db, input);
      const text = normalize(input.q).trim();
      if (text && input.page === 1) {
        try {
          const event = {
            type: 'search' as const, shopperId: who.shopperId, anonymousId: who.anonymousId,
            props: { q: text, total: result.total, categoryId: input.categoryId ?? null, sort: input.sort },
          };
          const shopperId = who.shopperId;
          // History and event together when signed in; a lone insert (no transaction) otherwise.
          if (shopperId) {
            await db.tx(async (q) => {
              await rememberSearch(db, q, shopperId, text);
              await recordBehaviour(q, event);
            });
          } else {
            await db.run((q) => recordBehaviour(q, event));
          }
        } catch (err) {
          // The shopper still gets the results; a lost history line is logged, not shown.
          log.warn({ err }, 'search could not be recorded');
        }
      }
      return result;
    },

    suggest: (q: string) => suggest(db, q),
    history: (shopperId: string) => searchHistoryOf(db, shopperId),
    clearHistory: (shopperId: string) => clearSearchHistory(db, shopperId),

    /** On-sale cards of these products in this order (one statement). */
    cardsByIds: (ids: string[]): Promise<TProductCard[]> => cardsByIds(db, ids),

    /** The first `limit` on-sale cards of a collection in its order; null when it does not exist. */
    async collectionCards(collectionId: string, limit: number): Promise<TProductCard[] | null> {
      const scope = await scopeOf(collectionId);
      return scope ? cardsOf(db, { scope }, 'default', 0, limit) : null;
    },

    async categories(ids?: string[]): Promise<ReadModelCategory[]> {
      const rows = await db.rows<{ id: string; name: string; parent_id: string | null; depth: number; product_count: number }>(sql`
        select id, name, parent_id, depth, product_count from search_categories
        where not removed and ${ids ? sql`id = any(${textArray(ids)})` : sql`true`} order by depth, product_count desc, name`);
      return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, depth: Number(r.depth), productCount: Number(r.product_count) }));
    },

    async collections(): Promise<{ id: string; name: string }[]> {
      return db.rows<{ id: string; name: string }>(sql`select id, name from search_collections where not removed order by name`);
    },

    /** Which of these ids the read model knows (products, categories and collections not removed). */
    async known(ids: { products: string[]; categories: string[]; collections: string[] }) {
      const rows = await db.rows<{ kind: string; id: string }>(sql`
        select 'product' as kind, product_id as id from search_documents where status <> 'removed' and product_id = any(${textArray(ids.products)})
        union all select 'category', id from search_categories where not removed and id = any(${textArray(ids.categories)})
        union all select 'collection', id from search_collections where not removed and id = any(${textArray(ids.collections)})`);
      const of = (k: string) => new Set(rows.filter((r) => r.kind === k).map((r) => r.id));
      return { products: of('product'), categories: of('category'), collections: of('collection') };
    },

    registerRoutes(app: App) {
      registerShopSearchRoutes(app, service);
      registerAdminSearchRoutes(app, service);
    },
  };
  return service;
}
export type SearchService = ReturnType<typeof createSearch>;
