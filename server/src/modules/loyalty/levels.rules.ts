/**
 * Membership levels: free levels by growth value. A shopper's level is the highest whose threshold
 * the growth of the last window reaches — decided at once when growth rises (upgrade), and only by
 * the periodic review when it falls (downgrade), so a level is never lost mid-period.
 */
export type LevelBenefits = {
  /** Percent off goods for this level (0 = none; 5 = 95折). */
  discountPercent: number;
  freeShipping: boolean;
  /** Points multiplier in percent (100 = ×1, 150 = ×1.5). */
  pointsMultiplierPct: number;
  birthdayGift: string;
};
export type Level = { id: string; name: string; threshold: number; benefits: LevelBenefits };

export const NO_BENEFITS: LevelBenefits = { discountPercent: 0, freeShipping: false, pointsMultiplierPct: 100, birthdayGift: '' };

/** Levels from the lowest threshold up. */
export function sortLevels<L extends { threshold: number; id: string }>(levels: readonly L[]): L[] {
  return [...levels].sort((a, b) => a.threshold - b.threshold || (a.id < b.id ? -1 : 1));
}

/** The highest level whose threshold `growth` reaches (null: below every level). */
export function levelFor<L extends { threshold: number; id: string }>(levels: readonly L[], growth: number): L | null {
  let found: L | null = null;
  for (const l of sortLevels(levels)) if (l.threshold <= growth) found = l;
  return found;
}

function rank(levels: readonly { id: string; threshold: number }[], id: string | null): number {
  return id === null ? -1 : sortLevels(levels).findIndex((l) => l.id === id);
}

/** After growth rose: the new level if higher than the current one, else the current one (no downgrade here). */
export function afterGrowth<L extends { threshold: number; id: string }>(levels: readonly L[], currentId: string | null, windowGrowth: number): string | null {
  const fit = levelFor(levels, windowGrowth);
  return fit && rank(levels, fit.id) > rank(levels, currentId) ? fit.id : currentId;
}

/** The periodic review: the level the window's growth supports — lower or higher than the current one. */
export function reviewLevel<L extends { threshold: number; id: string }>(levels: readonly L[], windowGrowth: number): string | null {
  return levelFor(levels, windowGrowth)?.id ?? null;
}

/** Progress to the next level (null next: at the top). */
export function progressOf<L extends { threshold: number; id: string }>(levels: readonly L[], currentId: string | null, windowGrowth: number):
  { next: L | null; needed: number; percent: number } {
  const sorted = sortLevels(levels);
  const i = rank(levels, currentId);
  const next = sorted[i + 1] ?? null;
  if (!next) return { next: null, needed: 0, percent: 100 };
  const base = i >= 0 ? sorted[i]!.threshold : 0;
  const span = Math.max(1, next.threshold - base);
  const needed = Math.max(0, next.threshold - windowGrowth);
  return { next, needed, percent: Math.max(0, Math.min(100, Math.floor(((windowGrowth - base) * 100) / span))) };
}
