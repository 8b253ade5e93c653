import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPickupCode, mayVerifyPickup, pickupCodeFrom } from './pickup-code.rules.ts';

describe('pickup codes', () => {
  it('are always 8 digits, zero-padded, and map numbers one to one', () => {
    expect(pickupCodeFrom(0)).toBe('00000000');
    expect(pickupCodeFrom(42)).toBe('00000042');
    expect(pickupCodeFrom(99_999_999)).toBe('99999999');
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
      const c = pickupCodeFrom(n);
      return isPickupCode(c) && Number(c) === n;
    }));
  });
  it('refuses numbers outside the space and recognises only 8 digits', () => {
    expect(() => pickupCodeFrom(100_000_000)).toThrow(RangeError);
    expect(() => pickupCodeFrom(-1)).toThrow(RangeError);
    expect(() => pickupCodeFrom(1.5)).toThrow(RangeError);
    for (const bad of ['1234567', '123456789', '1234567a', ' 12345678', '']) expect(isPickupCode(bad)).toBe(false);
  });
  it('only the store\'s own staff, or staff of every store, may verify', () => {
    expect(mayVerifyPickup(null, 'a')).toBe(true);
    expect(mayVerifyPickup('a', 'a')).toBe(true);
    expect(mayVerifyPickup('b', 'a')).toBe(false);
  });
});
