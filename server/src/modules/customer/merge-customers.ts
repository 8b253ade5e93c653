import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { publish } from '../../platform/events.ts';
import { KoiError } from '../../platform/errors.ts';
import { CustomerEvents, type TCustomerMergedEvent, type TIdentityKind, type TMergeResult } from '@koi/contracts';
import { maskIdentity } from './reveal.rules.ts';
import { fillProfile, type ProfileFill } from './identity-match.rules.ts';
import { publishProfilesChanged } from './profile-facts.ts';
import './profile.errors.ts';

type ProfileRow = {
  id: string; name: string | null; gender: 'male' | 'female' | 'unknown'; birthday: string | null; region_code: string | null; source_channel: string;
  has_account: boolean; first_seen_at: Date | string; last_seen_at: Date | string; merged_into: string | null; erased: boolean;
};

export type MergeInput = { fromId: string; intoId: string; staffId: string | null; reason: string };

/** The two profiles, locked in id order (two merges of one pair at once queue here; the second sees the first's result). */
export async function lockPair(db: Db, q: Q, a: string, b: string): Promise<Map<string, ProfileRow>> {
  const rows = await db.rows<ProfileRow>(sql`select id, name, gender, birthday::text as birthday, region_code, source_channel, has_account,
      first_seen_at, last_seen_at, merged_into, erased
    from customer_profiles where id in (${a}, ${b}) order by id for update`, q);
  return new Map(rows.map((r) => [r.id, r]));
}

export function mergeBlock(from: ProfileRow | undefined, into: ProfileRow | undefined): 'same_customer' | 'already_merged' | 'erased' | null {
  if (from && into && from.id === into.id) return 'same_customer';
  if (from?.merged_into || into?.merged_into) return 'already_merged';
  if (from?.erased || into?.erased) return 'erased';
  return null;
}

/**
 * Merges `fromId` into `intoId` inside `q`: identities, staff notes and addresses move, the kept profile fills
 * the fields it lacks, the old one is marked `merged_into`; the audit row keeps who, why, before and
 * after; `customer.merged` tells the other modules to move what they own (orders, points, balance,
 * coupons, logins …). A customer merges away at most once (unique on `from_id`).
 */
export async function mergeInTx(db: Db, q: Q, input: MergeInput): Promise<TMergeResult> {
  const { fromId, intoId } = input;
  if (fromId === intoId) throw new KoiError('customer.merge_same');
  const pair = await lockPair(db, q, fromId, intoId);
  const from = pair.get(fromId);
  const into = pair.get(intoId);
  if (!from || !into) throw new KoiError('resource.not_found', { what: 'customer' });
  const block = mergeBlock(from, into);
  if (block === 'already_merged') throw new KoiError('customer.already_merged');
  if (block === 'erased') throw new KoiError('customer.erased');

  // The audit keeps identities masked: it outlives an erasure of either customer.
  const identities = async (id: string) => (await db.rows<{ kind: TIdentityKind; value: string }>(sql`select kind, value from customer_identities where customer_id = ${id} order by kind, value`, q))
    .map((i) => ({ kind: i.kind, value: maskIdentity(i.kind, i.value) }));
  const before = { from: { ...from, identities: await identities(fromId) }, into: { ...into, identities: await identities(intoId) } };
  const now = clock.now();

  // Partial identities both hold stay once; strong ones cannot be held by both (unique index).
  await db.rows(sql`delete from customer_identities f where f.customer_id = ${fromId}
    and exists (select 1 from customer_identities i where i.customer_id = ${intoId} and i.kind = f.kind and i.value = f.value)`, q);
  await db.rows(sql`update customer_identities set customer_id = ${intoId} where customer_id = ${fromId}`, q);
  await db.rows(sql`update customer_notes set customer_id = ${intoId} where customer_id = ${fromId}`, q);
  // Shipping addresses join the kept book; its default stays the default.
  await db.rows(sql`update customer_addresses set customer_id = ${intoId}, is_default = false where customer_id = ${fromId}`, q);

  const have: ProfileFill = { name: into.name, gender: into.gender, birthday: into.birthday, regionCode: into.region_code };
  const filled = fillProfile(have, { name: from.name ?? undefined, gender: from.gender, birthday: from.birthday, regionCode: from.region_code });
  const first = new Date(Math.min(new Date(from.first_seen_at).getTime(), new Date(into.first_seen_at).getTime()));
  const last = new Date(Math.max(new Date(from.last_seen_at).getTime(), new Date(into.last_seen_at).getTime()));
  // The source channel is where the person first came from.
  const source = new Date(from.first_seen_at) < new Date(into.first_seen_at) ? from.source_channel : into.source_channel;
  await db.rows(sql`update customer_profiles set name = ${filled.name}, source_channel = ${source}, gender = ${filled.gender}, birthday = ${filled.birthday}::date,
      region_code = ${filled.regionCode}, first_seen_at = ${first}, last_seen_at = ${last},
      has_account = ${into.has_account || from.has_account}, updated_at = ${now}
    where id = ${intoId}`, q);
  await db.rows(sql`update customer_profiles set merged_into = ${intoId}, merged_at = ${now}, updated_at = ${now} where id = ${fromId}`, q);
  // Chains stay one hop: whoever was merged into the old customer now points at the kept one.
  await db.rows(sql`update customer_profiles set merged_into = ${intoId} where merged_into = ${fromId}`, q);
  await db.rows(sql`update customer_merge_suggestions set resolved_at = ${now}
    where resolved_at is null and ((a_id = ${fromId} and b_id = ${intoId}) or (a_id = ${intoId} and b_id = ${fromId}))`, q);

  const after = { into: { ...filled, sourceChannel: source, firstSeenAt: first.toISOString(), lastSeenAt: last.toISOString(), identities: await identities(intoId) } };
  const mergeId = newId();
  const inserted = await db.rows(sql`insert into customer_merges (id, from_id, into_id, staff_id, reason, before, after, created_at)
    values (${mergeId}, ${fromId}, ${intoId}, ${input.staffId}, ${input.reason}, ${JSON.stringify(before)}::jsonb, ${JSON.stringify(after)}::jsonb, ${now})
    on conflict (from_id) do nothing returning id`, q);
  if (!inserted.length) throw new KoiError('customer.already_merged');
  await publish<TCustomerMergedEvent>(q, CustomerEvents.merged, { fromId, intoId, staffId: input.staffId, reason: input.reason, at: now.toISOString() });
  await publishProfilesChanged(q, [intoId]);
  return { mergeId, fromId, intoId };
}

export const mergeCustomers = (db: Db, input: MergeInput) => db.tx((q) => mergeInTx(db, q, input));
