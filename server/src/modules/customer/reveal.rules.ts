import type { TIdentityKind } from '@koi/contracts';
import { maskedPhoneOf } from './identity-match.rules.ts';

/**
 * What staff see without a reveal: phones as `138****5678`, emails and account ids shortened, an
 * address down to its district. Never more than the masked form leaves the server unless a role with
 * `customer:reveal` asks, and that is logged.
 */
export function maskIdentity(kind: TIdentityKind, value: string): string {
  if (kind === 'phone') return maskedPhoneOf(value) ?? maskMiddle(value);
  if (kind === 'phone_masked') return value;
  if (kind === 'email') {
    const at = value.indexOf('@');
    return at > 0 ? `${value[0]}***${value.slice(at)}` : maskMiddle(value);
  }
  return maskMiddle(value);
}

/** Keeps the first and last two characters of a value longer than 6, else masks it whole. */
export function maskMiddle(value: string): string {
  const chars = [...value];
  return chars.length > 6 ? `${chars.slice(0, 2).join('')}****${chars.slice(-2).join('')}` : '****';
}

export type AddressParts = { province: string; city: string; district: string; detail: string; recipient: string; mobile: string };

export const maskAddress = (a: AddressParts) => `${a.province}${a.city === a.province ? '' : a.city}${a.district} ****`;
export const fullAddress = (a: AddressParts) =>
  `${a.recipient} ${a.mobile} ${a.province}${a.city === a.province ? '' : a.city}${a.district}${a.detail}`;

/** Keyset cursor of the customer list: newest first by (created_at, id). */
export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}
export function decodeCursor(cursor: string): { createdAt: string; id: string } | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string') return null;
    if (Number.isNaN(Date.parse(v[0])) || !/^[0-9a-f-]{36}$/i.test(v[1])) return null;
    return { createdAt: v[0], id: v[1] };
  } catch {
    return null;
  }
}

/** How the list's search box is read: 4 digits = a phone's tail, 11 digits = a phone, else a name prefix or any identity value. */
export function searchMode(q: string): { kind: 'tail'; tail: string } | { kind: 'phone'; phone: string } | { kind: 'text'; text: string } {
  const digits = q.replace(/[\s-]/g, '');
  if (/^\d{4}$/.test(digits)) return { kind: 'tail', tail: digits };
  if (/^1\d{10}$/.test(digits)) return { kind: 'phone', phone: digits };
  return { kind: 'text', text: q.trim() };
}
