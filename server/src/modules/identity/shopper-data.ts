import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { sessions, shopperAccounts, shopperLogins } from './identity.tables.ts';

/** What identity holds on a shopper, unmasked, for their own data download (PIPL 第四十五条). */
export async function shopperData(db: Db, shopperId: string) {
  const [account] = await db.run((q) => q.select().from(shopperAccounts).where(eq(shopperAccounts.id, shopperId)));
  const logins = await db.run((q) => q.select({ kind: shopperLogins.kind, value: shopperLogins.value, createdAt: shopperLogins.createdAt }).from(shopperLogins).where(eq(shopperLogins.shopperId, shopperId)));
  const devices = await db.run((q) => q.select({ userAgent: sessions.userAgent, ip: sessions.ip, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, revokedAt: sessions.revokedAt })
    .from(sessions).where(eq(sessions.subjectId, shopperId)));
  return { account: account ?? null, logins, sessions: devices };
}
