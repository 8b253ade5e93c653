import { and, eq, sql } from 'drizzle-orm';
import { formatYuan } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { orderLines, orderPriceAdjustments, orders } from './order.tables.ts';
import { spreadAdjustment } from './adjust-price.rules.ts';
import type { OrderQueries } from './order-queries.ts';
import type { OrderPorts } from './ports.ts';

type Staff = { id: string; name: string };

/** What the operator does to an order: remarks and 改价 (audited). Closing goes through the lifecycle. */
export function createAdminOps(deps: { db: Db; queries: OrderQueries; ports: OrderPorts }) {
  const { db } = deps;
  return {
    async remark(orderId: string, remark: string): Promise<void> {
      await deps.queries.one(orderId, null);
      await db.run((q) => q.update(orders).set({ merchantRemark: remark, updatedAt: clock.now() }).where(eq(orders.id, orderId)));
    },

    /**
     * 改价 of an unpaid order: the goods amount is spread over the lines (largest remainder) as an
     * `adjustment` discount, shipping is set, the payable follows, and the change is recorded with
     * who and why. The provider's open payment for the old amount is closed afterwards, and a
     * payment of the old amount that still arrives is refunded (the amounts no longer match).
     */
    async adjust(orderId: string, staff: Staff, input: { itemsPayableFen: number; shippingFen: number; reason: string }): Promise<void> {
      await db.tx(async (q) => {
        await deps.queries.one(orderId, null, q);
        const [locked] = await q.select({ id: orders.id }).from(orders).where(and(eq(orders.id, orderId), eq(orders.status, 'pending_payment'))).for('update');
        if (!locked) throw new KoiError('order.not_pending');
        const { order, lines } = await deps.queries.one(orderId, null, q);
        // The balance part is already held for this amount; a new price would leave it wrong. The shopper cancels and orders again.
        if (order.balanceFen > 0) throw new KoiError('order.adjust_balance_held');
        const shares = spreadAdjustment(lines.map((l) => l.payableFen), lines.map((l) => l.subtotalFen), input.itemsPayableFen);
        if (!shares) throw new KoiError('order.adjust_invalid', { maxYuan: formatYuan(lines.reduce((n, l) => n + l.subtotalFen, 0)) });
        for (const [i, l] of lines.entries()) {
          const share = shares[i]!;
          if (!share) continue;
          await q.update(orderLines).set({
            discounts: [...l.discounts, { source: 'adjustment', sourceId: null, label: share > 0 ? '商家改价优惠' : '商家改价', amountFen: share }],
            discountFen: l.discountFen + share,
            payableFen: l.payableFen - share,
          }).where(eq(orderLines.id, l.id));
        }
        const off = shares.reduce((a, b) => a + b, 0);
        const now = clock.now();
        const payable = input.itemsPayableFen + input.shippingFen;
        await q.update(orders).set({
          adjustmentFen: sql`${orders.adjustmentFen} + ${off}`, shippingFen: input.shippingFen, shippingDiscountFen: 0, payableFen: payable, updatedAt: now,
        }).where(eq(orders.id, orderId));
        await q.insert(orderPriceAdjustments).values({
          id: newId(), orderId, staffId: staff.id, staffName: staff.name, beforeFen: order.payableFen, afterFen: payable,
          shippingBeforeFen: order.shippingFen - order.shippingDiscountFen, shippingAfterFen: input.shippingFen, reason: input.reason, at: now,
        });
      });
      await deps.ports.payment.closeFor(orderId);
    },
  };
}
