/**
 * The operator types yuan; the API speaks integer fen. These helpers convert by reading the digits of
 * the text, never through floating point (`0.1 + 0.2`), so `'12.30'` is exactly 1230.
 * Showing money is `formatYuan` from @koi/contracts; these are only for form fields.
 */

export type TYuanError = 'empty' | 'format' | 'decimals' | 'negative' | 'range';
export type TYuanResult = { ok: true; fen: number } | { ok: false; error: TYuanError };

export interface TYuanOptions {
  /** A price change by an amount may go down; prices themselves may not. */
  allowNegative?: boolean;
  /** Largest absolute amount in fen (the contracts' ZPriceFen max is ¥10,000,000). */
  maxFen?: number;
}

const MAX_PRICE_FEN = 1_000_000_000;

/** `'12.3'` → 1230, `'¥1,280'` → 128000, `'-5'` → -500 (when allowed), `'1.234'` → decimals error. */
export function parseYuan(input: string, options: TYuanOptions = {}): TYuanResult {
  const text = input.trim().replace(/^[¥￥]/, '').replace(/,/g, '').trim();
  if (text === '') return { ok: false, error: 'empty' };
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/.exec(text);
  if (!match) return { ok: false, error: 'format' };
  const sign = match[1] ?? match[4] ?? '';
  const whole = match[2] ?? '0';
  const decimals = match[3] ?? match[5] ?? '';
  if (decimals.length > 2) return { ok: false, error: 'decimals' };
  if (sign === '-' && !options.allowNegative && /[1-9]/.test(whole + decimals)) return { ok: false, error: 'negative' };
  // Digits only from here: 15 digits of yuan is far past any limit, and keeps the number exact.
  if (whole.replace(/^0+/, '').length > 13) return { ok: false, error: 'range' };
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > (options.maxFen ?? MAX_PRICE_FEN)) return { ok: false, error: 'range' };
  return { ok: true, fen: sign === '-' && fen !== 0 ? -fen : fen };
}

/** Optional money fields: empty text is null, anything else must parse. */
export function parseOptionalYuan(input: string, options: TYuanOptions = {}): TYuanResult | { ok: true; fen: null } {
  return input.trim() === '' ? { ok: true, fen: null } : parseYuan(input, options);
}

/** 1230 → `'12.30'`, -5 → `'-0.05'`, null → `''`: what an input shows for an amount the server sent. */
export function fenToYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export type TIntResult = { ok: true; value: number } | { ok: false; error: 'empty' | 'format' | 'range' };

/** Whole numbers typed by the operator (stock, grams, limits): digits only, within [min, max]. */
export function parseWholeNumber(input: string, min: number, max: number): TIntResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'empty' };
  if (!/^-?\d+$/.test(text)) return { ok: false, error: 'format' };
  if (text.replace(/^-?0+/, '').length > 15) return { ok: false, error: 'range' };
  const value = Number(text);
  if (value < min || value > max) return { ok: false, error: 'range' };
  return { ok: true, value };
}
