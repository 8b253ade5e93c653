/** Events the order module publishes through the outbox (analytics, customer data, loyalty, distribution listen). */
export const OrderEvents = {
  created: 'order.created',
  paid: 'order.paid',
  closed: 'order.closed',
  completed: 'order.completed',
} as const;

export type TOrderEventLine = { lineId: string; skuId: string; productId: string; quantity: number; payableFen: number };
export type TOrderCreatedEvent = { orderId: string; orderNo: string; customerId: string; payableFen: number; lines: TOrderEventLine[]; at: string };
export type TOrderPaidEvent = TOrderCreatedEvent & { paidFen: number; channel: string };
export type TOrderClosedEvent = { orderId: string; orderNo: string; customerId: string; reason: string; at: string };
export type TOrderCompletedEvent = { orderId: string; orderNo: string; customerId: string; at: string };
