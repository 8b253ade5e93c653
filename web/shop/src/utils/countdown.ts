/**
 * The time left to pay, shown as `29:59` (or `1:05:09` past an hour). Display only: the server
 * closes the order at `payDeadline` whatever the page shows. Pure (tests/unit/countdown.test.ts).
 */
export function secondsLeft(deadlineIso: string | null, nowMs: number): number | null {
  if (!deadlineIso) return null;
  const at = Date.parse(deadlineIso);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((at - nowMs) / 1000));
}

export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}
