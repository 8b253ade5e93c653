import { OrderEvents, PaymentEvents, type TOrderClosedEvent, type TOrderPaidEvent, type TPaymentSucceededEvent } from '@koi/contracts';
import type { EventBus } from '../platform/events.ts';
import type { Catalog } from '../modules/catalog/index.ts';
import type { OrderService } from '../modules/order/index.ts';
import type { PaymentService } from '../modules/payment/index.ts';

/**
 * The declared reactions between orders, payments and the catalog. Each subscriber runs in its own
 * transaction and at most once per event (the bus records what it handled).
 */
export function linkOrderEvents(bus: EventBus, deps: { orders: OrderService; payment: PaymentService; catalog: Catalog }) {
  bus.subscribe(PaymentEvents.succeeded, 'order.payment-succeeded', async (event, q) => {
    const p = event.payload as TPaymentSucceededEvent;
    if (p.payableType !== 'order') return;
    await deps.orders.lifecycle.onPaymentSucceeded(q, {
      intentId: p.intentId, payableId: p.payableId, amountFen: p.amountFen, transactionId: p.transactionId, channel: p.provider,
    });
  });

  // Units sold on product cards and the 销量 sort.
  bus.subscribe(OrderEvents.paid, 'catalog.order-sales', async (event, q) => {
    const o = event.payload as TOrderPaidEvent;
    await deps.catalog.products.recordSales(q, o.lines.map((l) => ({ productId: l.productId, qty: l.quantity })));
  });

  // An order closed: its open payments at the providers close too, so a late payment cannot start.
  bus.subscribe(OrderEvents.closed, 'payment.order-closed', async (event) => {
    const o = event.payload as TOrderClosedEvent;
    await deps.payment.closePayable('order', o.orderId);
  });
}
