import type { TBlock, TResolvedBlock } from '@koi/contracts';
import type { SearchService } from '../search/index.ts';

/**
 * A page as the shop renders it: product grids become cards from the read model (on sale only, in
 * the operator's order, at most `limit`), category navs get their names (a removed category drops
 * out). Coupon and activity blocks pass through unchanged until their modules fill them; the shop
 * shows nothing for an empty slot. Statements: one for all picked products, one for all category
 * names, two per collection grid.
 */
export async function resolveBlocks(search: SearchService, blocks: TBlock[]): Promise<TResolvedBlock[]> {
  const picked = [...new Set(blocks.flatMap((b) => (b.kind === 'product_grid' && b.source.type === 'products' ? b.source.productIds : [])))];
  const categoryIds = [...new Set(blocks.flatMap((b) => (b.kind === 'category_nav' ? b.items.map((i) => i.categoryId) : [])))];
  const [cards, categories] = await Promise.all([
    search.cardsByIds(picked),
    categoryIds.length ? search.categories(categoryIds) : Promise.resolve([]),
  ]);
  const cardOf = new Map(cards.map((c) => [c.id, c]));
  const nameOf = new Map(categories.map((c) => [c.id, c.name]));

  const out: TResolvedBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'product_grid') {
      const products = b.source.type === 'products'
        ? b.source.productIds.map((id) => cardOf.get(id)).filter((c) => c !== undefined).slice(0, b.limit)
        : ((await search.collectionCards(b.source.collectionId, b.limit)) ?? []);
      out.push({ kind: 'product_grid_resolved', id: b.id, title: b.title, columns: b.columns, products });
    } else if (b.kind === 'category_nav') {
      const items = b.items
        .filter((i) => nameOf.has(i.categoryId))
        .map((i) => ({ categoryId: i.categoryId, label: i.label || nameOf.get(i.categoryId)!, icon: i.icon }));
      out.push({ kind: 'category_nav_resolved', id: b.id, columns: b.columns, items });
    } else {
      out.push(b);
    }
  }
  return out;
}
