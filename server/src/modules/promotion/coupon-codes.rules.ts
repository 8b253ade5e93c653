/**
 * Redeem codes (兑换码). A generated code is 11 symbols from a 31-symbol alphabet without
 * look-alikes (no 0/O, 1/I, Z/2): 10 random ones and a check symbol, shown as `XXXX-XXXX-XXX`.
 * The check is a position-weighted sum mod 31 (a prime larger than every weight and every
 * difference of two symbols), so it catches every single typo and every swap of two neighbours:
 * a mistyped code is refused before the database is asked. Shared codes are chosen by the
 * operator (4–20 letters or digits); they may not look like a generated code.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXY23456789';
const N = CODE_ALPHABET.length; // 31, prime
export const CODE_BODY = 10;
export const CODE_LENGTH = CODE_BODY + 1;
/** Bytes ≥ 248 are skipped so each symbol is equally likely (248 = 8 × 31). */
const UNBIASED_BELOW = 256 - (256 % N);

export function checkSymbol(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const v = CODE_ALPHABET.indexOf(body[i]!);
    if (v < 0) throw new Error(`not a code symbol: ${body[i]}`);
    sum += (i + 1) * v;
  }
  return CODE_ALPHABET[sum % N]!;
}

/** A generated code from random bytes (pass 32: the few skipped ones leave plenty); null when they ran out. */
export function generatedCode(bytes: Uint8Array): string | null {
  let body = '';
  for (const b of bytes) {
    if (b >= UNBIASED_BELOW) continue;
    body += CODE_ALPHABET[b % N];
    if (body.length === CODE_BODY) return body + checkSymbol(body);
  }
  return null;
}

/** What a shopper typed, as stored: upper case, without spaces or dashes. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_]/g, '');
}

const generatedShape = (code: string) => code.length === CODE_LENGTH && [...code].every((ch) => CODE_ALPHABET.includes(ch));

/** Whether a normalized code is a generated one with the right check symbol. */
export function isGeneratedCode(code: string): boolean {
  return generatedShape(code) && checkSymbol(code.slice(0, CODE_BODY)) === code[CODE_BODY];
}

/** A shared code the operator may choose: letters and digits, 4–20, and not shaped like a generated code. */
export function validSharedCode(code: string): boolean {
  return /^[A-Z0-9]{4,20}$/.test(code) && !generatedShape(code);
}

/** Worth a database look-up: a generated code whose check symbol holds, or a possible shared code. */
export function worthLookingUp(code: string): boolean {
  return isGeneratedCode(code) || validSharedCode(code);
}

/** For display and the download: `ABCD-EFGH-JKL`. */
export function formatCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}` : code;
}
