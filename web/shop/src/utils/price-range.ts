/**
 * Search facets name a price range as `"<minFen>-<maxFen>"`, either end may be empty
 * ("0-5000", "20000-"). This turns the facet's value into the query's fen bounds, without
 * arithmetic. Pure (tests/unit/price-range.test.ts).
 */
export interface PriceBounds {
  priceMinFen?: number;
  priceMaxFen?: number;
}

export function priceRangeBounds(value: string): PriceBounds | null {
  const m = /^(\d*)-(\d*)$/.exec(value.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const bounds: PriceBounds = {};
  if (m[1] !== '') bounds.priceMinFen = Number(m[1]);
  if (m[2] !== '') bounds.priceMaxFen = Number(m[2]);
  if (!Object.values(bounds).every((n) => Number.isSafeInteger(n))) return null;
  return bounds;
}
