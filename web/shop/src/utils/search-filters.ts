/**
 * The search page's filters and how they become the query's fields. `priceRange` holds the price
 * facet's value ("<minFen>-<maxFen>"). Pure (tests/unit/misc.test.ts).
 */
import { priceRangeBounds } from './price-range';

export interface SearchFilters {
  categoryId: string;
  priceRange: string;
  tag: string;
  inStock: boolean;
}

export const NO_FILTERS: Readonly<SearchFilters> = { categoryId: '', priceRange: '', tag: '', inStock: false };

export interface FilterQuery {
  categoryId?: string;
  tag?: string;
  inStock?: 'true';
  priceMinFen?: number;
  priceMaxFen?: number;
}

export function filterQuery(f: SearchFilters): FilterQuery {
  const q: FilterQuery = {};
  if (f.categoryId) q.categoryId = f.categoryId;
  if (f.tag) q.tag = f.tag;
  if (f.inStock) q.inStock = 'true';
  const bounds = f.priceRange ? priceRangeBounds(f.priceRange) : null;
  if (bounds) Object.assign(q, bounds);
  return q;
}

/** How many filters are on (the number beside 筛选). */
export function filterCount(f: SearchFilters): number {
  return [f.categoryId, f.priceRange, f.tag].filter(Boolean).length + (f.inStock ? 1 : 0);
}
