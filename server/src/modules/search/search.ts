import { sql } from 'drizzle-orm';
import type { TProductCard, TSearchResult } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { planQuery, soundsLike } from './search-query.rules.ts';
import { bandValue, priceFacets, PRICE_BANDS, topFacets, type FacetCount } from './facets.rules.ts';
import { cardsOf, orderOf, whereOf, type ListFilter, type ListSort } from './product-list.ts';
import { likePrefix, toCard, type CardRow } from './search-sql.ts';
import { normalize } from './tokenize.ts';

export type SearchInput = {
  q: string;
  categoryId?: string;
  tag?: string;
  priceMinFen?: number;
  priceMaxFen?: number;
  inStock?: 'true' | 'false';
  sort: ListSort;
  page: number;
  pageSize: number;
};

const FACET_LIMIT = 12;
const ALTERNATIVE_WORDS = 8;
const ALTERNATIVE_PRODUCTS = 6;

/** The synonym groups that have a term inside the query (one statement; none for an empty query). */
async function groupsFor(db: Db, q: string): Promise<string[][]> {
  if (!q) return [];
  const rows = await db.rows<{ terms: string[] }>(sql`select g.terms from search_synonym_groups g
    where exists (select 1 from unnest(g.terms) as t(term) where strpos(${q}, t.term) > 0) order by g.sort`);
  return rows.map((r) => r.terms);
}

const PRICE_CASE = sql.raw(
  `case ${PRICE_BANDS.map((b) => (b.maxFen === null ? `else '${bandValue(b)}'` : `when m.price_min_fen <= ${b.maxFen} then '${bandValue(b)}'`)).join(' ')} end`,
);

/**
 * One statement, one pass over the matching rows: the total, every facet and the requested page.
 * The matches are materialised once (with their rank), then counted, grouped and sorted from there.
 */
async function resultOf(db: Db, f: ListFilter, sort: ListSort, offset: number, limit: number): Promise<{ total: number; facets: TSearchResult['facets']; items: TProductCard[] }> {
  const rank = f.tsquery ? sql`ts_rank(d.tokens, ${f.tsquery}::tsquery)` : sql`0::real`;
  const rows = await db.rows<{ k: string; v: string; label: string; n: number; card: CardRow | null }>(sql`
    with m as materialized (
      select d.product_id, d.title, d.subtitle, d.image, d.price_min_fen, d.list_price_fen, d.sales, d.in_stock, d.tags,
        d.category_id, d.created_at, d.rating, ${rank} as rank
      from search_documents d where ${whereOf(f)}),
    page as (
      select row_number() over (order by ${orderOf(f, sort, { rankColumn: true })})::int as ord,
        d.product_id, d.title, d.subtitle, d.image, d.price_min_fen, d.list_price_fen, d.sales, d.in_stock, d.tags
      from m d order by ord limit ${limit} offset ${offset})
    select 'total' as k, '' as v, '' as label, count(*)::int as n, null::json as card from m
    union all
    select 'category', m.category_id, coalesce(max(c.name), ''), count(*)::int, null from m
      left join search_categories c on c.id = m.category_id where m.category_id is not null and c.removed is not true group by m.category_id
    union all
    select 'tag', t.tag, t.tag, count(*)::int, null from m cross join lateral unnest(m.tags) as t(tag) group by t.tag
    union all
    select 'price', b.band, '', count(*)::int, null from (select ${PRICE_CASE} as band from m) b group by b.band
    union all
    select 'item', p.product_id, '', p.ord, row_to_json(p) from page p`);
  const of = (k: string): FacetCount[] => rows.filter((r) => r.k === k).map((r) => ({ value: r.v, label: r.label, count: Number(r.n) }));
  return {
    total: Number(rows.find((r) => r.k === 'total')?.n ?? 0),
    facets: {
      categories: topFacets(of('category'), FACET_LIMIT),
      tags: topFacets(of('tag'), FACET_LIMIT),
      priceRanges: priceFacets(new Map(of('price').map((p) => [p.value, p.count]))),
    },
    items: rows.filter((r) => r.k === 'item').sort((a, b) => Number(a.n) - Number(b.n)).map((r) => toCard(r.card!)),
  };
}

/**
 * What to offer when nothing matched: words close to the query (categories and tags that sound like
 * it or start like it), the operator's hot words, and products that sound like the query (a typo
 * such as 紫沙壶 still finds 紫砂壶) or else the best sellers.
 */
async function alternativesFor(db: Db, q: string): Promise<NonNullable<TSearchResult['alternatives']>> {
  const sound = soundsLike(q);
  const spelled = sound?.pinyin ?? normalize(q).replace(/[^a-z]/g, '');
  const first = [...normalize(q).trim()][0] ?? '';
  const close = spelled.length >= 2 || first
    ? await db.rows<{ w: string }>(sql`
        select w from (
          select name as w, product_count as n, pinyin from search_categories where product_count > 0 and not removed
          union all select tag, product_count, pinyin from search_tags where product_count > 0) t
        where (${spelled} <> '' and (t.pinyin like ${likePrefix(spelled)} or (length(t.pinyin) >= 4 and ${spelled} like t.pinyin || '%')))
          or (${first} <> '' and t.w like ${likePrefix(first)})
        order by n desc, w limit ${ALTERNATIVE_WORDS}`)
    : [];
  const hot = await db.rows<{ word: string }>(sql`select word from search_hot_words order by sort, word limit ${ALTERNATIVE_WORDS}`);
  const words = [...new Set([...close.map((r) => r.w), ...hot.map((r) => r.word)])].filter((w) => w !== q).slice(0, ALTERNATIVE_WORDS);
  let products: TProductCard[] = sound ? await cardsOf(db, { tsquery: sound.tsquery }, 'default', 0, ALTERNATIVE_PRODUCTS) : [];
  if (!products.length) products = await cardsOf(db, {}, 'sales', 0, ALTERNATIVE_PRODUCTS);
  return { words, products };
}

export async function searchProducts(db: Db, input: SearchInput): Promise<TSearchResult> {
  const q = normalize(input.q).trim();
  const plan = planQuery(q, await groupsFor(db, q));
  const filter: ListFilter = {
    tsquery: plan.tsquery,
    categoryId: input.categoryId,
    tag: input.tag,
    priceMinFen: input.priceMinFen,
    priceMaxFen: input.priceMaxFen,
    inStock: input.inStock === 'true',
  };
  const offset = (input.page - 1) * input.pageSize;
  const { total, facets, items } = await resultOf(db, filter, input.sort, offset, input.pageSize);
  return {
    items,
    total,
    page: input.page,
    hasMore: offset + items.length < total,
    understood: { tokens: plan.tokens, synonyms: plan.synonyms, pinyin: plan.pinyin },
    facets,
    alternatives: total === 0 ? await alternativesFor(db, q) : null,
  };
}
