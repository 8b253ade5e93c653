import { sql, type SQL } from 'drizzle-orm';
import type { TCollectionSavedEvent, TProductCard, TProductCardPage } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { CARD_COLUMNS, textArray, toCard, type CardRow } from './search-sql.ts';

/**
 * Lists of on-sale products from the read model: the shop's product list, collections, search
 * results and product grids all go through here. A page is two statements (count, rows) whatever
 * its size; cards come from the same row, so there is nothing to fetch per product.
 */

export type CollectionRule = NonNullable<TCollectionSavedEvent['rule']>;
export type ListScope = { kind: 'all' } | { kind: 'manual'; productIds: string[] } | { kind: 'rule'; rule: CollectionRule };
export type ListSort = 'default' | 'sales' | 'price_asc' | 'price_desc' | 'newest' | 'rating';

export type ListFilter = {
  /** A tsquery literal from search-query.rules.ts. */
  tsquery?: string | null;
  categoryId?: string;
  tag?: string;
  priceMinFen?: number;
  priceMaxFen?: number;
  inStock?: boolean;
  scope?: ListScope;
};

const RULE_ORDER: Record<CollectionRule['sort'], SQL> = {
  sales: sql`d.sales desc, d.product_id`,
  newest: sql`d.created_at desc, d.product_id`,
  price_asc: sql`d.price_min_fen asc, d.product_id`,
  price_desc: sql`d.price_min_fen desc, d.product_id`,
};

/** The products a rule collection holds: the first `limit` on-sale products matching it, in its order. */
function ruleMembers(rule: CollectionRule): SQL {
  const where: SQL[] = [sql`d.status = 'on_sale'`];
  if (rule.categoryId) where.push(sql`d.category_ids @> ${textArray([rule.categoryId])}`);
  if (rule.tag) where.push(sql`d.tags @> ${textArray([rule.tag])}`);
  if (rule.priceMinFen !== null) where.push(sql`d.price_min_fen >= ${rule.priceMinFen}`);
  if (rule.priceMaxFen !== null) where.push(sql`d.price_min_fen <= ${rule.priceMaxFen}`);
  return sql`select d.product_id from search_documents d where ${sql.join(where, sql` and `)}
    order by ${RULE_ORDER[rule.sort]} limit ${rule.limit}`;
}

export function whereOf(f: ListFilter): SQL {
  const where: SQL[] = [sql`d.status = 'on_sale'`];
  if (f.tsquery) where.push(sql`d.tokens @@ ${f.tsquery}::tsquery`);
  if (f.categoryId) where.push(sql`d.category_ids @> ${textArray([f.categoryId])}`);
  if (f.tag) where.push(sql`d.tags @> ${textArray([f.tag])}`);
  if (f.priceMinFen !== undefined) where.push(sql`d.price_min_fen >= ${f.priceMinFen}`);
  if (f.priceMaxFen !== undefined) where.push(sql`d.price_min_fen <= ${f.priceMaxFen}`);
  if (f.inStock) where.push(sql`d.in_stock`);
  if (f.scope?.kind === 'manual') where.push(sql`d.product_id = any(${textArray(f.scope.productIds)})`);
  if (f.scope?.kind === 'rule') where.push(sql`d.product_id in (${ruleMembers(f.scope.rule)})`);
  return sql.join(where, sql` and `);
}

/**
 * Default order: relevance then sales for a search; the operator's order in a collection; else sales.
 * `rankColumn`: the rows carry their ts_rank as `d.rank` already (search.ts computes it once).
 */
export function orderOf(f: ListFilter, sort: ListSort, opts: { rankColumn?: boolean } = {}): SQL {
  switch (sort) {
    case 'sales':
      return sql`d.sales desc, d.product_id`;
    case 'price_asc':
      return sql`d.price_min_fen asc, d.sales desc, d.product_id`;
    case 'price_desc':
      return sql`d.price_min_fen desc, d.sales desc, d.product_id`;
    case 'newest':
      return sql`d.created_at desc, d.product_id`;
    case 'rating':
      return sql`d.rating desc nulls last, d.sales desc, d.product_id`;
    case 'default':
      if (f.tsquery) return opts.rankColumn ? sql`d.rank desc, d.sales desc, d.product_id` : sql`ts_rank(d.tokens, ${f.tsquery}::tsquery) desc, d.sales desc, d.product_id`;
      if (f.scope?.kind === 'manual') return sql`array_position(${textArray(f.scope.productIds)}, d.product_id), d.product_id`;
      if (f.scope?.kind === 'rule') return RULE_ORDER[f.scope.rule.sort];
      return sql`d.sales desc, d.created_at desc, d.product_id`;
  }
}

export async function countOf(db: Db, f: ListFilter): Promise<number> {
  const [row] = await db.rows<{ n: number }>(sql`select count(*)::int as n from search_documents d where ${whereOf(f)}`);
  return Number(row?.n ?? 0);
}

export async function cardsOf(db: Db, f: ListFilter, sort: ListSort, offset: number, limit: number): Promise<TProductCard[]> {
  const rows = await db.rows<CardRow>(sql`select ${CARD_COLUMNS} from search_documents d where ${whereOf(f)}
    order by ${orderOf(f, sort)} limit ${limit} offset ${offset}`);
  return rows.map(toCard);
}

export async function pageOf(db: Db, f: ListFilter, sort: ListSort, page: number, pageSize: number): Promise<TProductCardPage> {
  const total = await countOf(db, f);
  const offset = (page - 1) * pageSize;
  const items = offset < total ? await cardsOf(db, f, sort, offset, pageSize) : [];
  return { items, total, page, hasMore: offset + items.length < total };
}

/** Cards of the given products that are on sale, in the given order (one statement). */
export async function cardsByIds(db: Db, ids: string[]): Promise<TProductCard[]> {
  if (!ids.length) return [];
  const rows = await db.rows<CardRow>(sql`select ${CARD_COLUMNS} from search_documents d
    where d.status = 'on_sale' and d.product_id = any(${textArray(ids)})`);
  const byId = new Map(rows.map((r) => [r.product_id, toCard(r)]));
  return ids.map((id) => byId.get(id)).filter((c): c is TProductCard => !!c);
}
