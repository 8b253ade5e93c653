import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { TIdentityClaim } from '@koi/contracts';
import { identityKey, isStrong, normalizeClaim, orderedPair, planClaims } from './identity-match.rules.ts';
import { publishProfilesChanged } from './profile-facts.ts';

export type ResolveItem = {
  identities: TIdentityClaim[];
  profile: {
    name?: string; gender?: 'male' | 'female' | 'unknown'; birthday?: string | null; regionCode?: string | null;
    sourceChannel: string; seenAt?: Date;
  };
};
export type ResolveResult = { customerId: string; created: boolean };

export const RESOLVE_BATCH_MAX = 1000;
const MAX_ATTEMPTS = 6;

class LostIdentityRace extends Error {}

/**
 * Finds or creates the customer of each item by its strong identities (set-based: a handful of
 * statements per batch whatever its size). Race-safe: identities are inserted in one sorted statement
 * with ON CONFLICT DO NOTHING; if a concurrent batch took one first, this batch's work is rolled back
 * to a savepoint and planned again against the winner's rows. Publishes one
 * `customer.profiles_changed` with every touched customer (`deferTags`: marked so the audience does
 * not recompute their tags per call; a bulk caller recomputes them once).
 */
export type ResolveOptions = { deferTags?: boolean };

export async function resolveCustomers(db: Db, items: ResolveItem[], q?: Q, opts: ResolveOptions = {}): Promise<ResolveResult[]> {
  if (!items.length) return [];
  if (items.length > RESOLVE_BATCH_MAX) throw new RangeError(`resolveCustomers takes at most ${RESOLVE_BATCH_MAX} items per call`);
  const body = async (t: Q) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await t.transaction((sp) => attemptResolve(sp as unknown as Q, items, opts));
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !(err instanceof LostIdentityRace || isRetryable(err))) throw err;
      }
    }
  };
  return q ? body(q) : db.tx(body);
}

function isRetryable(err: unknown): boolean {
  const code = (err as { code?: string; cause?: { code?: string } })?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  return code === '40P01' || code === '23505';
}

type OwnerRow = { kind: string; value: string; customer_id: string };

