import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { TIdentityClaim } from '@koi/contracts';
import { normalizeClaim, orderedPair } from './identity-match.rules.ts';
import { mergeInTx } from './merge-customers.ts';
import { publishProfilesChanged } from './profile-facts.ts';

export type ShopperSignup = { shopperId: string; via: 'phone' | 'wechat'; phone: string | null; wechatUnionid: string | null; at: string };

export const SIGNUP_MERGE_REASON = '注册时手机号与导入的客户一致，系统自动合并';

/**
 * A shopper signed up (`identity.shopper_registered`): their customer has the shopper's id. Each
 * sign-in identity joins it; one already held by an imported customer (no shopper account) means the
 * same person bought elsewhere before: that customer is merged into the shopper's, audited as the
 * system. One held by another shopper's customer is only suggested to staff. Idempotent per event.
 */
export async function onShopperRegistered(db: Db, q: Q, e: ShopperSignup): Promise<void> {
  const at = new Date(e.at);
  const now = clock.now();
  // An account erased before this event was handled (PIPL) must not get its personal data back.
  const gone = await db.rows(sql`select 1 from customer_profiles where id = ${e.shopperId} and erased
    union all select 1 from privacy_deletion_requests where customer_id = ${e.shopperId} and status = 'completed'`, q);
  if (gone.length) return;
  await db.rows(sql`insert into customer_profiles (id, gender, source_channel, has_account, first_seen_at, last_seen_at, created_at, updated_at)
    values (${e.shopperId}, 'unknown', ${e.via === 'wechat' ? 'wechat' : 'shop'}, true, ${at}, ${at}, ${now}, ${now})
    on conflict (id) do update set has_account = true`, q);
  const claims = [
    e.phone ? normalizeClaim({ kind: 'phone', value: e.phone }) : null,
    e.wechatUnionid ? normalizeClaim({ kind: 'wechat_unionid', value: e.wechatUnionid }) : null,
  ].filter((c): c is TIdentityClaim => c !== null && c.kind !== 'phone_masked');
  for (const c of claims) {
    const inserted = await db.rows(sql`insert into customer_identities (customer_id, kind, value, created_at)
      values (${e.shopperId}, ${c.kind}, ${c.value}, ${now}) on conflict do nothing returning kind`, q);
    if (inserted.length) continue;
    const [owner] = await db.rows<{ id: string; has_account: boolean; merged_into: string | null; erased: boolean }>(sql`
      select p.id, p.has_account, p.merged_into, p.erased from customer_identities i join customer_profiles p on p.id = i.customer_id
      where i.kind = ${c.kind} and i.value = ${c.value}`, q);
    if (!owner || owner.id === e.shopperId) continue;
    if (!owner.has_account && !owner.merged_into && !owner.erased) {
      await mergeInTx(db, q, { fromId: owner.id, intoId: e.shopperId, staffId: null, reason: SIGNUP_MERGE_REASON });
    } else {
      const [a, b] = orderedPair(owner.id, e.shopperId);
      await db.rows(sql`insert into customer_merge_suggestions (id, a_id, b_id, reason, claims, created_at)
        values (${newId()}, ${a}, ${b}, 'identity_conflict', ${JSON.stringify([c])}::jsonb, ${now}) on conflict do nothing`, q);
    }
  }
  await publishProfilesChanged(q, [e.shopperId]);
}
