import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { shopperLogins } from './identity.tables.ts';

/**
 * How to reach a shopper and pay as them: the phone they signed in with and their openid in the
 * mini-program (WeChat Pay JSAPI needs the payer's openid for that app). One statement.
 */
export async function shopperContacts(db: Db, shopperId: string, mpAppId: string): Promise<{ phone: string | null; mpOpenid: string | null }> {
  const rows = await db.run((q) => q.select({ kind: shopperLogins.kind, value: shopperLogins.value }).from(shopperLogins)
    .where(and(eq(shopperLogins.shopperId, shopperId), inArray(shopperLogins.kind, ['phone', 'wechat_openid']))));
  const phone = rows.find((r) => r.kind === 'phone')?.value ?? null;
  const prefix = `${mpAppId}:`;
  const openid = rows.find((r) => r.kind === 'wechat_openid' && r.value.startsWith(prefix))?.value.slice(prefix.length) ?? null;
  return { phone, mpOpenid: openid };
}
