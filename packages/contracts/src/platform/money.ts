import { z } from 'zod';

/** Money is integer fen (分). Never floats. */
export const ZFen = z.number().int().safe();
export type Fen = number;

export function fen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer amount of fen: ${value}`);
  return value;
}

/** ¥12.30 style display; the only place fen become yuan, and only for display. */
export function formatYuan(amount: Fen, symbol = '¥'): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const yuan = Math.trunc(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${symbol}${yuan.toLocaleString('en-US')}.${cents}`;
}

/** ¥12 for whole yuan, ¥12.50 otherwise: the short form promotion texts use ("满 ¥300 减 ¥30"). */
export function formatYuanShort(amount: Fen, symbol = '¥'): string {
  const full = formatYuan(amount, symbol);
  return amount % 100 === 0 ? full.slice(0, -3) : full;
}
