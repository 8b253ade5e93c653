import { and, eq, lt, sql } from 'drizzle-orm';
import { formatYuan, type TRefundState } from '@koi/contracts';
import { KoiError } from '../../platform/errors.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { paymentIntents, paymentRefunds } from './payment.tables.ts';
import { refundable } from './intent.rules.ts';
import { settleRefund } from './apply-payment.ts';
import { intentStore, notifyUrl, type Intent, type PaymentContext, type Refund } from './intents.ts';
import { ProviderError, type RefundSnapshot } from './providers/provider.ts';

export type RefundInput = {
  /** Which payment to refund; may be left out when the payable has exactly one paid intent. */
  intentId?: string;
  payableType: string;
  payableId: string;
  /** The caller's idempotency key for this refund (sent to the provider as out_refund_no / out_request_no). */
  refundNo: string;
  amountFen: number;
  reason: string;
};

const REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;

async function intentToRefund(ctx: PaymentContext, input: RefundInput): Promise<Intent> {
  const store = intentStore(ctx.db);
  if (input.intentId) {
    const intent = await store.byId(input.intentId);
    if (!intent || intent.payableType !== input.payableType || intent.payableId !== input.payableId) throw new KoiError('resource.not_found', { what: 'payment_intent' });
    return intent;
  }
  const paid = (await store.ofPayable(input.payableType, input.payableId)).filter((i) => i.state === 'paid');
  if (paid.length > 1) throw new KoiError('payment.refund_intent_ambiguous');
  if (!paid[0]) throw new KoiError('payment.refund_not_paid');
  return paid[0];
}

/** Sends a processing refund to its provider (again: idempotent by refund number) and applies the answer. */
async function submit(ctx: PaymentContext, refund: Refund, intent: Intent): Promise<void> {
  const provider = (await ctx.providers())[intent.provider];
  let outcome: RefundSnapshot;
  try {
    outcome = await provider.refund({
      outTradeNo: intent.outTradeNo, transactionId: intent.transactionId!, refundNo: refund.refundNo, amountFen: refund.amountFen,
      totalFen: intent.paidFen, reason: refund.reason, notifyUrl: notifyUrl(ctx.config, intent.provider),
    });
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    // Unreachable or unsure: the refund stays processing; the sweep asks again (the refund number makes that safe).
    ctx.log.warn({ provider: intent.provider, refundNo: refund.refundNo, code: err.code }, 'refund not confirmed by the provider yet');
    return;
  }
  await settleRefund(ctx, refund, intent, outcome);
}

async function loadRefund(ctx: PaymentContext, refundNo: string): Promise<Refund | null> {
  const [row] = await ctx.db.run((q) => q.select().from(paymentRefunds).where(eq(paymentRefunds.refundNo, refundNo)));
  return row ?? null;
}

/**
 * Refunds part or all of a paid intent. Idempotent by `refundNo` (the same number and amount
 * returns the same refund; another amount or payment is a 409). What may be refunded is reserved
 * with one conditional update (`refunded_fen + amount <= paid_fen`), so concurrent refunds never
 * exceed the payment together; a refund that fails gives its amount back.
 */
export async function refund(ctx: PaymentContext, input: RefundInput): Promise<{ refundId: string; status: TRefundState }> {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new KoiError('payment.refund_amount_invalid');
  if (!REFUND_NO.test(input.refundNo)) throw new KoiError('payment.refund_no_invalid');
  const intent = await intentToRefund(ctx, input);
  const same = (r: Refund) => {
    if (r.intentId !== intent.id || r.amountFen !== input.amountFen) throw new KoiError('payment.refund_no_conflict');
    return { refundId: r.id, status: r.status as TRefundState };
  };
  const seen = await loadRefund(ctx, input.refundNo);
  if (seen) return same(seen);

  const created = await ctx.db.tx(async (q) => {
    const now = clock.now();
    const [row] = await q.insert(paymentRefunds).values({
      id: newId(), refundNo: input.refundNo, intentId: intent.id, amountFen: input.amountFen, reason: input.reason.slice(0, 200) || '退款',
      status: 'processing', createdAt: now,
    }).onConflictDoNothing().returning();
    if (!row) return null; // the same refund number, concurrently
    const [reserved] = await q.update(paymentIntents)
      .set({ refundedFen: sql`${paymentIntents.refundedFen} + ${input.amountFen}`, updatedAt: now })
      .where(and(eq(paymentIntents.id, intent.id), eq(paymentIntents.state, 'paid'), sql`${paymentIntents.refundedFen} + ${input.amountFen} <= ${paymentIntents.paidFen}`))
      .returning({ id: paymentIntents.id });
    if (!reserved) {
      const [now2] = await q.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
      if (!now2 || now2.state !== 'paid') throw new KoiError('payment.refund_not_paid');
      throw new KoiError('payment.refund_exceeds', { remaining: formatYuan(refundable({ state: 'paid', paidFen: now2.paidFen, refundedFen: now2.refundedFen })) });
    }
    return row;
  });
  if (!created) return same((await loadRefund(ctx, input.refundNo))!);
  const paidIntent = (await intentStore(ctx.db).byId(intent.id))!;
  await submit(ctx, created, paidIntent);
  const after = await loadRefund(ctx, input.refundNo);
  return { refundId: created.id, status: (after?.status ?? 'processing') as TRefundState };
}

/** Asks the provider how a processing refund ended (re-submitting it when the provider never got it). */
export async function syncRefund(ctx: PaymentContext, refundId: string): Promise<TRefundState> {
  const [r] = await ctx.db.run((q) => q.select().from(paymentRefunds).where(eq(paymentRefunds.id, refundId)));
  if (!r) throw new KoiError('resource.not_found', { what: 'payment_refund' });
  if (r.status !== 'processing') return r.status as TRefundState;
  const intent = (await intentStore(ctx.db).byId(r.intentId))!;
  const provider = (await ctx.providers())[intent.provider];
  let snap: RefundSnapshot;
  try {
    snap = await provider.queryRefund({ outTradeNo: intent.outTradeNo, refundNo: r.refundNo });
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    return 'processing';
  }
  if (snap.state === 'not_found') await submit(ctx, r, intent);
  else await settleRefund(ctx, r, intent, snap);
  const [after] = await ctx.db.run((q) => q.select({ status: paymentRefunds.status }).from(paymentRefunds).where(eq(paymentRefunds.id, refundId)));
  return after!.status as TRefundState;
}

/** The sweep: refunds still processing a minute after they were asked for. */
export async function syncStaleRefunds(ctx: PaymentContext, limit = 50): Promise<number> {
  const stale = await ctx.db.run((q) => q.select({ id: paymentRefunds.id }).from(paymentRefunds)
    .where(and(eq(paymentRefunds.status, 'processing'), lt(paymentRefunds.createdAt, new Date(clock.now().getTime() - 60_000)))).limit(limit));
  for (const { id } of stale) await syncRefund(ctx, id);
  return stale.length;
}
