/** Day arithmetic shared by the audience rules. A day is 24 h of UTC milliseconds. */
export const DAY_MS = 86_400_000;

/**
 * Whole days from `at` to `now`, rounded down; an `at` after `now` (clock skew between the shop and
 * the server, or an imported timestamp in the future) counts as 0 days, never negative.
 */
export function daysSince(at: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));
}

/** `now − days ≤ at ≤ now`: the "within N days" window of segment conditions and RFM. */
export function withinDays(at: Date, now: Date, days: number): boolean {
  const t = at.getTime();
  const n = now.getTime();
  return t <= n && t >= n - days * DAY_MS;
}
