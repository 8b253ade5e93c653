import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { consentState, hashUserAgent, maskIp, signupRecords, withdrawalsAfterMerge } from './consent.rules.ts';

const at = (s: string) => new Date(s);

describe('consentState', () => {
  it('is off and unversioned without records', () => {
    expect(consentState([])).toEqual({ policyVersion: null, policyAgreedAt: null, marketing: { sms: false, wechat: false, email: false } });
  });

  it('takes the newest record per purpose, whatever the order', () => {
    const rows = [
      { id: 'b', purpose: 'marketing_sms', granted: false, policyVersion: 'v1', at: at('2026-02-01T00:00:00Z') },
      { id: 'a', purpose: 'marketing_sms', granted: true, policyVersion: 'v1', at: at('2026-01-01T00:00:00Z') },
      { id: 'c', purpose: 'privacy_policy', granted: true, policyVersion: 'v2', at: at('2026-03-01T00:00:00Z') },
      { id: 'd', purpose: 'marketing_wechat', granted: true, policyVersion: 'v2', at: at('2026-03-01T00:00:00Z') },
    ];
    expect(consentState(rows)).toEqual({ policyVersion: 'v2', policyAgreedAt: '2026-03-01T00:00:00.000Z', marketing: { sms: false, wechat: true, email: false } });
  });

  it('does not depend on the order of the records (property)', () => {
    const row = fc.record({
      id: fc.uuid(), purpose: fc.constantFrom('privacy_policy', 'marketing_sms', 'marketing_wechat', 'marketing_email'),
      granted: fc.boolean(), policyVersion: fc.constantFrom('v1', 'v2'), at: fc.date({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z'), noInvalidDate: true }),
    });
    fc.assert(fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
      expect(consentState([...rows].reverse())).toEqual(consentState(rows));
    }));
  });
});

describe('signupRecords', () => {
  it('records the policy and only the channels ticked', () => {
    expect(signupRecords({ policyVersion: 'v1', marketing: { sms: true, wechat: false } })).toEqual([
      { purpose: 'privacy_policy', granted: true }, { purpose: 'marketing_sms', granted: true },
    ]);
    expect(signupRecords({ policyVersion: 'v1' })).toEqual([{ purpose: 'privacy_policy', granted: true }]);
  });
});

describe('client masking', () => {
  it('drops the host part of an address', () => {
    expect(maskIp('203.0.113.7')).toBe('203.0.113.*');
    expect(maskIp('::ffff:10.1.2.3')).toBe('10.1.2.*');
    expect(maskIp('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3:*');
    expect(maskIp(null)).toBeNull();
  });
  it('hashes the user agent with the secret', () => {
    const h = hashUserAgent('s'.repeat(32), 'Mozilla/5.0');
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    expect(h).toBe(hashUserAgent('s'.repeat(32), 'Mozilla/5.0'));
    expect(h).not.toBe(hashUserAgent('t'.repeat(32), 'Mozilla/5.0'));
    expect(hashUserAgent('s', '')).toBeNull();
  });
});

describe('withdrawalsAfterMerge', () => {
  const row = (purpose: string, granted: boolean, when: string, id = when) => ({ purpose, granted, policyVersion: 'v1', at: at(when), id });
  it('keeps a withdrawal on either side against a later grant on the other', () => {
    const into = [row('marketing_sms', true, '2026-01-01'), row('marketing_sms', false, '2026-02-01')];
    const from = [row('marketing_sms', true, '2026-03-01'), row('marketing_wechat', true, '2026-03-01', 'w')];
    expect(withdrawalsAfterMerge(from, into)).toEqual(['marketing_sms']);
    expect(withdrawalsAfterMerge(into, from)).toEqual(['marketing_sms']);
  });
  it('adds nothing when the newest record is already a withdrawal, or nobody withdrew', () => {
    expect(withdrawalsAfterMerge([row('marketing_sms', false, '2026-03-01')], [row('marketing_sms', true, '2026-01-01')])).toEqual([]);
    expect(withdrawalsAfterMerge([row('marketing_email', true, '2026-03-01')], [])).toEqual([]);
    expect(withdrawalsAfterMerge([], [])).toEqual([]);
  });
  it('never leaves a purpose granted that either side withdrew (property)', () => {
    const purposes = ['marketing_sms', 'marketing_wechat', 'marketing_email'] as const;
    const rec = fc.record({ purpose: fc.constantFrom(...purposes), granted: fc.boolean(), day: fc.integer({ min: 1, max: 28 }), id: fc.uuid() })
      .map((r) => ({ purpose: r.purpose, granted: r.granted, policyVersion: 'v1', at: at(`2026-01-${String(r.day).padStart(2, '0')}`), id: r.id }));
    fc.assert(fc.property(fc.array(rec, { maxLength: 8 }), fc.array(rec, { maxLength: 8 }), (from, into) => {
      const extra = withdrawalsAfterMerge(from, into);
      const after = consentState([...from, ...into, ...extra.map((p) => ({ purpose: p, granted: false, policyVersion: 'v1', at: at('2026-02-01'), id: 'z' }))]);
      for (const p of purposes) {
        const channel = p === 'marketing_sms' ? 'sms' : p === 'marketing_wechat' ? 'wechat' : 'email';
        const withdrew = [from, into].some((side) => side.some((r) => r.purpose === p) && !consentState(side.filter((r) => r.purpose === p)).marketing[channel]);
        const granted = consentState([...from, ...into]).marketing[channel];
        expect(after.marketing[channel]).toBe(granted && !withdrew);
      }
    }));
  });
});
