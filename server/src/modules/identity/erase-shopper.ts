import { eq, inArray } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { otpCodes, shopperAccounts, shopperLogins } from './identity.tables.ts';
import type { Sessions } from './sessions.ts';

/**
 * PIPL erasure of a shopper account (called by the customer module's erasure job, links/customer-privacy.ts):
 * every login (phone, openid, unionid) is deleted so the account can never be signed in to again — the
 * same phone later registers a new, unrelated account — the nickname becomes the pseudonym, the avatar
 * goes, every session is revoked and the phone's sign-in codes are deleted.
 */
export async function eraseShopper(q: Q, sessions: Sessions, shopperId: string, pseudonym: string): Promise<number> {
  const logins = await q.delete(shopperLogins).where(eq(shopperLogins.shopperId, shopperId)).returning({ kind: shopperLogins.kind, value: shopperLogins.value });
  const phones = logins.filter((l) => l.kind === 'phone').map((l) => l.value);
  const codes = phones.length ? await q.delete(otpCodes).where(inArray(otpCodes.phone, phones)).returning({ id: otpCodes.id }) : [];
  const accounts = await q.update(shopperAccounts).set({ nickname: pseudonym, avatarUrl: null }).where(eq(shopperAccounts.id, shopperId)).returning({ id: shopperAccounts.id });
  await sessions.revokeAll(q, { kind: 'shopper', id: shopperId });
  return logins.length + codes.length + accounts.length;
}
