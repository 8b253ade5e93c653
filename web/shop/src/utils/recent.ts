/**
 * 最近浏览: newest first, one entry per product, at most `max`. Pure (tests/unit/recent.test.ts);
 * the storage side is in stores/recent.ts.
 */
export const RECENT_MAX = 20;

export function addRecent<T extends { id: string }>(list: readonly T[], item: T, max = RECENT_MAX): T[] {
  return [item, ...list.filter((x) => x.id !== item.id)].slice(0, Math.max(0, max));
}
