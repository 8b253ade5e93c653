import { eq } from 'drizzle-orm';
import { AfterSaleEvents, formatYuan, type TAfterSaleRefundedEvent, type TPaymentRefundEvent, type TPaymentRefundFailedEvent } from '@koi/contracts';
import type { Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import type { Actor } from './aftersale-state.rules.ts';
import { couponComesBack } from './coupon-return.rules.ts';
import { afterSales, afterSaleSteps } from './aftersale.tables.ts';
import { linesOf, loadAfterSale, type AfterSaleContext } from './context.ts';
import { markRefunded, slotsOf } from './slots.ts';
import { move } from './move.ts';
import { splitLineRefund } from '../order/index.ts';

/** Refund numbers of after-sales start with this (the payment events of other refunds are ignored). */
export const REFUND_PREFIX = 'AS';

/**
 * Starts (or, after a failure, starts again) the refund of an after-sale through the order's
 * payment: the move to `refunding` commits first with a fresh refund number, then the payment
 * module is asked outside any transaction — idempotent by that number and never beyond what was
 * paid. Its answer arrives as `payment.refund_succeeded` / `_failed` (see `onRefund…`); a refusal
 * right away (e.g. nothing left to refund) is recorded as `refund_failed`.
 */
export async function startRefund(ctx: AfterSaleContext, id: string, actor: Actor): Promise<void> {
  const started = await ctx.db.tx(async (q) => {
    const row = await loadAfterSale(q, id);
    const failures = (await q.select({ status: afterSaleSteps.status }).from(afterSaleSteps).where(eq(afterSaleSteps.afterSaleId, id)))
      .filter((s) => s.status === 'refund_failed').length;
    const refundNo = `${REFUND_PREFIX}${row.afterSaleNo.slice(2)}${failures ? `-${failures}` : ''}`;
    const u = await move(q, row, 'start_refund', actor, { refundNo }, `退款 ${refundNo}`);
    // The part the balance paid goes back to the balance now (once per after-sale, whatever the
    // retries); only the rest goes back through the provider.
    const toBalance = await balancePart(ctx, q, u);
    if (toBalance > 0) await ctx.wallet.refundToBalance(q, { ref: `order:${u.orderId}`, refundKey: u.afterSaleNo, amountFen: toBalance });
    if (u.amountFen - toBalance === 0) {
      await finish(ctx, q, u, u.amountFen);
      return null;
    }
    return { ...u, cashFen: u.amountFen - toBalance };
  });
  if (!started) return;
  try {
    await ctx.payment.refund({
      payableType: 'order', payableId: started.orderId, refundNo: started.refundNo!, amountFen: started.cashFen,
      reason: `售后退款 ${started.afterSaleNo}`,
    });
  } catch (err) {
    if (!(err instanceof KoiError)) throw err;
    ctx.log.warn({ afterSaleNo: started.afterSaleNo, code: err.code }, 'after-sale refund refused by the payment module');
    await ctx.db.tx(async (q) => {
      const row = await loadAfterSale(q, id);
      if (row.status === 'refunding' && row.refundNo === started.refundNo) await move(q, row, 'refund_failed', 'system', {}, err.code);
    });
  }
}

/** Of this after-sale's refund, the fen the stored-value balance paid (split per line, exact to the fen). */
async function balancePart(ctx: AfterSaleContext, q: Q, row: typeof afterSales.$inferSelect): Promise<number> {
  const { order, lines } = await ctx.orders.queries.one(row.orderId, null, q);
  if (!order.balanceFen) return 0;
  const slots = await slotsOf(q, row.orderId);
  let fen = 0;
  for (const l of await linesOf(q, row.id)) {
    const line = lines.find((x) => x.id === l.lineId);
    const split = line && splitLineRefund({ payableFen: line.payableFen, balanceFen: line.balanceFen }, slots.lines.get(l.lineId)?.refundedFen ?? 0, l.amountFen);
    if (!split) throw new Error(`after-sale ${row.afterSaleNo} refunds line ${l.lineId} beyond its payable`);
    fen += split.balanceFen;
  }
  if (row.shippingFen > 0) {
    const sum = (f: (x: (typeof lines)[number]) => number) => lines.reduce((n, x) => n + f(x), 0);
    const shipping = { payableFen: order.payableFen - sum((x) => x.payableFen), balanceFen: order.balanceFen - sum((x) => x.balanceFen) };
    fen += splitLineRefund(shipping, slots.shipping?.refundedFen ?? 0, row.shippingFen)?.balanceFen ?? 0;
  }
  return fen;
}

async function finish(ctx: AfterSaleContext, q: Q, row: typeof afterSales.$inferSelect, amountFen: number): Promise<void> {
  const refunded = await move(q, row, 'refund_succeeded', 'system', { refundedFen: amountFen }, `已原路退回 ${formatYuan(amountFen)}`);
  const lines = await linesOf(q, row.id);
  for (const l of lines) await markRefunded(q, l.lineId, l.quantity, l.amountFen);
  if (row.shippingFen > 0) await markRefunded(q, row.orderId, 1, row.shippingFen);
  const slots = await slotsOf(q, row.orderId);
  const fully = [...slots.lines.values()].every((s) => s.refundedQty >= s.quantity);
  const now = clock.now();
  if (fully) {
    await ctx.orders.lifecycle.closeRefunded(q, row.orderId);
    const { couponReturn } = await ctx.settings.get(q);
    await ctx.promotion.restoreUsed(q, row.orderId, (validUntil) =>
      couponComesBack(couponReturn, { orderFullyRefunded: true, beforeShipping: !row.orderShipped, validUntil, now }));
  }
  await publish<TAfterSaleRefundedEvent>(q, AfterSaleEvents.refunded, {
    afterSaleId: row.id, afterSaleNo: row.afterSaleNo, orderId: row.orderId, orderNo: row.orderNo, customerId: row.customerId,
    amountFen, lines: lines.map((l) => ({ lineId: l.lineId, skuId: l.skuId, quantity: l.quantity, amountFen: l.amountFen })),
    orderFullyRefunded: fully, at: refunded.updatedAt.toISOString(),
  });
}

/** `payment.refund_succeeded` of an after-sale's refund: refunded once, however often it arrives. */
export async function onRefundSucceeded(ctx: AfterSaleContext, q: Q, p: TPaymentRefundEvent): Promise<void> {
  if (p.payableType !== 'order' || !p.refundNo.startsWith(REFUND_PREFIX)) return;
  const [row] = await q.select().from(afterSales).where(eq(afterSales.refundNo, p.refundNo));
  if (!row || row.status !== 'refunding') return;
  // The provider refunded the cash part; the balance part went back when the refund started.
  await finish(ctx, q, row, row.amountFen);
}

export async function onRefundFailed(ctx: AfterSaleContext, q: Q, p: TPaymentRefundFailedEvent): Promise<void> {
  if (p.payableType !== 'order' || !p.refundNo.startsWith(REFUND_PREFIX)) return;
  const [row] = await q.select().from(afterSales).where(eq(afterSales.refundNo, p.refundNo));
  if (!row || row.status !== 'refunding') return;
  await move(q, row, 'refund_failed', 'system', {}, p.failureReason);
}
