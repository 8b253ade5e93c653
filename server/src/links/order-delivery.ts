import { AfterSaleEvents, OrderEvents, type TAfterSaleRefundedEvent, type TOrderClosedEvent, type TOrderPaidEvent } from '@koi/contracts';
import type { Db } from '../platform/db.ts';
import type { EventBus } from '../platform/events.ts';
import type { OrderService } from '../modules/order/index.ts';
import type { StoreService } from '../modules/store/index.ts';
import { createPickupAndLocalDelivery } from '../modules/fulfilment/index.ts';

/**
 * Store pickup and local delivery between the order and fulfilment modules: fulfilment reads an
 * order's lines and moves it (handover completes it, 已出发 ships it) through the order service, and
 * a paid pickup or local-delivery order opens its pickup code or delivery (`order.paid`).
 */
export function linkOrderDelivery(deps: { db: Db; bus: EventBus; orders: OrderService; stores: StoreService; staffName: (id: string) => Promise<string> }) {
  const { orders } = deps;
  const delivery = createPickupAndLocalDelivery({
    db: deps.db, profiles: deps.stores.profiles, staffName: deps.staffName,
    orders: {
      async view(orderId, q) {
        const { order, lines } = await orders.queries.one(orderId, null, q);
        return {
          orderNo: order.orderNo, buyerMobile: order.buyerMobile, payableFen: order.payableFen,
          lines: lines.map((l) => ({ id: l.id, title: l.title, specValues: l.specValues, quantity: l.quantity, image: l.image })),
        };
      },
      completePickup: (q, orderId) => orders.lifecycle.completePickup(q, orderId),
      ship: (q, orderId) => orders.lifecycle.ship(q, orderId),
    },
  });

  deps.bus.subscribe(OrderEvents.paid, 'fulfilment.pickup-local-open', async (event, q) => {
    const p = event.payload as TOrderPaidEvent;
    const { order } = await orders.queries.one(p.orderId, null, q);
    const d = order.delivery;
    if (!d?.storeId || !d.storeName) return;
    const base = { orderId: order.id, orderNo: order.orderNo, customerId: order.customerId, storeId: d.storeId, storeName: d.storeName };
    if (order.deliveryMethod === 'pickup') await delivery.pickup.open(q, base);
    else if (order.deliveryMethod === 'local_delivery' && d.slot) {
      const a = order.address;
      await delivery.local.open(q, {
        ...base, slot: d.slot, distanceMetres: d.distanceMetres ?? 0, recipient: a ? `${a.recipient} ${a.mobile}` : null,
        addressText: a ? `${a.province}${a.city}${a.district}${a.detail}` : null,
      });
    }
  });
  // A pickup order closed, or refunded in full before pickup: its code must not hand anything over,
  // and a refunded local delivery leaves the store's list. (A full refund closes the order without
  // `order.closed`, which means "closed unpaid" to its other subscribers.)
  deps.bus.subscribe(OrderEvents.closed, 'fulfilment.pickup-cancel', async (event, q) => {
    await delivery.pickup.cancel(q, (event.payload as TOrderClosedEvent).orderId);
  });
  deps.bus.subscribe(AfterSaleEvents.refunded, 'fulfilment.refund-cancel', async (event, q) => {
    const p = event.payload as TAfterSaleRefundedEvent;
    if (!p.orderFullyRefunded) return;
    await delivery.pickup.cancel(q, p.orderId);
    await delivery.local.cancel(q, p.orderId);
  });
  return delivery;
}
