/**
 * Money on screen. The server prices everything in integer fen; the shop only prints what it sent.
 * Chinese malls print ¥ 1,280.00 as a small ¥, big yuan digits and small fen digits, so the one
 * formatting rule returns the parts and `formatPrice` joins them where a plain string is needed
 * (toasts, share titles). Integer arithmetic only: fen never pass through a float division.
 * Pure: no uni APIs, no imports (unit-tested in tests/unit/money.test.ts).
 */

export interface PriceParts {
  sign: '' | '-';
  symbol: string;
  /** Whole yuan with thousands separators: "1,280". */
  yuan: string;
  /** Always two digits: "00", "05". */
  cents: string;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function priceParts(amountFen: number, symbol = '¥'): PriceParts {
  if (!Number.isSafeInteger(amountFen)) throw new RangeError(`not an integer amount of fen: ${amountFen}`);
  const abs = Math.abs(amountFen);
  const cents = abs % 100;
  const yuan = (abs - cents) / 100;
  return {
    sign: amountFen < 0 ? '-' : '',
    symbol,
    yuan: groupThousands(String(yuan)),
    cents: String(cents).padStart(2, '0'),
  };
}

/** "¥1,280.00", the same text as `formatYuan` in @koi/contracts. */
export function formatPrice(amountFen: number, symbol = '¥'): string {
  const p = priceParts(amountFen, symbol);
  return `${p.sign}${p.symbol}${p.yuan}.${p.cents}`;
}
