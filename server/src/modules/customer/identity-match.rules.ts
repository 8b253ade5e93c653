import type { TIdentityClaim, TIdentityKind } from '@koi/contracts';

/**
 * Identity matching (pure). A strong identity names one person; a masked phone (`138****5678`) is a
 * partial identity: stored, never used to join two claims. When a claim's strong identities point at
 * two different customers, the claim joins the one named by its strongest identity and the pair is
 * offered to staff as a merge suggestion — never merged silently.
 */

/** Strongest first: the order in which a claim picks its customer when its identities disagree. */
export const IDENTITY_STRENGTH: readonly TIdentityKind[] = [
  'phone', 'wechat_unionid', 'wechat_openid', 'email', 'member_card', 'taobao', 'jd', 'douyin', 'youzan',
];

export const isStrong = (kind: TIdentityKind) => kind !== 'phone_masked';
export const identityKey = (c: TIdentityClaim) => `${c.kind}\u0000${c.value}`;

const PHONE = /^1\d{10}$/;
const MASKED = /^1\d{2}\*{4}\d{4}$/;

/**
 * Canonical value of a claim, or null when it is unusable (an empty buyer id, a malformed phone).
 * Phones lose spaces, dashes and a +86 prefix; emails are lower-cased; a "phone" that arrives masked
 * becomes a `phone_masked` claim.
 */
export function normalizeClaim(c: TIdentityClaim): TIdentityClaim | null {
  const raw = c.value.trim();
  if (!raw) return null;
  if (c.kind === 'phone' || c.kind === 'phone_masked') {
    let v = raw.replace(/[\s-]/g, '');
    if (v.startsWith('+86')) v = v.slice(3);
    else if (v.startsWith('0086')) v = v.slice(4);
    if (PHONE.test(v)) return { kind: 'phone', value: v };
    if (MASKED.test(v)) return { kind: 'phone_masked', value: v };
    return null;
  }
  if (c.kind === 'email') return raw.includes('@') ? { kind: 'email', value: raw.toLowerCase() } : null;
  return { kind: c.kind, value: raw };
}

/** `13812345678` → `138****5678`; anything else → null. */
export function maskedPhoneOf(phone: string): string | null {
  return PHONE.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : null;
}

export type ClaimPlan = {
  /** The customer the claim joins: an existing one, or a new id (then `created`). */
  customerId: string;
  created: boolean;
  /** Identities to attach to `customerId` (strong ones nobody holds yet, and partial ones). */
  attach: TIdentityClaim[];
  /** Other customers the claim's strong identities also point at: suggest merging with them. */
  conflicts: { otherId: string; claims: TIdentityClaim[] }[];
};

/**
 * Plans a batch of claims against the owners already known (`owners`: identityKey → customer id),
 * in order. Claims in the same batch see each other: two rows with the same phone become one
 * customer. `owners` is not modified.
 */
export function planClaims(claims: TIdentityClaim[][], owners: ReadonlyMap<string, string>, newId: () => string): ClaimPlan[] {
  const known = new Map(owners);
  const rank = (k: TIdentityKind) => { const i = IDENTITY_STRENGTH.indexOf(k); return i < 0 ? IDENTITY_STRENGTH.length : i; };
  return claims.map((raw) => {
    const list = dedupe(raw.map(normalizeClaim).filter((c): c is TIdentityClaim => c !== null));
    const strong = list.filter((c) => isStrong(c.kind)).sort((a, b) => rank(a.kind) - rank(b.kind));
    const owned = strong.filter((c) => known.has(identityKey(c)));
    let customerId: string;
    let created = false;
    if (owned.length) customerId = known.get(identityKey(owned[0]!))!;
    else { customerId = newId(); created = true; }
    const byOther = new Map<string, TIdentityClaim[]>();
    for (const c of owned) {
      const o = known.get(identityKey(c))!;
      if (o !== customerId) byOther.set(o, [...(byOther.get(o) ?? []), c]);
    }
    const attach = list.filter((c) => !isStrong(c.kind) || !known.has(identityKey(c)));
    for (const c of attach) if (isStrong(c.kind)) known.set(identityKey(c), customerId);
    return { customerId, created, attach, conflicts: [...byOther].map(([otherId, cs]) => ({ otherId, claims: cs })) };
  });
}

function dedupe(list: TIdentityClaim[]): TIdentityClaim[] {
  const seen = new Set<string>();
  return list.filter((c) => { const k = identityKey(c); if (seen.has(k)) return false; seen.add(k); return true; });
}

/** The unordered pair as stored (smaller id first). */
export const orderedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** Profile fields a claim brings: filled into an existing customer only where it has none. */
export type ProfileFill = { name: string | null; gender: 'male' | 'female' | 'unknown'; birthday: string | null; regionCode: string | null };

export function fillProfile(have: ProfileFill, incoming: Partial<ProfileFill>): ProfileFill {
  return {
    name: have.name ?? (incoming.name?.trim() || null),
    gender: have.gender !== 'unknown' ? have.gender : incoming.gender ?? 'unknown',
    birthday: have.birthday ?? incoming.birthday ?? null,
    regionCode: have.regionCode ?? incoming.regionCode ?? null,
  };
}
