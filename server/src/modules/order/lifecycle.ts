import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { OrderEvents, type TCloseReason, type TOrderClosedEvent, type TOrderCompletedEvent, type TOrderPaidEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import type { Logger } from '../../platform/log.ts';
import type { InventoryService } from '../inventory/index.ts';
import { orderLines, orders } from './order.tables.ts';
import { releaseFirstOrder } from './first-order-claim.ts';
import type { OrderPorts } from './ports.ts';

export type LifecycleDeps = { db: Db; log: Logger; inventory: InventoryService; ports: OrderPorts };
type Paid = { channel: string; transactionId: string | null; amountFen: number };

const linesOf = (q: Q, orderId: string) => q.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position));

/**
 * How an order moves after checkout. Every move is a conditional update on the status (the state
 * machine in `order-state.rules.ts` names the allowed ones), so a payment callback and a timeout
 * racing for the same order cannot both win.
 */
export function createLifecycle(deps: LifecycleDeps) {
  const { db, inventory, ports } = deps;

  /**
   * pending_payment → paid inside `q`; false when the order was not waiting for payment.
   * `how.amountFen` is what a provider collected: the payable less the balance part. `paid_fen`
   * is what the shopper paid in all (provider + balance).
   */
  async function markPaid(q: Q, orderId: string, how: Paid): Promise<boolean> {
    const now = clock.now();
    const [o] = await q.update(orders)
      .set({ status: 'paid', paidFen: sql`${how.amountFen}::bigint + ${orders.balanceFen}`, paidAt: now, payChannel: how.channel, transactionId: how.transactionId, payDeadline: null, updatedAt: now })
      .where(and(eq(orders.id, orderId), eq(orders.status, 'pending_payment'), sql`${orders.payableFen} - ${orders.balanceFen} = ${how.amountFen}::bigint`))
      .returning();
    if (!o) return false;
    if (o.pointsUsed > 0 || o.balanceFen > 0) await ports.loyalty.consume(q, orderId);
    const lines = await linesOf(q, orderId);
    await inventory.commit(q, lines.map((l) => ({ skuId: l.skuId, qty: l.quantity })));
    if (o.couponIds.length) await ports.coupons.consume(q, orderId);
    await publish<TOrderPaidEvent>(q, OrderEvents.paid, {
      orderId, orderNo: o.orderNo, customerId: o.customerId, payableFen: o.payableFen, paidFen: o.paidFen, channel: how.channel, at: now.toISOString(),
      lines: lines.map((l) => ({ lineId: l.id, skuId: l.skuId, productId: l.productId, quantity: l.quantity, payableFen: l.payableFen })),
    });
    return true;
  }

  /** pending_payment → closed: stock, purchase-limit counts, coupons, points and balance go back, all in one transaction. */
  async function close(orderId: string, reason: TCloseReason, guard: { customerId?: string } = {}): Promise<boolean> {
    return db.tx(async (q) => {
      const now = clock.now();
      const [o] = await q.update(orders)
        .set({ status: 'closed', closeReason: reason, closedAt: now, payDeadline: null, updatedAt: now })
        .where(and(eq(orders.id, orderId), eq(orders.status, 'pending_payment'), guard.customerId ? eq(orders.customerId, guard.customerId) : undefined))
        .returning();
      if (!o) return false;
      const lines = await linesOf(q, orderId);
      await inventory.release(q, lines.map((l) => ({ skuId: l.skuId, qty: l.quantity })));
      const perProduct = new Map<string, number>();
      // Gift lines were never counted against a purchase limit.
      for (const l of lines) if (!l.gift) perProduct.set(l.productId, (perProduct.get(l.productId) ?? 0) + l.quantity);
      await q.execute(sql`update order_purchase_counts c set quantity = greatest(0, c.quantity - v.qty)
        from (select unnest(${sql.param([...perProduct.keys()])}::uuid[]) as product_id, unnest(${sql.param([...perProduct.values()])}::int[]) as qty) v
        where c.customer_id = ${o.customerId} and c.product_id = v.product_id`);
      if (o.couponIds.length) await ports.coupons.release(q, orderId);
      if (o.pointsUsed > 0 || o.balanceFen > 0) await ports.loyalty.release(q, orderId);
      await releaseFirstOrder(q, o.customerId, orderId);
      await publish<TOrderClosedEvent>(q, OrderEvents.closed, { orderId, orderNo: o.orderNo, customerId: o.customerId, reason, at: now.toISOString() });
      return true;
    });
  }

  return {
    markPaid,
    close,

    /** Closes unpaid orders past their deadline, oldest first, in batches (the every-minute job). */
    async closeOverdue(limit = 200): Promise<number> {
      const due = await db.run((q) => q.select({ id: orders.id }).from(orders)
        .where(and(eq(orders.status, 'pending_payment'), lt(orders.payDeadline, clock.now()))).orderBy(asc(orders.payDeadline)).limit(limit));
      let closed = 0;
      for (const { id } of due) if (await close(id, 'payment_timeout')) closed++;
      return closed;
    },

    /**
     * A provider confirmed a payment. Paid once however many callbacks arrive (the conditional
     * update); a payment for an order that closed meanwhile, or for an amount the order no longer
     * asks (a 改价 raced it), is refunded in full.
     */
    async onPaymentSucceeded(q: Q, p: { intentId: string; payableId: string; amountFen: number; transactionId: string; channel: string }): Promise<void> {
      if (await markPaid(q, p.payableId, { channel: p.channel, transactionId: p.transactionId, amountFen: p.amountFen })) return;
      const [o] = await q.select().from(orders).where(eq(orders.id, p.payableId));
      if (!o) { deps.log.error({ payableId: p.payableId }, 'payment for an unknown order'); return; }
      if (o.status !== 'pending_payment' && o.transactionId === p.transactionId) return; // this very payment, seen before
      deps.log.warn({ orderNo: o.orderNo, status: o.status, amountFen: p.amountFen }, 'payment for an order no longer awaiting it: refunding');
      await ports.payment.refundLate({ orderId: o.id, orderNo: o.orderNo, intentId: p.intentId, amountFen: p.amountFen });
    },

    /**
     * paid → shipped inside `q` (the fulfilment work calls it when the last unit of a paid order left
     * in a package); false when the order was not waiting to be shipped.
     */
    async ship(q: Q, orderId: string): Promise<boolean> {
      const now = clock.now();
      const [o] = await q.update(orders).set({ status: 'shipped', shippedAt: now, updatedAt: now })
        .where(and(eq(orders.id, orderId), eq(orders.status, 'paid'))).returning({ id: orders.id });
      return !!o;
    },

    /**
     * paid → completed inside `q` when store staff hand a pickup order (到店自提) over; false when the
     * order is not a paid pickup order (already handed over, refunded, or not a pickup).
     */
    async completePickup(q: Q, orderId: string): Promise<boolean> {
      const now = clock.now();
      const [o] = await q.update(orders).set({ status: 'completed', completedAt: now, updatedAt: now })
        .where(and(eq(orders.id, orderId), eq(orders.status, 'paid'), eq(orders.deliveryMethod, 'pickup'))).returning();
      if (!o) return false;
      await publish<TOrderCompletedEvent>(q, OrderEvents.completed, { orderId, orderNo: o.orderNo, customerId: o.customerId, at: now.toISOString() });
      return true;
    },

    /**
     * paid / shipped / completed → closed (reason `refunded`) inside `q`, when after-sales refunded
     * every unit. No `order.closed` event: that one means "closed unpaid" to its subscribers (stock
     * and coupons go back, open trades close); `aftersale.refunded` with `orderFullyRefunded` tells
     * the rest. False when the order was not in one of those statuses.
     */
    async closeRefunded(q: Q, orderId: string): Promise<boolean> {
      const now = clock.now();
      const [o] = await q.update(orders).set({ status: 'closed', closeReason: 'refunded', closedAt: now, updatedAt: now })
        .where(and(eq(orders.id, orderId), inArray(orders.status, ['paid', 'shipped', 'completed']))).returning({ id: orders.id });
      return !!o;
    },

    /** shipped → completed by the shopper (or the auto-confirm countdown of the fulfilment work). */
    async confirmReceipt(orderId: string, customerId: string | null): Promise<void> {
      await db.tx(async (q) => {
        const now = clock.now();
        const [o] = await q.update(orders).set({ status: 'completed', completedAt: now, updatedAt: now })
          .where(and(eq(orders.id, orderId), eq(orders.status, 'shipped'), customerId ? eq(orders.customerId, customerId) : undefined))
          .returning();
        if (!o) throw new KoiError('order.not_shipped');
        await publish<TOrderCompletedEvent>(q, OrderEvents.completed, { orderId, orderNo: o.orderNo, customerId: o.customerId, at: now.toISOString() });
      });
    },
  };
}
export type Lifecycle = ReturnType<typeof createLifecycle>;
