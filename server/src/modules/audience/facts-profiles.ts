import { sql } from 'drizzle-orm';
import type { TCustomerProfileFacts } from '@koi/contracts';
import type { Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';

/** 'YYYY-MM-DD' → 1–12; anything else → null. */
export function birthdayMonth(birthday: string | null): number | null {
  const m = birthday === null ? null : /^\d{4}-(\d{2})-\d{2}$/.exec(birthday);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 12 ? n : null;
}

/**
 * Copies profile facts (a `customer.profiles_changed` batch) in one statement. An erased customer
 * stays erased: a late event does not bring the profile back.
 */
export async function upsertProfileFacts(q: Q, profiles: readonly TCustomerProfileFacts[]): Promise<void> {
  if (!profiles.length) return;
  const last = new Map(profiles.map((p) => [p.customerId, p]));
  const rows = [...last.values()].map((p) => ({
    customer_id: p.customerId, gender: p.gender, birthday_month: birthdayMonth(p.birthday), region_code: p.regionCode,
    source_channel: p.sourceChannel, first_seen_at: p.firstSeenAt, last_seen_at: p.lastSeenAt,
  }));
  await q.execute(sql`
    insert into audience_customers (customer_id, gender, birthday_month, region_code, source_channel, first_seen_at, last_seen_at, updated_at)
    select x.customer_id, x.gender, x.birthday_month, x.region_code, x.source_channel, x.first_seen_at, x.last_seen_at, ${clock.now()}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(customer_id uuid, gender text, birthday_month smallint,
      region_code text, source_channel text, first_seen_at timestamptz, last_seen_at timestamptz)
    on conflict (customer_id) do update set gender = excluded.gender, birthday_month = excluded.birthday_month,
      region_code = excluded.region_code, source_channel = excluded.source_channel, first_seen_at = excluded.first_seen_at,
      last_seen_at = excluded.last_seen_at, updated_at = excluded.updated_at
    where audience_customers.erased_at is null`);
}
