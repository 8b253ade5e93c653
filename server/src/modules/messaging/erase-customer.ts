import { eq } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { messagePreferences, messageSends, wechatSubscriptions } from './notifications.tables.ts';

/**
 * PIPL erasure: the send log keeps what was sent and when (the merchant's record) but not to whom
 * (the recipient is blanked); channel switches and WeChat grants are deleted. The consent log stays.
 */
export async function eraseMessagingCustomer(q: Q, customerId: string): Promise<number> {
  const sends = await q.update(messageSends).set({ recipient: '' }).where(eq(messageSends.customerId, customerId)).returning({ id: messageSends.id });
  const prefs = await q.delete(messagePreferences).where(eq(messagePreferences.customerId, customerId)).returning({ c: messagePreferences.customerId });
  const grants = await q.delete(wechatSubscriptions).where(eq(wechatSubscriptions.customerId, customerId)).returning({ c: wechatSubscriptions.customerId });
  return sends.length + prefs.length + grants.length;
}

/** What messaging sent to the customer (for their data download). */
export async function messagingCustomerData(db: Db, customerId: string) {
  return db.run((q) => q.select({ kind: messageSends.kind, channel: messageSends.channel, recipient: messageSends.recipient, content: messageSends.content, status: messageSends.status, createdAt: messageSends.createdAt, sentAt: messageSends.sentAt })
    .from(messageSends).where(eq(messageSends.customerId, customerId)));
}
