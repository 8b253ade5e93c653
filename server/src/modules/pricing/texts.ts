import { formatYuanShort, type TLocalText } from '@koi/contracts';

/** ¥12 / ¥12.50: the short money form of promotion texts. */
export const yuan = formatYuanShort;

export const text = (zh: string, en: string): TLocalText => ({ zh, en });

export function joinText(a: TLocalText, b: TLocalText | null, sep: TLocalText = { zh: '', en: ' ' }): TLocalText {
  return b ? { zh: `${a.zh}${sep.zh}${b.zh}`, en: `${a.en}${sep.en}${b.en}` } : a;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China keeps UTC+8 all year (no daylight saving)

/** 2026-05-01 00:00 in Beijing time, without a clock or a time-zone database. */
export function beijingTime(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export const thousands = (n: number): string => n.toLocaleString('en-US');
