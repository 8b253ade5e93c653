import type { TCouponValidity, TRewardOccasion } from '@koi/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * The key that makes an issuance happen once: a reward once per customer per occasion (a birthday
 * once per year, a level-up once per level reached), a list entry once per job, a code once per shopper.
 */
export function issueKey(
  o: { kind: 'reward'; occasion: TRewardOccasion; customerId: string; at?: { year: number } | { levelId: string } }
    | { kind: 'list'; jobId: string; customerId: string }
    | { kind: 'code'; code: string; customerId: string },
): string {
  if (o.kind === 'list') return `list:${o.jobId}:${o.customerId}`;
  if (o.kind === 'code') return `code:${o.code}:${o.customerId}`;
  if (o.occasion === 'new_customer') return `reward:new_customer:${o.customerId}`;
  if (o.occasion === 'birthday') {
    if (!o.at || !('year' in o.at)) throw new Error('a birthday reward needs the year');
    return `reward:birthday:${o.customerId}:${o.at.year}`;
  }
  if (!o.at || !('levelId' in o.at)) throw new Error('a level-up reward needs the level');
  return `reward:level_up:${o.customerId}:${o.at.levelId}`;
}

export type ListEntry = { raw: string } & ({ type: 'id'; id: string } | { type: 'phone'; phone: string } | { type: 'invalid' });

/** One pasted or uploaded entry: a shopper id, or a mainland mobile (spaces, dashes and a +86 prefix are dropped). */
export function classifyEntry(raw: string): ListEntry {
  const s = raw.trim();
  if (UUID.test(s)) return { raw: s, type: 'id', id: s.toLowerCase() };
  const digits = s.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  if (MOBILE.test(digits)) return { raw: s, type: 'phone', phone: digits };
  return { raw: s, type: 'invalid' };
}

/** Pasted text → entries: split on new lines, commas, semicolons, tabs and spaces; blanks dropped. */
export function splitPasted(text: string): string[] {
  return text.split(/[\n\r,，;；\t ]+/).map((s) => s.trim()).filter(Boolean);
}

/** Rewards are issued only while their template can issue: active and (fixed dates) not over. */
export function issuableNow(t: { status: string; validity: TCouponValidity }, now: Date): boolean {
  return t.status === 'active' && (t.validity.type === 'relative' || new Date(t.validity.until).getTime() > now.getTime());
}

/** The calendar day in Asia/Shanghai ('YYYY-MM-DD'): birthdays are celebrated on the shopper's day. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The month-days whose birthdays are celebrated on `day`: itself, and 29 February on the 28th of a common year. */
export function birthdayMonthDays(day: string): string[] {
  const y = Number(day.slice(0, 4));
  const md = day.slice(5, 10);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return md === '02-28' && !leap ? ['02-28', '02-29'] : [md];
}

/** 已抢 N%: issued over total, rounded down, so 100 shows only when nothing is left; null when unlimited. */
export function claimedPercent(issued: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(100, Math.floor((Math.min(issued, total) * 100) / total));
}
