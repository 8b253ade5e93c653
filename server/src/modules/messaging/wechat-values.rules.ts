/**
 * The value rules of WeChat subscribe-message template keys (订阅消息 data 参数): the key's type is its
 * name without the trailing number (`thing1` → thing). A value that breaks them makes
 * subscribeMessage.send answer errcode 47003 (argument invalid). Lengths count characters (code points).
 *
 * thing ≤ 20 chars · number ≤ 32 digits (decimal point allowed) · letter ≤ 32 letters · symbol ≤ 5 symbols ·
 * character_string ≤ 32 digits/letters/symbols · time "15:01" or "2019年10月1日 15:01" (a range joined by ~) ·
 * date "2019年10月1日" (optionally + time) · amount one currency sign + ≤ 10 digits, decimals allowed, may end in 元 ·
 * phone_number ≤ 17 digits/symbols · car_number ≤ 8 · name ≤ 10 Chinese characters or ≤ 20 letters/symbols ·
 * phrase ≤ 5 Chinese characters. No value may be empty.
 */
export const WECHAT_KEY_TYPES = [
  'thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'amount', 'phone_number', 'car_number', 'name', 'phrase',
] as const;
export type WechatKeyType = (typeof WECHAT_KEY_TYPES)[number];

const HAN = /^\p{Script=Han}+$/u;
const SYMBOLS = /^[\p{P}\p{S}]+$/u;
const TIME = '([01]?\\d|2[0-3]):[0-5]\\d';
const DAY = '\\d{4}年(1[0-2]|[1-9])月(3[01]|[12]\\d|[1-9])日';
const TIME_RE = new RegExp(`^((${DAY} )?${TIME})(~((${DAY} )?${TIME}))?$`);
const DATE_RE = new RegExp(`^${DAY}( ${TIME})?(~${DAY}( ${TIME})?)?$`);

const len = (s: string) => [...s].length;

/** The type of a data key (`amount2` → amount), or null when the key is not a WeChat key. */
export function keyType(key: string): WechatKeyType | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key);
  const t = m?.[1] as WechatKeyType | undefined;
  return t && (WECHAT_KEY_TYPES as readonly string[]).includes(t) ? t : null;
}

/** Why WeChat would refuse `value` for a key of `type`, or null when it is valid. */
export function valueProblem(type: WechatKeyType, value: string): string | null {
  if (value.length === 0) return 'empty';
  const n = len(value);
  switch (type) {
    case 'thing': return n <= 20 ? null : 'longer than 20 characters';
    case 'number': return /^\d+(\.\d+)?$/.test(value) && n <= 32 ? null : 'not a number of at most 32 digits';
    case 'letter': return /^[A-Za-z]+$/.test(value) && n <= 32 ? null : 'not at most 32 letters';
    case 'symbol': return SYMBOLS.test(value) && n <= 5 ? null : 'not at most 5 symbols';
    case 'character_string': return /^[\x21-\x7e]+$/.test(value) && n <= 32 ? null : 'not at most 32 digits, letters or symbols';
    case 'time': return TIME_RE.test(value) ? null : 'not a 24-hour time (15:01 or 2019年10月1日 15:01)';
    case 'date': return DATE_RE.test(value) ? null : 'not a date (2019年10月1日)';
    case 'amount': return /^[¥￥$€£]\d{1,10}(\.\d{1,2})?元?$/.test(value) || /^\d{1,10}(\.\d{1,2})?元$/.test(value) ? null : 'not an amount (¥100.00)';
    case 'phone_number': return /^[\d+\-() ]+$/.test(value) && n <= 17 ? null : 'not a phone number of at most 17 digits or symbols';
    case 'car_number': return n <= 8 && /^[\p{Script=Han}A-Za-z0-9]?[A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(value) ? null : 'not a car number';
    case 'name': return (HAN.test(value) && n <= 10) || (/^[A-Za-z\p{P}\p{S} ]+$/u.test(value) && n <= 20) ? null : 'not a name (≤ 10 Chinese characters or ≤ 20 letters)';
    case 'phrase': return HAN.test(value) && n <= 5 ? null : 'not at most 5 Chinese characters';
  }
}

/**
 * Makes a value fit its key before sending: long `thing`s end in "…", `phrase` and `character_string`
 * are cut, characters a `character_string` cannot hold are dropped. Formats (time, date, amount) are
 * not guessed: render them right and let `valueProblem` catch mistakes.
 */
export function fitValue(type: WechatKeyType, value: string): string {
  const chars = [...value.trim()];
  switch (type) {
    case 'thing': return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`;
    case 'phrase': return chars.filter((c) => HAN.test(c)).slice(0, 5).join('');
    case 'character_string': return chars.filter((c) => /^[\x21-\x7e]$/.test(c)).slice(0, 32).join('') || '-';
    case 'name': return HAN.test(value.trim()) ? chars.slice(0, 10).join('') : chars.slice(0, 20).join('');
    default: return chars.join('');
  }
}

/** Every problem of a `data` object, as WeChat's 47003 errmsg names them (`data.thing1.value …`). */
export function dataProblems(data: Record<string, { value: string }>, expectedKeys?: readonly string[]): string[] {
  const out: string[] = [];
  for (const key of expectedKeys ?? []) if (!(key in data)) out.push(`data.${key} is missing`);
  for (const [key, v] of Object.entries(data)) {
    const type = keyType(key);
    if (!type) { out.push(`data.${key} is not a template key`); continue; }
    if (expectedKeys && !expectedKeys.includes(key)) { out.push(`data.${key} is not in the template`); continue; }
    const p = typeof v?.value === 'string' ? valueProblem(type, v.value) : 'empty';
    if (p) out.push(`data.${key}.value ${p}`);
  }
  return out;
}

/** WeChat's time format in China time: "2026年11月22日 15:01" (China has no daylight saving). */
export function wechatTime(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}

/** Fen as WeChat's amount: "¥128.00". */
export function wechatAmount(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `¥${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
