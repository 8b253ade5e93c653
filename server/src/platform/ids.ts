import { uuidv7 } from 'uuidv7';
import { randomBytes, randomInt } from 'node:crypto';
import { clock } from './clock.ts';

/** Time-sortable unique id (UUIDv7): index-friendly, safe to expose. */
export function newId(): string {
  return uuidv7();
}

/** An unguessable secret token (sessions, pickup codes' seeds), base64url. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A numeric one-time code of `digits` digits, uniformly random. */
export function newNumericCode(digits = 6): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/**
 * An order number people can read aloud and sort: yyMMddHHmmss (Asia/Shanghai) + 6 random digits,
 * e.g. 261122180912483920. 18 digits, fits a bigint, never repeats within a second in practice and
 * is checked by a unique index anyway.
 */
export function newOrderNo(prefix = ''): string {
  const t = new Date(clock.now().getTime() + 8 * 3600_000); // Asia/Shanghai has no DST
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${p(t.getUTCFullYear() % 100)}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}`;
  return `${prefix}${stamp}${newNumericCode(6)}`;
}