async function attemptResolve(q: Q, items: ResolveItem[], opts: ResolveOptions): Promise<ResolveResult[]> {
  const now = clock.now();
  const strongClaims = new Map<string, TIdentityClaim>();
  for (const it of items) for (const c of it.identities) {
    const n = normalizeClaim(c);
    if (n && isStrong(n.kind)) strongClaims.set(identityKey(n), n);
  }
  const owners = new Map<string, string>();
  if (strongClaims.size) {
    const res = await q.execute(sql`select i.kind, i.value, coalesce(p.merged_into, i.customer_id) as customer_id
      from jsonb_to_recordset(${JSON.stringify([...strongClaims.values()])}::jsonb) as c(kind text, value text)
      join customer_identities i on i.kind = c.kind and i.value = c.value
      left join customer_profiles p on p.id = i.customer_id`);
    for (const r of (res as unknown as { rows: OwnerRow[] }).rows) owners.set(`${r.kind}\u0000${r.value}`, r.customer_id);
  }
  const plans = planClaims(items.map((i) => i.identities), owners, newId);

  // New customers: one row each (the first item that created it gives the profile; later ones fill gaps).
  type NewRow = { id: string; name: string | null; gender: string; birthday: string | null; region_code: string | null; source_channel: string; first_seen: string; last_seen: string };
  const fresh = new Map<string, NewRow>();
  type SeenRow = { id: string; name: string | null; gender: string | null; birthday: string | null; region_code: string | null; seen: string };
  const touched: SeenRow[] = [];
  plans.forEach((p, i) => {
    const prof = items[i]!.profile;
    const seen = (prof.seenAt ?? now).toISOString();
    const name = prof.name?.trim() || null;
    if (p.created) {
      fresh.set(p.customerId, {
        id: p.customerId, name, gender: prof.gender ?? 'unknown', birthday: prof.birthday ?? null, region_code: prof.regionCode ?? null,
        source_channel: prof.sourceChannel, first_seen: seen, last_seen: seen,
      });
    } else {
      touched.push({ id: p.customerId, name, gender: prof.gender && prof.gender !== 'unknown' ? prof.gender : null, birthday: prof.birthday ?? null, region_code: prof.regionCode ?? null, seen });
    }
  });
  // Rows of the same batch that joined a customer created earlier in it fill that new row.
  const later = touched.filter((t) => fresh.has(t.id));
  for (const t of later) {
    const f = fresh.get(t.id)!;
    f.name ??= t.name; if (f.gender === 'unknown' && t.gender) f.gender = t.gender;
    f.birthday ??= t.birthday; f.region_code ??= t.region_code;
    if (t.seen < f.first_seen) f.first_seen = t.seen;
    if (t.seen > f.last_seen) f.last_seen = t.seen;
  }
  if (fresh.size) {
    await q.execute(sql`insert into customer_profiles (id, name, gender, birthday, region_code, source_channel, has_account, first_seen_at, last_seen_at, created_at, updated_at)
      select v.id, v.name, v.gender, v.birthday::date, v.region_code, v.source_channel, false, v.first_seen, v.last_seen, ${now}, ${now}
      from jsonb_to_recordset(${JSON.stringify([...fresh.values()])}::jsonb)
        as v(id uuid, name text, gender text, birthday text, region_code text, source_channel text, first_seen timestamptz, last_seen timestamptz)`);
  }

  // Identities: strong ones must all land (else a concurrent batch won one: plan again); partial ones may repeat.
  const attachRows = new Map<string, { customer_id: string; kind: string; value: string }>();
  for (const p of plans) for (const c of p.attach) attachRows.set(`${p.customerId}\u0000${identityKey(c)}`, { customer_id: p.customerId, kind: c.kind, value: c.value });
  const rows = [...attachRows.values()].sort((a, b) => (a.kind + '\u0000' + a.value < b.kind + '\u0000' + b.value ? -1 : 1));
  if (rows.length) {
    const res = await q.execute(sql`insert into customer_identities (customer_id, kind, value, created_at)
      select v.customer_id, v.kind, v.value, ${now} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(customer_id uuid, kind text, value text)
      on conflict do nothing returning kind, value`);
    const landed = new Set((res as unknown as { rows: { kind: string; value: string }[] }).rows.map((r) => `${r.kind}\u0000${r.value}`));
    if (rows.some((r) => r.kind !== 'phone_masked' && !landed.has(`${r.kind}\u0000${r.value}`))) throw new LostIdentityRace();
  }

  // Existing customers seen again: extend first/last seen, fill only what they lack.
  const existing = touched.filter((t) => !fresh.has(t.id));
  if (existing.length) {
    await q.execute(sql`update customer_profiles p set
        name = coalesce(p.name, v.name), gender = case when p.gender = 'unknown' and v.gender is not null then v.gender else p.gender end,
        birthday = coalesce(p.birthday, v.birthday::date), region_code = coalesce(p.region_code, v.region_code),
        first_seen_at = least(p.first_seen_at, v.first_seen), last_seen_at = greatest(p.last_seen_at, v.last_seen), updated_at = ${now}
      from (select id, max(name) as name, max(gender) as gender, max(birthday) as birthday, max(region_code) as region_code,
              min(seen) as first_seen, max(seen) as last_seen
            from jsonb_to_recordset(${JSON.stringify(existing)}::jsonb)
              as x(id uuid, name text, gender text, birthday text, region_code text, seen timestamptz) group by id) v
      where p.id = v.id`);
  }

  const suggestions = plans.flatMap((p) => p.conflicts.map((c) => {
    const [a, b] = orderedPair(p.customerId, c.otherId);
    return { id: newId(), a_id: a, b_id: b, claims: c.claims };
  }));
  if (suggestions.length) {
    await q.execute(sql`insert into customer_merge_suggestions (id, a_id, b_id, reason, claims, created_at)
      select v.id, v.a_id, v.b_id, 'identity_conflict', v.claims, ${now}
      from jsonb_to_recordset(${JSON.stringify(suggestions)}::jsonb) as v(id uuid, a_id uuid, b_id uuid, claims jsonb)
      on conflict do nothing`);
  }

  await publishProfilesChanged(q, plans.map((p) => p.customerId), opts);
  return plans.map((p) => ({ customerId: p.customerId, created: p.created }));
}
