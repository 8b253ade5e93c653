import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { onShopperRegistered, type ShopperSignup } from './shopper-signup.ts';

/** The shopper accounts, as the identity module pages them (bound by links/customer-merge.ts). */
export type ShopperAccounts = {
  count(): Promise<number>;
  page(after: string | null, limit: number): Promise<Omit<ShopperSignup, 'via'>[]>;
};

const PAGE = 500;

/**
 * Shoppers who signed up before customer profiles existed (an upgraded install) get theirs the way a
 * sign-up would make it, page by page; idempotent, and nearly free when every account has a profile
 * (two counts). Returns how many profiles it created.
 */
export async function backfillProfiles(db: Db, shoppers: ShopperAccounts): Promise<number> {
  const [have] = await db.rows<{ n: number }>(sql`select count(*)::int as n from customer_profiles where has_account`);
  if (have!.n >= (await shoppers.count())) return 0;
  let created = 0;
  for (let after: string | null = null; ;) {
    const page = await shoppers.page(after, PAGE);
    if (!page.length) return created;
    after = page[page.length - 1]!.shopperId;
    const ids = page.map((s) => s.shopperId);
    const known = new Set((await db.rows<{ id: string }>(sql`select id from customer_profiles where id = any(${sql.param(ids)}::uuid[])`)).map((r) => r.id));
    for (const s of page) {
      if (known.has(s.shopperId)) continue;
      await db.tx((q) => onShopperRegistered(db, q, { ...s, via: s.phone ? 'phone' : 'wechat' }));
      created++;
    }
  }
}
