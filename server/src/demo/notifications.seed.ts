import type { Koi } from '../app.ts';

/**
 * The demo's order notifications: the seeded orders' events (paid, and whatever fulfilment and
 * after-sales seeded) go through the outbox to the notification subscribers, then the deliver job's
 * work runs so the send log and the simulators' inboxes (/dev/sms, /sim/wechat/subscribe/inbox)
 * show them. Returns how many messages went out.
 */
export async function seedNotifications(koi: Pick<Koi, 'bus' | 'notifications'>): Promise<number> {
  while ((await koi.bus.dispatchOnce()) > 0);
  let sent = 0;
  for (let n = await koi.notifications.deliverDue(200); n > 0; n = await koi.notifications.deliverDue(200)) sent += n;
  return sent;
}
