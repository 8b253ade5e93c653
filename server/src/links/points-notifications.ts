import { PointsEvents, type TPointsExpiringEvent } from '@koi/contracts';
import type { EventBus } from '../platform/events.ts';
import type { Notifications } from '../modules/messaging/index.ts';

/**
 * Points notifications (issue 8): the loyalty module's expiry reminder becomes a message to the
 * shopper — a WeChat subscribe message or an SMS, by consent and reach, like the order notifications.
 * The messaging module records at most one message per event and channel.
 */
export function linkPointsNotifications(bus: EventBus, notifications: Notifications) {
  bus.subscribe(PointsEvents.expiring, 'messaging.points-expiring', async (event, q) => {
    const p = event.payload as TPointsExpiringEvent;
    await notifications.notify(q, { eventId: event.id, customerId: p.customerId, data: {
      kind: 'points_expiring', points: p.points, firstDay: p.firstDay, lastDay: p.lastDay, at: p.at,
    } });
  });
}
