import { describe, expect, it } from 'vitest';
import { claimableNow, couponCode, couponStatusAt, couponValidity, promotionState } from './promotion-state.rules.ts';

const at = (s: string) => new Date(s);

describe('promotion rules', () => {
  it('derives the state from the status and the dates', () => {
    const p = { status: 'active' as const, startsAt: at('2026-05-01T00:00:00Z'), endsAt: at('2026-05-08T00:00:00Z') };
    expect(promotionState(p, at('2026-04-30T00:00:00Z'))).toBe('scheduled');
    expect(promotionState(p, at('2026-05-01T00:00:00Z'))).toBe('running');
    expect(promotionState(p, at('2026-05-08T00:00:00Z'))).toBe('ended');
    expect(promotionState({ ...p, endsAt: null }, at('2030-01-01T00:00:00Z'))).toBe('running');
    expect(promotionState({ ...p, status: 'draft' }, at('2026-05-02T00:00:00Z'))).toBe('draft');
    expect(promotionState({ ...p, status: 'ended' }, at('2026-05-02T00:00:00Z'))).toBe('ended');
  });

  it('dates a coupon from the template: fixed, or N days from the claim', () => {
    expect(couponValidity({ type: 'fixed', from: '2026-05-01T00:00:00+08:00', until: '2026-06-01T00:00:00+08:00' }, at('2026-05-03T00:00:00Z')))
      .toEqual({ from: at('2026-04-30T16:00:00Z'), until: at('2026-05-31T16:00:00Z') });
    expect(couponValidity({ type: 'relative', days: 30 }, at('2026-05-03T10:00:00Z'))).toEqual({ from: at('2026-05-03T10:00:00Z'), until: at('2026-06-02T10:00:00Z') });
  });

  it('lets shoppers claim only active, listed templates whose fixed dates are not over', () => {
    const now = at('2026-05-03T00:00:00Z');
    const rel = { type: 'relative' as const, days: 7 };
    expect(claimableNow({ status: 'active', claimable: true, validity: rel }, now)).toBe(true);
    expect(claimableNow({ status: 'draft', claimable: true, validity: rel }, now)).toBe(false);
    expect(claimableNow({ status: 'active', claimable: false, validity: rel }, now)).toBe(false);
    expect(claimableNow({ status: 'active', claimable: true, validity: { type: 'fixed', from: '2026-04-01T00:00:00Z', until: '2026-05-02T00:00:00Z' } }, now)).toBe(false);
  });

  it('shows an available coupon past its date as expired', () => {
    expect(couponStatusAt('available', at('2026-05-01T00:00:00Z'), at('2026-05-01T00:00:00Z'))).toBe('expired');
    expect(couponStatusAt('available', at('2026-05-02T00:00:00Z'), at('2026-05-01T00:00:00Z'))).toBe('available');
    expect(couponStatusAt('used', at('2026-05-01T00:00:00Z'), at('2026-06-01T00:00:00Z'))).toBe('used');
  });

  it('makes 12-character codes without look-alike characters', () => {
    const code = couponCode(new Uint8Array(Array.from({ length: 12 }, (_, i) => i * 21)));
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
  });
});
