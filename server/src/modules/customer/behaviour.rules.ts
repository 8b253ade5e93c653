/**
 * Rules for behaviour events: whose they are, when they happened, how many a device may send.
 * Pure: the caller passes `now`.
 */

/** A device clock may be wrong or events queued offline; beyond this window we trust our own clock's bounds. */
export const PAST_WINDOW_MS = 24 * 3600_000;
export const FUTURE_WINDOW_MS = 5 * 60_000;
/** Property keys per event: the schema bounds sizes, this bounds the count. */
export const MAX_PROPS = 30;

/**
 * Batches per minute: one device sends a batch when a page hides or every few seconds, so 60/min is
 * generous; the per-address limit stops one machine rotating anonymous ids, and is wide enough for
 * a shared office or campus address.
 */
export const INGEST_LIMITS = {
  perDevice: { max: 60, windowSeconds: 60 },
  perAddress: { max: 600, windowSeconds: 60 },
} as const;

/** The device's time if given, clamped to [now − 24 h, now + 5 min]; `now` when absent or unreadable. */
export function clampOccurredAt(at: string | undefined, now: Date): Date {
  const t = at ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(t)) return new Date(now.getTime());
  return new Date(Math.min(Math.max(t, now.getTime() - PAST_WINDOW_MS), now.getTime() + FUTURE_WINDOW_MS));
}

/** The key a customer's events are kept (and would be distributed) under. */
export function customerKey(shopperId: string | null, anonymousId: string | null): string {
  if (shopperId) return shopperId;
  if (anonymousId) return `anon:${anonymousId}`;
  return 'anon:unknown';
}

/** The UTC calendar day (YYYY-MM-DD) an event counts on in `behaviour_daily_counts`. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export type DailyCountDelta = { type: string; day: string; customerId: string; n: number };

/**
 * What a batch of events adds to the daily rollup: one row per (type, UTC day, customer) with how
 * many events it holds, in primary-key order. Anonymous events (no shopper) belong to no customer.
 */
export function dailyCountDeltas(events: readonly { type: string; shopperId: string | null; at: Date }[]): DailyCountDelta[] {
  const byKey = new Map<string, DailyCountDelta>();
  for (const e of events) {
    if (!e.shopperId) continue;
    const day = utcDay(e.at);
    const key = `${e.shopperId}\u0000${e.type}\u0000${day}`;
    const d = byKey.get(key);
    if (d) d.n += 1;
    else byKey.set(key, { type: e.type, day, customerId: e.shopperId, n: 1 });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}
