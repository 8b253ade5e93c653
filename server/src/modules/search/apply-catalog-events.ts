import { sql, type SQL } from 'drizzle-orm';
import {
  CatalogEvents, type TCategoryRemovedEvent, type TCollectionRemovedEvent, type TCollectionSavedEvent, type TProductRemovedEvent,
  type TProductSavedEvent,
} from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events.ts';
import { categoryRows, countDeltas, documentRow } from './search-document.rules.ts';
import { pinyinFull, pinyinInitials } from './tokenize.ts';
import { textArray } from './search-sql.ts';

/**
 * Keeps the read model in step with the catalog's events. Each handler runs in the dispatcher's
 * transaction (with the handled-record, so a redelivery does nothing) and applies an event only when
 * its revision is newer than what the row holds, so late or reordered events never go backwards.
 */

type Current = { revision: number; status: string; category_ids: string[]; tags: string[] };
const EPOCH = new Date(0);

type Columns = { [column: string]: unknown };

/**
 * Writes the document when its revision is newer than the stored one and returns what the row held
 * before, in one statement: every part of a WITH sees the same snapshot, so `old` is the version
 * before the upsert (locked), and `inserted` tells an insert from an update (null: not written).
 * Two dispatchers writing a product's first events at once is the one case `old` cannot see; the
 * handler then fails and the outbox retries it, when the row is there to lock.
 */
async function upsertDocument(db: Db, q: Q, productId: string, columns: Columns): Promise<{ before: Current | null; written: boolean }> {
  const names = Object.keys(columns);
  const values = names.map((n) => (n === 'tokens' ? sql`${columns[n]}::tsvector` : n === 'category_ids' || n === 'tags' ? textArray(columns[n] as string[]) : sql`${columns[n]}`));
  const [row] = await db.rows<{ before: Current | null; inserted: boolean | null }>(sql`
    with old as (select revision, status, category_ids, tags from search_documents where product_id = ${productId} for update),
    up as (
      insert into search_documents (product_id, ${sql.raw(names.join(', '))}) values (${productId}, ${sql.join(values, sql`, `)})
      on conflict (product_id) do update set ${sql.raw(names.map((n) => `${n} = excluded.${n}`).join(', '))}
      where search_documents.revision < excluded.revision
      returning (xmax = 0) as inserted)
    select (select row_to_json(old) from old) as before, (select inserted from up) as inserted`, q);
  const before = row!.before ? { ...row!.before, revision: Number(row!.before.revision) } : null;
  if (!before && row!.inserted === false) throw new Error(`search document ${productId} was created concurrently; retrying`);
  return { before, written: row!.inserted !== null };
}

async function applyCounts(
  db: Db,
  q: Q,
  deltas: ReturnType<typeof countDeltas>,
  path: TProductSavedEvent['categoryPath'],
  namedAt: Date,
): Promise<void> {
  const named = categoryRows(path).map((c) => ({
    id: c.id, name: c.name, parent_id: c.parentId, depth: c.depth, pinyin: c.pinyin, initials: c.initials,
    name_at: namedAt.toISOString(), product_count: deltas.categories.get(c.id) ?? 0,
  }));
  // Categories the old version counted but the new path no longer holds: only their counts move.
  const onlyCounted = [...deltas.categories]
    .filter(([id]) => !path.some((c) => c.id === id))
    .map(([id, d]) => ({ id, name: '', parent_id: null, depth: 0, pinyin: '', initials: '', name_at: EPOCH.toISOString(), product_count: d }));
  const categories = [...named, ...onlyCounted];
  const tags = [...deltas.tags].map(([tag, d]) => ({ tag, pinyin: pinyinFull(tag), initials: pinyinInitials(tag), product_count: d }));
  if (!categories.length && !tags.length) return;
  // Both upserts in one statement (data-modifying CTEs).
  await db.rows(sql`with c as (
      insert into search_categories (id, name, parent_id, depth, pinyin, initials, name_at, product_count)
      select id, name, parent_id, depth, pinyin, initials, name_at, product_count from jsonb_to_recordset(${JSON.stringify(categories)}::jsonb)
        as x(id text, name text, parent_id text, depth int, pinyin text, initials text, name_at timestamptz, product_count int)
      on conflict (id) do update set
        name = case when excluded.name_at >= search_categories.name_at then excluded.name else search_categories.name end,
        parent_id = case when excluded.name_at >= search_categories.name_at then excluded.parent_id else search_categories.parent_id end,
        depth = case when excluded.name_at >= search_categories.name_at then excluded.depth else search_categories.depth end,
        pinyin = case when excluded.name_at >= search_categories.name_at then excluded.pinyin else search_categories.pinyin end,
        initials = case when excluded.name_at >= search_categories.name_at then excluded.initials else search_categories.initials end,
        name_at = greatest(excluded.name_at, search_categories.name_at),
        product_count = search_categories.product_count + excluded.product_count
      returning 1),
    t as (
      insert into search_tags (tag, pinyin, initials, product_count)
      select tag, pinyin, initials, product_count from jsonb_to_recordset(${JSON.stringify(tags)}::jsonb)
        as x(tag text, pinyin text, initials text, product_count int)
      on conflict (tag) do update set product_count = search_tags.product_count + excluded.product_count
      returning 1)
    select (select count(*) from c) as categories, (select count(*) from t) as tags`, q);
}

