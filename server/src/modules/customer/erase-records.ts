import { sql } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { ERASED_NOTE, redactClaims, redactMergeSnapshot } from './erase.rules.ts';

type Part = { part: string; rows: number; [detail: string]: unknown };
const jsonb = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * The erasure's steps over what the customer module keeps about a person beyond the profile
 * (erase.ts): each returns one audit entry. The rows stay — who wrote a note, who merged whom, who
 * revealed what and when are the audit — their personal values go. Covers the customer and every
 * customer merged into them (the same person). Idempotent: a second run changes no row.
 */
export async function eraseStaffRecords(q: Q, customerId: string, pseudonym: string): Promise<Part[]> {
  const rows = <T>(query: ReturnType<typeof sql>) => q.execute(query).then((r) => (r as unknown as { rows: T[] }).rows);
  const merged = (await rows<{ id: string }>(sql`select id from customer_profiles where merged_into = ${customerId}`)).map((r) => r.id);
  const ids = [customerId, ...merged];
  const idList = sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
  const mergedList = sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(merged)}::jsonb))`;
  const now = clock.now();

  // Merged-away profiles are the same person: their fields go too, and what an older merge left under their ids.
  const profiles = await rows(sql`update customer_profiles set name = ${pseudonym}, gender = 'unknown', birthday = null, region_code = null,
      erased = true, erased_at = coalesce(erased_at, ${now}), updated_at = ${now}
    where id in ${mergedList} and (not erased or name is distinct from ${pseudonym}) returning id`);
  const leftovers = (await rows(sql`delete from behaviour_events where customer_key in (select value from jsonb_array_elements_text(${JSON.stringify(merged)}::jsonb)) returning id`)).length
    + (await rows(sql`delete from behaviour_daily_counts where customer_id in ${mergedList} returning customer_id`)).length
    + (await rows(sql`delete from customer_addresses where customer_id in ${mergedList} returning id`)).length
    + (await rows(sql`delete from customer_identities where customer_id in ${mergedList} returning kind`)).length;

  const notes = await rows(sql`update customer_notes set body = ${ERASED_NOTE} where customer_id in ${idList} and body <> ${ERASED_NOTE} returning id`);

  let audits = 0;
  for (const m of await rows<{ id: string; before: unknown; after: unknown }>(sql`select id, before, after from customer_merges
      where from_id in ${idList} or into_id in ${idList} order by id for update`)) {
    const before = redactMergeSnapshot(parse(m.before), pseudonym);
    const after = redactMergeSnapshot(parse(m.after), pseudonym);
    if (JSON.stringify(before) === JSON.stringify(parse(m.before)) && JSON.stringify(after) === JSON.stringify(parse(m.after))) continue;
    await q.execute(sql`update customer_merges set before = ${jsonb(before)}, after = ${jsonb(after)} where id = ${m.id}`);
    audits++;
  }

  let suggestions = 0;
  for (const s of await rows<{ id: string; claims: unknown }>(sql`select id, claims from customer_merge_suggestions
      where a_id in ${idList} or b_id in ${idList} order by id for update`)) {
    const claims = parse(s.claims);
    const redacted = Array.isArray(claims) ? redactClaims(claims) : [];
    if (JSON.stringify(redacted) === JSON.stringify(claims)) continue;
    await q.execute(sql`update customer_merge_suggestions set claims = ${jsonb(redacted)} where id = ${s.id}`);
    suggestions++;
  }

  // The reveal log records who revealed which field and when, never the value revealed: nothing to clear, the rows stay as audit.
  const [reveals] = await rows<{ n: number }>(sql`select count(*)::int as n from customer_reveals where customer_id in ${idList}`);
  return [
    { part: 'merged_profiles', rows: profiles.length, leftoverRows: leftovers },
    { part: 'staff_notes', rows: notes.length },
    { part: 'merge_audit', rows: audits },
    { part: 'merge_suggestions', rows: suggestions },
    { part: 'reveal_log', rows: 0, kept: reveals!.n, valuesStored: false },
  ];
}
