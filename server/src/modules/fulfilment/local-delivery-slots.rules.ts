import type { TDeliverySlot, TLocalDeliverySettings, TWeekHours } from '@koi/contracts';

/** China has one time zone and no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The China-time calendar day of an instant, and its weekday with Monday = 0. */
export function chinaDay(at: Date): { date: string; weekday: number; midnightUtcMs: number } {
  const local = at.getTime() + CHINA_OFFSET_MS;
  const dayStart = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  const d = new Date(dayStart);
  return { date: d.toISOString().slice(0, 10), weekday: (d.getUTCDay() + 6) % 7, midnightUtcMs: dayStart - CHINA_OFFSET_MS };
}

/** The instant a slot starts. */
export function slotStart(slot: TDeliverySlot): Date {
  return new Date(Date.parse(`${slot.date}T00:00:00Z`) - CHINA_OFFSET_MS + minutesOf(slot.start) * 60_000);
}

/**
 * The delivery windows a shopper may choose at `now`: for each of the next `days` days (today
 * first) that the store opens, back-to-back windows of `slotMinutes` inside the opening hours (a
 * window never runs past closing), keeping those that start at least `leadMinutes` from now.
 */
export function deliverySlots(hours: TWeekHours, settings: Pick<TLocalDeliverySettings, 'slotMinutes' | 'leadMinutes' | 'days'>, now: Date): TDeliverySlot[] {
  const today = chinaDay(now);
  const earliest = now.getTime() + settings.leadMinutes * 60_000;
  const out: TDeliverySlot[] = [];
  for (let i = 0; i < settings.days; i++) {
    const midnight = today.midnightUtcMs + i * DAY_MS;
    const day = chinaDay(new Date(midnight));
    const h = hours[day.weekday];
    if (!h) continue;
    const close = minutesOf(h.close);
    for (let m = minutesOf(h.open); m + settings.slotMinutes <= close; m += settings.slotMinutes) {
      if (midnight + m * 60_000 < earliest) continue;
      out.push({ date: day.date, start: hhmm(m), end: hhmm(m + settings.slotMinutes) });
    }
  }
  return out;
}

export const sameSlot = (a: TDeliverySlot, b: TDeliverySlot) => a.date === b.date && a.start === b.start && a.end === b.end;

/** Whether the store is open at `at` (China time). */
export function isOpenAt(hours: TWeekHours, at: Date): boolean {
  const day = chinaDay(at);
  const h = hours[day.weekday];
  if (!h) return false;
  const m = Math.floor((at.getTime() - day.midnightUtcMs) / 60_000);
  return m >= minutesOf(h.open) && m < minutesOf(h.close);
}
