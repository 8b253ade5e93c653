import {
  AfterSaleEvents, OrderEvents,
  type TAfterSaleRefundedEvent, type TAfterSaleRequestedEvent, type TOrderClosedEvent, type TOrderCompletedEvent, type TOrderCreatedEvent, type TOrderPaidEvent,
} from '@koi/contracts';
import type { EventBus } from '../platform/events.ts';
import { recordBehaviour, type ServerBehaviour } from '../modules/customer/index.ts';
import { IdentityEvents, type ShopperRegistered } from '../modules/identity/index.ts';
import { MessageClickEvents, type TMessageClickedEvent } from '../modules/messaging/index.ts';

/**
 * Server-side behaviour events for the customer timeline (issue 7 §3): what the customer did that the
 * server knows first — placed, paid, completed or lost an order, asked for an after-sale, got a
 * refund, signed up, opened a tracked link from a message. Appended (never updated) by subscribers;
 * the bus runs each once per event.
 *
 * Not here, because nothing publishes them yet: payments other than orders (`payment.succeeded`
 * carries no customer; an order's payment is `order_paid` with its channel), reviews, shares made
 * on the server (the shop records `share` itself), and message opens (SMS has no open receipt;
 * WeChat subscribe messages report none).
 */
export function linkCustomerBehaviour(bus: EventBus): void {
  function on<T>(topic: string, name: string, map: (p: T) => Omit<ServerBehaviour, 'anonymousId'>): void {
    bus.subscribe(topic, `customer.behaviour.${name}`, async (event, q) => {
      await recordBehaviour(q, { ...map(event.payload as T), anonymousId: null });
    });
  }
  const at = (iso: string) => new Date(iso);

  on<TOrderCreatedEvent>(OrderEvents.created, 'order-created', (p) => ({
    type: 'order_placed', shopperId: p.customerId, at: at(p.at),
    props: { orderId: p.orderId, orderNo: p.orderNo, payableFen: p.payableFen, lineCount: p.lines.length },
  }));
  on<TOrderPaidEvent>(OrderEvents.paid, 'order-paid', (p) => ({
    type: 'order_paid', shopperId: p.customerId, at: at(p.at),
    props: { orderId: p.orderId, orderNo: p.orderNo, paidFen: p.paidFen, channel: p.channel },
  }));
  on<TOrderCompletedEvent>(OrderEvents.completed, 'order-completed', (p) => ({
    type: 'order_completed', shopperId: p.customerId, at: at(p.at), props: { orderId: p.orderId, orderNo: p.orderNo },
  }));
  on<TOrderClosedEvent>(OrderEvents.closed, 'order-closed', (p) => ({
    type: 'order_closed', shopperId: p.customerId, at: at(p.at), props: { orderId: p.orderId, orderNo: p.orderNo, reason: p.reason },
  }));
  on<TAfterSaleRequestedEvent>(AfterSaleEvents.requested, 'aftersale-requested', (p) => ({
    type: 'aftersale_requested', shopperId: p.customerId, at: at(p.at),
    props: { afterSaleId: p.afterSaleId, afterSaleNo: p.afterSaleNo, orderId: p.orderId, orderNo: p.orderNo, kind: p.kind },
  }));
  on<TAfterSaleRefundedEvent>(AfterSaleEvents.refunded, 'aftersale-refunded', (p) => ({
    type: 'aftersale_refunded', shopperId: p.customerId, at: at(p.at),
    props: { afterSaleId: p.afterSaleId, afterSaleNo: p.afterSaleNo, orderId: p.orderId, orderNo: p.orderNo, amountFen: p.amountFen },
  }));
  on<TMessageClickedEvent>(MessageClickEvents.clicked, 'message-clicked', (p) => ({
    type: 'message_clicked', shopperId: p.customerId, at: at(p.at), props: { sendId: p.sendId, kind: p.kind, channel: p.channel, target: p.target },
  }));
  on<ShopperRegistered>(IdentityEvents.shopperRegistered, 'signed-up', (p) => ({
    type: 'signed_up', shopperId: p.shopperId, at: at(p.at), props: { via: p.via },
  }));
}
