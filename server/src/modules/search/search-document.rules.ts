import type { TProductSavedEvent } from '@koi/contracts';
import { pinyinFull, pinyinInitials } from './tokenize.ts';
import { documentLexemes } from './search-tokens.rules.ts';

/** The read-model row a `catalog.product_saved` event becomes (search_documents' columns). */
export type DocumentRow = {
  productId: string;
  revision: number;
  status: TProductSavedEvent['status'];
  title: string;
  subtitle: string;
  image: string | null;
  categoryId: string | null;
  categoryIds: string[];
  tags: string[];
  priceMinFen: number;
  priceMaxFen: number;
  listPriceFen: number | null;
  inStock: boolean;
  stockTotal: number;
  sales: number;
  rating: number | null;
  createdAt: Date;
  updatedAt: Date;
  tokens: string;
};

export function documentRow(e: TProductSavedEvent): DocumentRow {
  const tokens = documentLexemes({
    title: e.title,
    subtitle: e.subtitle,
    categoryNames: e.categoryPath.map((c) => c.name),
    tags: e.tags,
    specTerms: e.specTerms,
    codes: [...e.skuCodes, ...e.barcodes],
  }).toLiteral();
  return {
    productId: e.productId,
    revision: e.revision,
    status: e.status,
    title: e.title,
    subtitle: e.subtitle,
    image: e.image,
    categoryId: e.categoryPath.at(-1)?.id ?? null,
    categoryIds: e.categoryPath.map((c) => c.id),
    tags: [...new Set(e.tags)],
    priceMinFen: e.priceMinFen,
    priceMaxFen: e.priceMaxFen,
    listPriceFen: e.listPriceFen,
    inStock: e.inStock,
    stockTotal: e.stockTotal,
    sales: e.sales,
    rating: e.rating,
    createdAt: new Date(e.createdAt),
    updatedAt: new Date(e.updatedAt),
    tokens,
  };
}

export type CategoryRow = { id: string; name: string; parentId: string | null; depth: number; pinyin: string; initials: string };

/** The categories on a document's path, root first, each with its parent. */
export function categoryRows(path: TProductSavedEvent['categoryPath']): CategoryRow[] {
  return path.map((c, i) => ({
    id: c.id,
    name: c.name,
    parentId: i > 0 ? path[i - 1]!.id : null,
    depth: i,
    pinyin: pinyinFull(c.name),
    initials: pinyinInitials(c.name),
  }));
}

/**
 * How an applied document changes the on-sale counts of categories and tags: −1 for what the old
 * version counted, +1 for what the new one counts. Ids with a zero net change are left out.
 */
export function countDeltas(
  before: { onSale: boolean; categoryIds: string[]; tags: string[] } | null,
  after: { onSale: boolean; categoryIds: string[]; tags: string[] } | null,
): { categories: Map<string, number>; tags: Map<string, number> } {
  const categories = new Map<string, number>();
  const tags = new Map<string, number>();
  const bump = (m: Map<string, number>, keys: string[], d: number) => {
    for (const k of new Set(keys)) m.set(k, (m.get(k) ?? 0) + d);
  };
  if (before?.onSale) {
    bump(categories, before.categoryIds, -1);
    bump(tags, before.tags, -1);
  }
  if (after?.onSale) {
    bump(categories, after.categoryIds, 1);
    bump(tags, after.tags, 1);
  }
  for (const m of [categories, tags]) for (const [k, v] of m) if (v === 0) m.delete(k);
  return { categories, tags };
}
