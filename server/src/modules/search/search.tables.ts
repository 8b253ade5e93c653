import { pgTable, text, timestamp, integer, bigint, boolean, jsonb, doublePrecision, uuid, primaryKey, index, customType } from 'drizzle-orm/pg-core';

/** A PostgreSQL tsvector; we write it as a literal built by search-tokens.rules.ts (no text-search parser involved). */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/**
 * The shop's read model of products: one row per product, rebuilt from `catalog.product_saved`
 * events (never from the catalog's tables). Cards, lists, search and facets are served from here.
 * `revision` is the catalog's per-product counter: an event is applied only when it is newer.
 * A removed product keeps its row (status `removed`) so an older event arriving late cannot revive it.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    productId: text('product_id').primaryKey(),
    revision: integer('revision').notNull(),
    status: text('status', { enum: ['draft', 'on_sale', 'off_shelf', 'removed'] }).notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle').notNull(),
    image: text('image'),
    /** The leaf category (last of the path); null when removed. */
    categoryId: text('category_id'),
    /** Every category on the path, root first: filtering by a category includes its descendants. */
    categoryIds: text('category_ids').array().notNull(),
    tags: text('tags').array().notNull(),
    priceMinFen: bigint('price_min_fen', { mode: 'number' }).notNull(),
    priceMaxFen: bigint('price_max_fen', { mode: 'number' }).notNull(),
    listPriceFen: bigint('list_price_fen', { mode: 'number' }),
    inStock: boolean('in_stock').notNull(),
    stockTotal: integer('stock_total').notNull(),
    sales: integer('sales').notNull(),
    rating: doublePrecision('rating'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    tokens: tsvector('tokens').notNull(),
  },
  (t) => [
    // No pending list: PGlite has no autovacuum to merge one, and an unmerged list makes every search scan it.
    index('search_documents_tokens_gin').using('gin', t.tokens).with({ fastupdate: false }),
    index('search_documents_category_ids_gin').using('gin', t.categoryIds),
    index('search_documents_tags_gin').using('gin', t.tags),
    index('search_documents_sales_idx').on(t.status, t.sales, t.productId),
    index('search_documents_created_idx').on(t.status, t.createdAt),
    index('search_documents_price_idx').on(t.status, t.priceMinFen),
  ],
);

/**
 * Category names and the tree as seen in the documents' `categoryPath` (names for facets, category
 * navs and suggestions). `nameAt` is the `updatedAt` of the document that named it, so an older
 * document cannot bring back an old name. `productCount` counts on-sale products in it or below.
 */
export const searchCategories = pgTable('search_categories', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  parentId: text('parent_id'),
  depth: integer('depth').notNull(),
  pinyin: text('pinyin').notNull(),
  initials: text('initials').notNull(),
  nameAt: timestamp('name_at', { withTimezone: true }).notNull(),
  productCount: integer('product_count').notNull().default(0),
  /** From `catalog.category_removed`: a tombstone, so a late document naming it cannot bring it back into navs and facets. */
  removed: boolean('removed').notNull().default(false),
});

/** Tags of on-sale products with their pinyin, for suggestions and close words. */
export const searchTags = pgTable('search_tags', {
  tag: text('tag').primaryKey(),
  pinyin: text('pinyin').notNull(),
  initials: text('initials').notNull(),
  productCount: integer('product_count').notNull().default(0),
});

/** Collections (分组) from `catalog.collection_saved`: manual lists in order, or a rule evaluated here. */
export const searchCollections = pgTable('search_collections', {
  id: text('id').primaryKey(),
  revision: integer('revision').notNull(),
  name: text('name').notNull(),
  mode: text('mode', { enum: ['manual', 'rule'] }).notNull(),
  productIds: text('product_ids').array().notNull(),
  rule: jsonb('rule'),
  /** Kept as a tombstone so a late older event cannot bring the collection back. */
  removed: boolean('removed').notNull().default(false),
});

/** Operator synonym groups (紫砂壶 = 宜兴壶 = 茶壶). */
export const searchSynonymGroups = pgTable('search_synonym_groups', {
  id: uuid('id').primaryKey(),
  terms: text('terms').array().notNull(),
  sort: integer('sort').notNull(),
});

/** Operator hot search words (热搜词), shown on the search page. */
export const searchHotWords = pgTable('search_hot_words', {
  word: text('word').primaryKey(),
  sort: integer('sort').notNull(),
});

/** A signed-in shopper's recent searches: one row per distinct query, the newest 20 kept. */
export const searchHistory = pgTable(
  'search_history',
  {
    shopperId: uuid('shopper_id').notNull(),
    q: text('q').notNull(),
    searchedAt: timestamp('searched_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopperId, t.q] }), index('search_history_recent_idx').on(t.shopperId, t.searchedAt)],
);
