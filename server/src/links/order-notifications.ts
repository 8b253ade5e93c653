import {
  AfterSaleEvents, FulfilmentEvents, OrderEvents,
  type TAfterSaleRefundedEvent, type TOrderPaidEvent, type TPickupReadyEvent, type TShipmentDeliveredEvent, type TShipmentShippedEvent,
} from '@koi/contracts';
import type { EventBus } from '../platform/events.ts';
import type { Notifications } from '../modules/messaging/index.ts';

/**
 * Order notifications (issue 6): what happens to an order after payment becomes a message to the
 * shopper. Each subscriber records the messages in its own transaction, at most once per event; the
 * messaging module's deliver job sends them afterwards.
 */
export function linkOrderNotifications(bus: EventBus, notifications: Notifications) {
  bus.subscribe(OrderEvents.paid, 'messaging.order-paid', async (event, q) => {
    const o = event.payload as TOrderPaidEvent;
    const itemCount = o.lines.reduce((n, l) => n + l.quantity, 0);
    await notifications.notify(q, { eventId: event.id, customerId: o.customerId, data: { kind: 'order_paid', orderId: o.orderId, orderNo: o.orderNo, amountFen: o.paidFen, itemCount, at: o.at } });
  });

  bus.subscribe(FulfilmentEvents.shipped, 'messaging.shipment-shipped', async (event, q) => {
    const s = event.payload as TShipmentShippedEvent;
    await notifications.notify(q, { eventId: event.id, customerId: s.customerId, data: {
      kind: 'order_shipped', orderId: s.orderId, orderNo: s.orderNo, method: s.method, courierName: s.courierName, trackingNo: s.trackingNo, at: s.at,
    } });
  });

  bus.subscribe(FulfilmentEvents.delivered, 'messaging.shipment-delivered', async (event, q) => {
    const s = event.payload as TShipmentDeliveredEvent;
    await notifications.notify(q, { eventId: event.id, customerId: s.customerId, data: { kind: 'order_delivered', orderId: s.orderId, orderNo: s.orderNo, at: s.at } });
  });

  bus.subscribe(FulfilmentEvents.pickupReady, 'messaging.pickup-ready', async (event, q) => {
    const p = event.payload as TPickupReadyEvent;
    await notifications.notify(q, { eventId: event.id, customerId: p.customerId, data: {
      kind: 'pickup_ready', orderId: p.orderId, orderNo: p.orderNo, storeName: p.storeName, pickupCode: p.pickupCode, at: p.at,
    } });
  });

  bus.subscribe(AfterSaleEvents.refunded, 'messaging.aftersale-refunded', async (event, q) => {
    const r = event.payload as TAfterSaleRefundedEvent;
    await notifications.notify(q, { eventId: event.id, customerId: r.customerId, data: {
      kind: 'refund_done', orderId: r.orderId, orderNo: r.orderNo, afterSaleNo: r.afterSaleNo, amountFen: r.amountFen, at: r.at,
    } });
  });
}
