import type { Q } from '../../platform/db.ts';

/**
 * What pickup and local delivery need from the order module, bound in links/order-delivery.ts:
 * the order's lines for the staff's screen and the two lifecycle moves, inside our transaction.
 */
export type FulfilmentOrders = {
  view(orderId: string, q?: Q): Promise<{
    orderNo: string; buyerMobile: string | null; payableFen: number;
    lines: { id: string; title: string; specValues: string[]; quantity: number; image: string | null }[];
  }>;
  /** paid → completed for a pickup order; false when it is not a paid pickup order. */
  completePickup(q: Q, orderId: string): Promise<boolean>;
  /** paid → shipped; false when the order is not waiting to be shipped. */
  ship(q: Q, orderId: string): Promise<boolean>;
};
