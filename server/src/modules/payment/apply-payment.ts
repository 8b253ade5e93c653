import { and, eq, ne, sql } from 'drizzle-orm';
import { PaymentEvents, type TPayProvider, type TPaymentRefundEvent, type TPaymentRefundFailedEvent, type TPaymentSucceededEvent } from '@koi/contracts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { publish } from '../../platform/events.ts';
import { paymentCallbacks, paymentIntents, paymentRefunds, paymentTransactions } from './payment.tables.ts';
import { checkPaid, maskId, type PaidCheck } from './intent.rules.ts';
import type { PaidTrade, RefundSnapshot } from './providers/provider.ts';
import type { Intent, PaymentContext, Refund } from './intents.ts';

export type PaidOutcome = 'applied' | 'duplicate' | Exclude<PaidCheck, 'ok'>;

/**
 * Records money the provider reported for `intent`, and publishes `payment.succeeded` exactly once.
 * Two guards, in one transaction: the provider's transaction id is unique (a duplicate callback or a
 * query after the callback inserts nothing — on PostgreSQL a concurrent duplicate waits on the index
 * and then inserts nothing), and the intent moves to `paid` only from another state. A report whose
 * amount or merchant is not ours changes nothing.
 */
export async function applyPaid(ctx: PaymentContext, intent: Intent, trade: PaidTrade, source: 'callback' | 'query'): Promise<PaidOutcome> {
  const providers = await ctx.providers();
  const check = checkPaid(intent, trade, providers[intent.provider].merchant);
  if (check !== 'ok') {
    ctx.log.warn({
      provider: intent.provider, outTradeNo: intent.outTradeNo, reason: check, source, expectedFen: intent.amountFen, reportedFen: trade.totalFen,
      reportedMerchant: maskId(trade.merchant?.merchantId), reportedApp: maskId(trade.merchant?.appId),
    }, 'payment report rejected');
    return check;
  }
  return ctx.db.tx(async (q) => {
    const now = clock.now();
    const [fresh] = await q.insert(paymentTransactions).values({
      id: newId(), provider: intent.provider, transactionId: trade.transactionId, intentId: intent.id, amountFen: trade.totalFen,
      payerFen: trade.payerFen, paidAt: trade.paidAt, source, raw: trade.raw, createdAt: now,
    }).onConflictDoNothing().returning({ id: paymentTransactions.id });
    if (!fresh) return 'duplicate';
    const [paid] = await q.update(paymentIntents)
      .set({ state: 'paid', transactionId: trade.transactionId, paidFen: trade.totalFen, paidAt: trade.paidAt, updatedAt: now })
      .where(and(eq(paymentIntents.id, intent.id), ne(paymentIntents.state, 'paid')))
      .returning();
    if (!paid) {
      // A second transaction for one out_trade_no: providers do not allow it; keep the evidence, publish nothing.
      ctx.log.error({ provider: intent.provider, outTradeNo: intent.outTradeNo, transactionId: trade.transactionId }, 'second payment reported for a paid intent');
      return 'duplicate';
    }
    await publish<TPaymentSucceededEvent>(q, PaymentEvents.succeeded, {
      intentId: intent.id, payableType: intent.payableType, payableId: intent.payableId, outTradeNo: intent.outTradeNo, amountFen: trade.totalFen,
      provider: intent.provider, transactionId: trade.transactionId, paidAt: trade.paidAt.toISOString(),
    });
    return 'applied';
  });
}

/**
 * Moves a processing refund to its end once (conditional on `processing`), with its event. A
 * failure gives the amount back to what may be refunded.
 */
export async function settleRefund(ctx: PaymentContext, refund: Refund, intent: Intent, outcome: RefundSnapshot): Promise<'succeeded' | 'failed' | 'processing' | 'unchanged'> {
  const now = clock.now();
  if (outcome.state === 'processing') {
    if (outcome.providerRefundId) await ctx.db.run((q) => q.update(paymentRefunds).set({ providerRefundId: outcome.providerRefundId }).where(eq(paymentRefunds.id, refund.id)));
    return 'processing';
  }
  if (outcome.state === 'not_found') return 'unchanged';
  return ctx.db.tx(async (q) => {
    const payload: TPaymentRefundEvent = {
      refundId: refund.id, refundNo: refund.refundNo, intentId: intent.id, payableType: intent.payableType, payableId: intent.payableId, amountFen: refund.amountFen,
    };
    if (outcome.state === 'succeeded') {
      const [done] = await q.update(paymentRefunds)
        .set({ status: 'succeeded', settledAt: outcome.at, ...(outcome.providerRefundId ? { providerRefundId: outcome.providerRefundId } : {}) })
        .where(and(eq(paymentRefunds.id, refund.id), eq(paymentRefunds.status, 'processing'))).returning({ id: paymentRefunds.id });
      if (!done) return 'unchanged';
      await publish<TPaymentRefundEvent>(q, PaymentEvents.refundSucceeded, payload);
      return 'succeeded';
    }
    const [failed] = await q.update(paymentRefunds).set({ status: 'failed', failureReason: outcome.reason, settledAt: now })
      .where(and(eq(paymentRefunds.id, refund.id), eq(paymentRefunds.status, 'processing'))).returning({ id: paymentRefunds.id });
    if (!failed) return 'unchanged';
    await q.update(paymentIntents).set({ refundedFen: sql`${paymentIntents.refundedFen} - ${refund.amountFen}`, updatedAt: now }).where(eq(paymentIntents.id, intent.id));
    await publish<TPaymentRefundFailedEvent>(q, PaymentEvents.refundFailed, { ...payload, failureReason: outcome.reason });
    return 'failed';
  });
}

/** One line per callback received: what it was and what Koi did (no bodies, no secrets). */
export async function recordCallback(ctx: PaymentContext, c: { provider: TPayProvider; kind: string; outTradeNo: string | null; outcome: string; reason?: string | null }): Promise<void> {
  await ctx.db.run((q) => q.insert(paymentCallbacks).values({
    id: newId(), provider: c.provider, kind: c.kind, outTradeNo: c.outTradeNo?.slice(0, 64) ?? null, outcome: c.outcome, reason: c.reason ?? null, receivedAt: clock.now(),
  }));
}
