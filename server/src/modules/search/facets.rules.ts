/**
 * Price ranges offered as a facet. Fixed bands that suit the shop's assortment (tea-ware from a ¥30
 * cup to a ¥3,000 pot) read better than computed quantiles, and their values are stable filters:
 * `10000-29999` → priceMinFen=10000&priceMaxFen=29999. Amounts in fen, bounds inclusive.
 */
export type PriceBand = { minFen: number; maxFen: number | null; label: string };

export const PRICE_BANDS: readonly PriceBand[] = [
  { minFen: 0, maxFen: 9_999, label: '¥100 以下' },
  { minFen: 10_000, maxFen: 29_999, label: '¥100–299' },
  { minFen: 30_000, maxFen: 79_999, label: '¥300–799' },
  { minFen: 80_000, maxFen: 199_999, label: '¥800–1999' },
  { minFen: 200_000, maxFen: null, label: '¥2000 以上' },
];

export function bandValue(b: PriceBand): string {
  return `${b.minFen}-${b.maxFen ?? ''}`;
}

/** The band a price falls in (the reference the SQL `case` is checked against in tests). */
export function bandOf(priceFen: number): PriceBand {
  return PRICE_BANDS.find((b) => priceFen >= b.minFen && (b.maxFen === null || priceFen <= b.maxFen)) ?? PRICE_BANDS[0]!;
}

export type FacetCount = { value: string; label: string; count: number };

/** Facet entries with a count, largest first (ties by label), at most `limit`. */
export function topFacets(entries: FacetCount[], limit: number): FacetCount[] {
  return entries
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'))
    .slice(0, limit);
}

/** Price bands keep their natural order and leave out empty ones. */
export function priceFacets(counts: Map<string, number>): FacetCount[] {
  return PRICE_BANDS.map((b) => ({ value: bandValue(b), label: b.label, count: counts.get(bandValue(b)) ?? 0 })).filter((f) => f.count > 0);
}