const counted = (c: Current) => ({ onSale: c.status === 'on_sale', categoryIds: c.category_ids, tags: c.tags });

/** Returns false when the event was older than (or as old as) what the read model holds. */
export async function applyProductSaved(db: Db, q: Q, e: TProductSavedEvent): Promise<boolean> {
  const r = documentRow(e);
  const { before, written } = await upsertDocument(db, q, e.productId, {
    revision: r.revision, status: r.status, title: r.title, subtitle: r.subtitle, image: r.image, category_id: r.categoryId,
    category_ids: r.categoryIds, tags: r.tags, price_min_fen: r.priceMinFen, price_max_fen: r.priceMaxFen, list_price_fen: r.listPriceFen,
    in_stock: r.inStock, stock_total: r.stockTotal, sales: r.sales, rating: r.rating, created_at: r.createdAt, updated_at: r.updatedAt, tokens: r.tokens,
  });
  if (!written) return false;
  const deltas = countDeltas(before && counted(before), { onSale: r.status === 'on_sale', categoryIds: r.categoryIds, tags: r.tags });
  await applyCounts(db, q, deltas, e.categoryPath, r.updatedAt);
  return true;
}

/** Keeps a tombstone (status `removed`, no lexemes) so a late older save cannot bring the product back. */
export async function applyProductRemoved(db: Db, q: Q, e: TProductRemovedEvent): Promise<boolean> {
  const { before, written } = await upsertDocument(db, q, e.productId, {
    revision: e.revision, status: 'removed', title: '', subtitle: '', category_ids: [], tags: [], price_min_fen: 0, price_max_fen: 0,
    in_stock: false, stock_total: 0, sales: 0, created_at: EPOCH, updated_at: EPOCH, tokens: '',
  });
  if (!written) return false;
  await applyCounts(db, q, countDeltas(before && counted(before), null), [], EPOCH);
  return true;
}

/** One statement: the write happens only when the stored revision is older. */
export async function applyCollectionSaved(db: Db, q: Q, e: TCollectionSavedEvent): Promise<boolean> {
  const rows = await db.rows(sql`insert into search_collections (id, revision, name, mode, product_ids, rule, removed)
    values (${e.collectionId}, ${e.revision}, ${e.name}, ${e.mode}, ${textArray(e.productIds)},
      ${e.rule === null ? null : JSON.stringify(e.rule)}::jsonb, false)
    on conflict (id) do update set revision = excluded.revision, name = excluded.name, mode = excluded.mode,
      product_ids = excluded.product_ids, rule = excluded.rule, removed = false
    where search_collections.revision < excluded.revision
    returning id`, q);
  return rows.length > 0;
}

export async function applyCollectionRemoved(db: Db, q: Q, e: TCollectionRemovedEvent): Promise<boolean> {
  const rows = await db.rows(sql`insert into search_collections (id, revision, name, mode, product_ids, rule, removed)
    values (${e.collectionId}, ${e.revision}, '', 'manual', '{}', null, true)
    on conflict (id) do update set revision = excluded.revision, product_ids = '{}', rule = null, removed = true
    where search_collections.revision < excluded.revision
    returning id`, q);
  return rows.length > 0;
}

/**
 * A deleted category leaves navs, facets, suggestions and link checks: its row becomes a tombstone
 * (inserted if no document ever named it, so a late one cannot bring it back), and any document still
 * filed under it, which only an event yet to be applied can leave, stops being found by it (the
 * product's next event re-files it). One statement. The catalog deletes only empty categories, so
 * no product's counts move.
 */
export async function applyCategoryRemoved(db: Db, q: Q, e: TCategoryRemovedEvent): Promise<void> {
  await db.rows(sql`with c as (
      insert into search_categories (id, name, parent_id, depth, pinyin, initials, name_at, product_count, removed)
      values (${e.categoryId}, '', ${e.parentId}, ${e.parentId === null ? 0 : 1}, '', '', ${EPOCH}, 0, true)
      on conflict (id) do update set removed = true
      returning 1),
    d as (
      update search_documents set category_ids = array_remove(category_ids, ${e.categoryId}::text),
        category_id = nullif(category_id, ${e.categoryId}::text)
      where category_ids @> ${textArray([e.categoryId])}
      returning 1)
    select (select count(*) from c) as categories, (select count(*) from d) as documents`, q);
}

/** Subscriber names are stable: they key the handled-records of every event already applied. */
export function subscribeToCatalog(db: Db, bus: EventBus): void {
  bus.subscribe(CatalogEvents.productSaved, 'search.documents', async (ev, q) => void (await applyProductSaved(db, q, ev.payload as TProductSavedEvent)));
  bus.subscribe(CatalogEvents.productRemoved, 'search.documents', async (ev, q) => void (await applyProductRemoved(db, q, ev.payload as TProductRemovedEvent)));
  bus.subscribe(CatalogEvents.collectionSaved, 'search.collections', async (ev, q) => void (await applyCollectionSaved(db, q, ev.payload as TCollectionSavedEvent)));
  bus.subscribe(CatalogEvents.collectionRemoved, 'search.collections', async (ev, q) => void (await applyCollectionRemoved(db, q, ev.payload as TCollectionRemovedEvent)));
  bus.subscribe(CatalogEvents.categoryRemoved, 'search.categories', async (ev, q) => applyCategoryRemoved(db, q, ev.payload as TCategoryRemovedEvent));
}
