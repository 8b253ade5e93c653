/**
 * Alipay speaks yuan as decimal strings with at most two decimals (`total_amount`, `refund_amount`:
 * Number(9,2), "88.88"); Koi speaks integer fen. Both directions are integer and string arithmetic:
 * `Math.round(88.88 * 100)` happens to work, `0.29 * 100` is 28.999999999999996 — no floats at all.
 */

/** Alipay's ceiling for one trade: 100,000,000.00 yuan. */
export const MAX_ALIPAY_FEN = 10_000_000_000;

/** 1 → "0.01", 8888 → "88.88", 100 → "1.00". Refuses what is not a positive safe integer of fen. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a non-negative integer amount of fen: ${fen}`);
  const cents = fen % 100;
  return `${(fen - cents) / 100}.${String(cents).padStart(2, '0')}`;
}

/**
 * "88.88" → 8888, "20" → 2000, "0.5" → 50. Returns null for anything else: signs, exponents,
 * spaces, more than two decimals, leading "+", empty strings, or amounts beyond MAX_ALIPAY_FEN.
 */
export function yuanToFen(text: string): number | null {
  const m = /^(0|[1-9]\d{0,8})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_ALIPAY_FEN ? fen : null;
}
