/**
 * The points expiry reminder's rules (issue 8): which points expire when, and what one reminder
 * says. Pure: `now` and the lots come from the caller.
 */
import { shanghaiDay } from './points.rules.ts';

export type ReminderLot = { remaining: number; expiresAt: Date | null };
/** The points that can be used until the end of `day` (YYYY-MM-DD, Shanghai) and not after. */
export type ExpiryBatch = { day: string; points: number };
export type Reminder = { points: number; firstDay: string; lastDay: string; days: ExpiryBatch[] };

const SHANGHAI_MS = 8 * 3600_000;

/** `day` plus `n` days (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The start of `day` in Shanghai, as an instant. */
export function shanghaiMidnight(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_MS);
}

/**
 * The last day a lot expiring at `expiresAt` can be used: the Shanghai day of the instant just before
 * it (a yearly clear at 1 January 00:00 is the 31 December before; a rolling expiry at 10:00 is that day).
 */
export function lastUsableDay(expiresAt: Date): string {
  return shanghaiDay(new Date(expiresAt.getTime() - 1));
}

/** The instant up to which (inclusive) lots fall in the window of `days` days from `now`. */
export function windowEnd(now: Date, days: number): Date {
  return shanghaiMidnight(addDays(shanghaiDay(now), days + 1));
}

/**
 * The lots (with points left) that have not expired at `now` and whose last usable day is at most
 * `days` days after today, summed by that day, soonest first. `days` = 0: only what ends today.
 */
export function expiringBatches(lots: readonly ReminderLot[], now: Date, days: number): ExpiryBatch[] {
  if (days < 0) return [];
  const end = windowEnd(now, days).getTime();
  const by = new Map<string, number>();
  for (const l of lots) {
    if (!l.expiresAt || l.remaining <= 0) continue;
    const t = l.expiresAt.getTime();
    if (t <= now.getTime() || t > end) continue;
    const day = lastUsableDay(l.expiresAt);
    by.set(day, (by.get(day) ?? 0) + l.remaining);
  }
  return [...by.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([day, points]) => ({ day, points }));
}

/**
 * One reminder for the batches not reminded of yet: how many points, from which day to which.
 * Null when every batch in the window was already announced (once per expiry batch).
 */
export function reminderFor(batches: readonly ExpiryBatch[], reminded: ReadonlySet<string>): Reminder | null {
  const days = batches.filter((b) => b.points > 0 && !reminded.has(b.day));
  if (!days.length) return null;
  return { points: days.reduce((s, b) => s + b.points, 0), firstDay: days[0]!.day, lastDay: days[days.length - 1]!.day, days };
}
