import type { TCouponStatus, TCouponValidity, TPromotionState } from '@koi/contracts';

const DAY_MS = 86_400_000;

/** What the operator sees: the stored status with the dates applied. */
export function promotionState(p: { status: 'draft' | 'active' | 'ended'; startsAt: Date; endsAt: Date | null }, now: Date): TPromotionState {
  if (p.status !== 'active') return p.status;
  if (p.endsAt && p.endsAt.getTime() <= now.getTime()) return 'ended';
  return p.startsAt.getTime() > now.getTime() ? 'scheduled' : 'running';
}

/** A coupon's validity when claimed at `claimedAt`: the template's fixed dates, or N days from the claim. */
export function couponValidity(v: TCouponValidity, claimedAt: Date): { from: Date; until: Date } {
  if (v.type === 'fixed') return { from: new Date(v.from), until: new Date(v.until) };
  return { from: claimedAt, until: new Date(claimedAt.getTime() + v.days * DAY_MS) };
}

/** A template can be claimed while active, shown in the coupon centre, and (fixed dates) not yet over. */
export function claimableNow(t: { status: string; claimable: boolean; validity: TCouponValidity }, now: Date): boolean {
  return t.status === 'active' && t.claimable && (t.validity.type === 'relative' || new Date(t.validity.until).getTime() > now.getTime());
}

/** A stored status as of now: an available coupon past its date is expired even before a job marks it. */
export function couponStatusAt(status: TCouponStatus, validUntil: Date, now: Date): TCouponStatus {
  return status === 'available' && validUntil.getTime() <= now.getTime() ? 'expired' : status;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

/** A 12-character coupon code from random bytes (unambiguous when read aloud or typed). */
export function couponCode(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return code;
}
