import { createHmac } from 'node:crypto';
import type { TConsentPurpose, TConsentState, TSignupConsent } from '@koi/contracts';

/**
 * Consent rules (PIPL): marketing is off until granted; the state of a purpose is its newest record;
 * the client is kept only masked (IP) or hashed (user agent). Pure, except the HMAC which is
 * deterministic given the secret.
 */

export type ConsentRow = { purpose: string; granted: boolean; policyVersion: string; at: Date; id: string };

/** The state from records in any order: per purpose the newest (by time, then id) wins; absent → not granted. */
export function consentState(rows: readonly ConsentRow[]): TConsentState {
  const newest = new Map<string, ConsentRow>();
  for (const r of rows) {
    const cur = newest.get(r.purpose);
    if (!cur || r.at.getTime() > cur.at.getTime() || (r.at.getTime() === cur.at.getTime() && r.id > cur.id)) newest.set(r.purpose, r);
  }
  const policy = newest.get('privacy_policy');
  const on = (p: TConsentPurpose) => newest.get(p)?.granted ?? false;
  return {
    policyVersion: policy?.granted ? policy.policyVersion : null,
    policyAgreedAt: policy?.granted ? policy.at.toISOString() : null,
    marketing: { sms: on('marketing_sms'), wechat: on('marketing_wechat'), email: on('marketing_email') },
  };
}

/** The records a sign-up writes: the policy, and each marketing channel the shopper ticked (granted only). */
export function signupRecords(consent: TSignupConsent): { purpose: TConsentPurpose; granted: boolean }[] {
  const out: { purpose: TConsentPurpose; granted: boolean }[] = [{ purpose: 'privacy_policy', granted: true }];
  const m = consent.marketing ?? {};
  if (m.sms) out.push({ purpose: 'marketing_sms', granted: true });
  if (m.wechat) out.push({ purpose: 'marketing_wechat', granted: true });
  if (m.email) out.push({ purpose: 'marketing_email', granted: true });
  return out;
}

/** 203.0.113.7 → 203.0.113.*; an IPv6 keeps its first 3 groups (the /48 of the network). */
export function maskIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.*`;
  if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}:*`;
  return null;
}

/** A keyed hash of the user agent (so equal agents compare equal), never the string itself. */
export function hashUserAgent(secret: string, ua: string | null | undefined): string | null {
  if (!ua) return null;
  return createHmac('sha256', secret).update(`consent-ua:${ua}`).digest('hex').slice(0, 32);
}

/** Messaging's channels map onto marketing purposes (email has no messaging channel yet). */
export const CHANNEL_PURPOSE = { sms: 'marketing_sms', wechat: 'marketing_wechat' } as const;

const MARKETING = [['marketing_sms', 'sms'], ['marketing_wechat', 'wechat'], ['marketing_email', 'email']] as const;

/**
 * A merge moves every consent record of the merged-away customer to the kept one (they stay proof of
 * what was agreed, PIPL 第十三条), and the state is then the newest record per purpose. A marketing
 * purpose must not end up granted where either customer's current decision was a withdrawal: a
 * grant given on one account does not override a "no" given on the other. Returns the purposes for
 * which a withdrawal has to be recorded after the move (none when the newest-wins state is already off).
 */
export function withdrawalsAfterMerge(from: readonly ConsentRow[], into: readonly ConsentRow[]): TConsentPurpose[] {
  const merged = consentState([...from, ...into]);
  const withdrew = (rows: readonly ConsentRow[], purpose: string) => {
    const mine = rows.filter((r) => r.purpose === purpose);
    return mine.length > 0 && !consentState(mine).marketing[MARKETING.find(([p]) => p === purpose)![1]];
  };
  return MARKETING.filter(([purpose, channel]) => merged.marketing[channel] && (withdrew(from, purpose) || withdrew(into, purpose))).map(([p]) => p);
}
