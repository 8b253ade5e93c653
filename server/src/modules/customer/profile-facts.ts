import { sql } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { publish } from '../../platform/events.ts';
import { CustomerEvents, type TCustomerProfileFacts, type TCustomerProfilesChangedEvent } from '@koi/contracts';

/** `in (…)` over a list of ids as one jsonb parameter (same SQL on PGlite and PostgreSQL). */
export const idList = (ids: readonly string[]) => sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;

type FactRow = { id: string; gender: 'male' | 'female' | 'unknown'; birthday: string | null; region_code: string | null; source_channel: string; first_seen_at: Date | string; last_seen_at: Date | string };

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** The profile facts the audience module copies, for live (not merged-away) customers. */
export async function profileFacts(q: Q, ids: readonly string[]): Promise<TCustomerProfileFacts[]> {
  if (!ids.length) return [];
  const res = await q.execute(sql`select id, gender, birthday::text as birthday, region_code, source_channel, first_seen_at, last_seen_at
    from customer_profiles where id in ${idList([...new Set(ids)])} and merged_into is null`);
  return (res as unknown as { rows: FactRow[] }).rows.map((r) => ({
    customerId: r.id, gender: r.gender, birthday: r.birthday, regionCode: r.region_code, sourceChannel: r.source_channel,
    firstSeenAt: iso(r.first_seen_at), lastSeenAt: iso(r.last_seen_at),
  }));
}

/**
 * Publishes one `customer.profiles_changed` for these customers (nothing when none is live);
 * `deferTags`: the caller recomputes their tags itself (see the event's field).
 */
export async function publishProfilesChanged(q: Q, ids: readonly string[], opts: { deferTags?: boolean } = {}): Promise<void> {
  const profiles = await profileFacts(q, ids);
  if (!profiles.length) return;
  await publish<TCustomerProfilesChangedEvent>(q, CustomerEvents.profilesChanged, { profiles, at: clock.now().toISOString(), ...(opts.deferTags ? { deferTags: true as const } : {}) });
}
