import { sql, type SQL } from 'drizzle-orm';
import type { TProductCard } from '@koi/contracts';

/**
 * A text[] parameter as one bind value (`'{"a","b"}'::text[]`), the same on PGlite and node-postgres,
 * so an IN-list of any length is still one statement with one parameter.
 */
export function textArray(values: readonly string[]): SQL {
  const literal = `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}

/** The columns of a product card, in `search_documents` (alias `d`). */
export const CARD_COLUMNS = sql.raw(
  'd.product_id, d.title, d.subtitle, d.image, d.price_min_fen, d.list_price_fen, d.sales, d.in_stock, d.tags',
);

export type CardRow = {
  product_id: string;
  title: string;
  subtitle: string;
  image: string | null;
  price_min_fen: string | number;
  list_price_fen: string | number | null;
  sales: number;
  in_stock: boolean;
  tags: string[] | string;
};

/** node-postgres returns text[] as arrays; be strict about the shape anyway (PGlite agrees). */
function arrayOf(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  throw new Error('expected a text[] column');
}

export function toCard(r: CardRow): TProductCard {
  return {
    id: r.product_id,
    title: r.title,
    subtitle: r.subtitle,
    image: r.image,
    priceFen: Number(r.price_min_fen),
    listPriceFen: r.list_price_fen === null ? null : Number(r.list_price_fen),
    sales: Number(r.sales),
    inStock: r.in_stock,
    tags: arrayOf(r.tags),
  };
}

/** LIKE pattern for a prefix, with the wildcards of the input escaped. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, '\\$&')}%`;
}

export function likeContains(text: string): string {
  return `%${likePrefix(text)}`;
}
