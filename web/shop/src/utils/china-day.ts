/** China time (UTC+8, no daylight saving): today's date and weekday (Monday = 0), for labels only. */
export function chinaToday(now = Date.now()): { date: string; weekday: number; tomorrow: string } {
  const local = new Date(now + 8 * 3_600_000);
  const next = new Date(now + 32 * 3_600_000);
  return { date: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7, tomorrow: next.toISOString().slice(0, 10) };
}

/** 3480 → '3.5': a distance the server measured, in km with one decimal. */
export function kmText(metres: number): string {
  return (Math.round(metres / 100) / 10).toFixed(1);
}
