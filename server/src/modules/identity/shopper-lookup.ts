import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';

/** Batch reads of shopper accounts for other modules (coupon issuance, the customer profiles' backfill). One statement each. */
export function shopperLookup(db: Db) {
  return {
    /** Sign-in mobile numbers → shopper ids; numbers without an account are absent. */
    async byPhones(phones: string[]): Promise<Map<string, string>> {
      if (!phones.length) return new Map();
      const rows = await db.rows<{ value: string; shopper_id: string }>(sql`select value, shopper_id from shopper_logins
        where kind = 'phone' and value = any(${sql.param([...new Set(phones)])}::text[])`);
      return new Map(rows.map((r) => [r.value, r.shopper_id]));
    },
    /** The ids among these that are shopper accounts. */
    async existing(ids: string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await db.rows<{ id: string }>(sql`select id from shopper_accounts where id = any(${sql.param([...new Set(ids)])}::uuid[])`);
      return new Set(rows.map((r) => r.id));
    },
    /** How many shopper accounts there are. */
    async count(): Promise<number> {
      const [r] = await db.rows<{ n: number }>(sql`select count(*)::int as n from shopper_accounts`);
      return r!.n;
    },
    /** Shopper accounts in id order after `after`, with the sign-in phone and unionid they registered with. */
    async page(after: string | null, limit: number): Promise<{ shopperId: string; phone: string | null; wechatUnionid: string | null; at: string }[]> {
      const rows = await db.rows<{ id: string; created_at: Date | string; phone: string | null; unionid: string | null }>(sql`
        select a.id, a.created_at,
          (select l.value from shopper_logins l where l.shopper_id = a.id and l.kind = 'phone' order by l.created_at limit 1) as phone,
          (select l.value from shopper_logins l where l.shopper_id = a.id and l.kind = 'wechat_unionid' order by l.created_at limit 1) as unionid
        from shopper_accounts a ${after ? sql`where a.id > ${after}` : sql``} order by a.id limit ${limit}`);
      return rows.map((r) => ({ shopperId: r.id, phone: r.phone, wechatUnionid: r.unionid, at: new Date(r.created_at).toISOString() }));
    },
  };
}
