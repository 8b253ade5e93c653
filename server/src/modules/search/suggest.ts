import { sql } from 'drizzle-orm';
import type { TSuggestions } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { planQuery } from './search-query.rules.ts';
import { likeContains, likePrefix } from './search-sql.ts';
import { normalize } from './tokenize.ts';

const CATEGORIES = 2;
const PRODUCTS = 6;
const TAGS = 2;

/**
 * Suggestions while typing, one statement: categories and tags whose name contains what was typed
 * or whose pinyin / initials start with it (lj → 龙井), and titles of on-sale products the text
 * finds as a prefix search (best sellers first). Only what has something on sale is suggested.
 */
export async function suggest(db: Db, raw: string): Promise<TSuggestions> {
  const q = normalize(raw).trim();
  const tsquery = planQuery(q, []).tsquery;
  const letters = /^[a-z]+$/.test(q) ? q : '';
  const rows = await db.rows<{ kind: 'category' | 'tag' | 'product'; text: string }>(sql`select s.kind, s.text from (
    (select 1 as k, 'category' as kind, name as text, row_number() over (order by product_count desc, name) as ord from search_categories
      where product_count > 0 and not removed and (name like ${likeContains(q)} or (${letters} <> '' and (pinyin like ${likePrefix(letters)} or initials like ${likePrefix(letters)})))
      order by ord limit ${CATEGORIES})
    union all
    (select 2, 'product', d.title, row_number() over (order by d.sales desc, d.product_id) from search_documents d
      where d.status = 'on_sale' and ${tsquery ? sql`d.tokens @@ ${tsquery}::tsquery` : sql`false`}
      order by 4 limit ${PRODUCTS})
    union all
    (select 3, 'tag', tag, row_number() over (order by product_count desc, tag) from search_tags
      where product_count > 0 and (tag like ${likeContains(q)} or (${letters} <> '' and (pinyin like ${likePrefix(letters)} or initials like ${likePrefix(letters)})))
      order by 4 limit ${TAGS})) s
    order by s.k, s.ord`);
  const seen = new Set<string>();
  const items = rows.filter((r) => !seen.has(r.text) && seen.add(r.text)).map((r) => ({ text: r.text, kind: r.kind }));
  return { items };
}
