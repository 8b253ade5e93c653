/** A quantity of one SKU at one location, as checkout and after-sales ask for it. */
export type StockLine = { skuId: string; qty: number; locationId?: string };
export type MergedLine = { skuId: string; qty: number; locationId: string };

/**
 * Normalises the lines of one reservation or release: quantities must be positive integers, the
 * same SKU at the same location is summed, and the result is sorted by (sku, location) so that two
 * transactions touching the same rows lock them in the same order and cannot deadlock.
 * Returns null when a quantity is not a positive safe integer.
 */
export function mergeStockLines(lines: readonly StockLine[], defaultLocationId: string): MergedLine[] | null {
  const merged = new Map<string, MergedLine>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.qty) || line.qty <= 0) return null;
    const locationId = line.locationId ?? defaultLocationId;
    const key = `${line.skuId}\u0000${locationId}`;
    const prev = merged.get(key);
    const qty = (prev?.qty ?? 0) + line.qty;
    if (!Number.isSafeInteger(qty)) return null;
    merged.set(key, { skuId: line.skuId, locationId, qty });
  }
  return [...merged.values()].sort((a, b) => (a.skuId === b.skuId ? cmp(a.locationId, b.locationId) : cmp(a.skuId, b.skuId)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a shopper may still buy: never negative, even if a level were somehow inconsistent. */
export function availableOf(level: { onHand: number; reserved: number }): number {
  return Math.max(0, level.onHand - level.reserved);
}
