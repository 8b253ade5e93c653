/**
 * Yuan ↔ fen for spreadsheets, by string parsing only: `12.3` → 1230, never `12.3 * 100`
 * (which is 1229.9999999999998 in binary floating point). A number cell arrives as a JS number; its
 * shortest decimal form (`String(n)`) is exactly what the merchant typed, so it is parsed as text too.
 */
export type YuanParse = { ok: true; fen: number } | { ok: false; reason: string };

const MAX_FEN = 1_000_000_000;

export function parseYuan(input: string | number): YuanParse {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: '不是数字' };
    text = String(input);
    // 1e-7 or 1e21 style: not something a merchant typed as a price.
    if (/e/i.test(text)) return { ok: false, reason: '金额格式不正确' };
  } else {
    text = input.trim().replace(/^[¥￥]/, '').replace(/,/g, '');
  }
  if (text.startsWith('-')) return { ok: false, reason: '金额不能为负数' };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return { ok: false, reason: '金额格式不正确' };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, reason: '金额最多两位小数' };
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  if (whole.length > 8) return { ok: false, reason: '金额过大' };
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_FEN) return { ok: false, reason: '金额过大' };
  return { ok: true, fen };
}

/** Fen as a yuan string with two decimals (`1230` → `12.30`), by integer arithmetic. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${(abs - (abs % 100)) / 100}.${String(abs % 100).padStart(2, '0')}`;
}
