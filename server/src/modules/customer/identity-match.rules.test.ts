import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TIdentityClaim } from '@koi/contracts';
import { fillProfile, identityKey, maskedPhoneOf, normalizeClaim, planClaims } from './identity-match.rules.ts';

const ids = () => { let n = 0; return () => `new-${++n}`; };

const phone = fc.integer({ min: 0, max: 5 }).map((i) => `1380000000${i}`);
const masked = fc.integer({ min: 0, max: 2 }).map((i) => `138****000${i}`);
const strongClaim: fc.Arbitrary<TIdentityClaim> = fc.oneof(
  phone.map((value) => ({ kind: 'phone' as const, value })),
  fc.integer({ min: 0, max: 5 }).map((i) => ({ kind: 'taobao' as const, value: `tb${i}` })),
  fc.integer({ min: 0, max: 5 }).map((i) => ({ kind: 'wechat_unionid' as const, value: `u${i}` })),
);
const maskedClaim: fc.Arbitrary<TIdentityClaim> = masked.map((value) => ({ kind: 'phone_masked' as const, value }));
const claim = fc.oneof(strongClaim, maskedClaim);
/** Existing owners: a few strong identities already held by customers c0..c3. */
const owners = fc.array(fc.tuple(strongClaim, fc.integer({ min: 0, max: 3 })), { maxLength: 6 })
  .map((pairs) => new Map<string, string>(pairs.map(([c, o]) => [identityKey(c), `c${o}`] as const)));

describe('identity matching', () => {
  it('normalises phones (spaces, +86), turns masked phones into partial claims and drops unusable values', () => {
    expect(normalizeClaim({ kind: 'phone', value: '+86 138-0013-0001' })).toEqual({ kind: 'phone', value: '13800130001' });
    expect(normalizeClaim({ kind: 'phone', value: '138****5678' })).toEqual({ kind: 'phone_masked', value: '138****5678' });
    expect(normalizeClaim({ kind: 'phone', value: '12345' })).toBeNull();
    expect(normalizeClaim({ kind: 'taobao', value: '  ' })).toBeNull();
    expect(normalizeClaim({ kind: 'email', value: 'Lin@Example.com' })).toEqual({ kind: 'email', value: 'lin@example.com' });
    expect(maskedPhoneOf('13812345678')).toBe('138****5678');
  });

  it('a masked phone never joins two claims, whatever else they share', () => {
    fc.assert(fc.property(fc.array(fc.array(maskedClaim, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 20 }), owners, (claims, own) => {
      const plans = planClaims(claims, own, ids());
      expect(plans.every((p) => p.created)).toBe(true);
      expect(new Set(plans.map((p) => p.customerId)).size).toBe(claims.length);
    }));
  });

  it('never moves an identity from its owner, records a suggestion for every other owner met, and joins same-batch claims', () => {
    fc.assert(fc.property(fc.array(fc.array(claim, { maxLength: 4 }), { minLength: 1, maxLength: 25 }), owners, (claims, own) => {
      const plans = planClaims(claims, own, ids());
      // Who holds each strong identity after the batch: the old owner, or the first claim that brought it.
      const holder = new Map(own);
      plans.forEach((p, i) => {
        for (const c of p.attach) if (c.kind !== 'phone_masked') {
          expect(holder.has(identityKey(c))).toBe(false);
          holder.set(identityKey(c), p.customerId);
        }
        const strong = claims[i]!.map(normalizeClaim).filter((c): c is TIdentityClaim => !!c && c.kind !== 'phone_masked');
        const pointed = new Set(strong.map((c) => holder.get(identityKey(c))));
        // Every strong identity of the claim is now held by the claim's customer or by a suggested other.
        const others = new Set(p.conflicts.map((c) => c.otherId));
        for (const o of pointed) expect(o === p.customerId || others.has(o!)).toBe(true);
        expect(others.has(p.customerId)).toBe(false);
        if (p.created) expect(strong.every((c) => !own.has(identityKey(c)))).toBe(true);
      });
    }));
  });

  it('two claims sharing a strong identity in one batch are one customer', () => {
    fc.assert(fc.property(strongClaim, fc.array(claim, { maxLength: 2 }), fc.array(claim, { maxLength: 2 }), (shared, a, b) => {
      const [p, q] = planClaims([[shared, ...a], [shared, ...b]], new Map(), ids());
      expect(q!.customerId).toBe(p!.customerId);
    }));
  });

  it('fills only what a profile lacks', () => {
    expect(fillProfile({ name: '林', gender: 'unknown', birthday: null, regionCode: '3301' }, { name: '王', gender: 'female', birthday: '1990-02-03', regionCode: '1101' }))
      .toEqual({ name: '林', gender: 'female', birthday: '1990-02-03', regionCode: '3301' });
  });
});
