import { KoiError } from '../../platform/errors.ts';
import { clock } from '../../platform/clock.ts';
import { applyPaid } from './apply-payment.ts';
import { intentStore, intentView, type Intent, type PaymentContext } from './intents.ts';
import { ProviderError, type TradeSnapshot } from './providers/provider.ts';
import type { TPaymentIntent } from '@koi/contracts';

/** A provider failure as the caller should see it: an outage is 503, a refusal 502 with the provider's code. */
export function providerProblem(err: unknown): unknown {
  if (!(err instanceof ProviderError)) return err;
  return err.retryable
    ? new KoiError('payment.provider_unavailable', {}, { cause: err })
    : new KoiError('payment.provider_refused', { code: err.code }, { cause: err });
}

/** Applies what the provider says about an intent's trade; returns the snapshot. */
async function syncFrom(ctx: PaymentContext, intent: Intent, snap: TradeSnapshot): Promise<TradeSnapshot> {
  const store = intentStore(ctx.db);
  if (snap.state === 'paid' && intent.state !== 'paid') await applyPaid(ctx, intent, snap, 'query');
  else if (snap.state === 'closed' && intent.state === 'open') await store.markClosed(intent.id);
  // Alipay page/WAP trades exist only once the payer opened the cashier: after the deadline, nothing can start any more.
  else if (snap.state === 'not_found' && intent.state === 'open' && intent.expiresAt <= clock.now()) await store.markClosed(intent.id);
  return snap;
}

/**
 * Closes one open intent at its provider, then asks the provider how the trade ended: a trade
 * paid just before (or while) closing is recorded as paid — `payment.succeeded` follows — and
 * reported as 'paid'; otherwise the intent is closed.
 */
export async function closeIntent(ctx: PaymentContext, intent: Intent): Promise<'closed' | 'paid'> {
  const provider = (await ctx.providers())[intent.provider];
  try {
    await provider.close(intent.outTradeNo);
  } catch (err) {
    // Refused (already paid, already closed…) or unreachable: the query below decides.
    if (!(err instanceof ProviderError)) throw err;
    ctx.log.info({ provider: intent.provider, outTradeNo: intent.outTradeNo, code: err.code }, 'provider did not close the trade; querying it');
  }
  let snap: TradeSnapshot;
  try {
    snap = await provider.query(intent.outTradeNo);
  } catch (err) {
    throw providerProblem(err);
  }
  if (snap.state === 'paid') {
    await syncFrom(ctx, intent, snap);
    return 'paid';
  }
  if (snap.state === 'open') throw new KoiError('payment.provider_unavailable');
  await intentStore(ctx.db).markClosed(intent.id);
  return 'closed';
}

/**
 * Closes every open intent of a payable (the order closed or timed out). `paid` lists intents that
 * turned out paid: their `payment.succeeded` is on its way, and the order module decides (refund).
 */
export async function closePayable(ctx: PaymentContext, payableType: string, payableId: string): Promise<{ closed: string[]; paid: string[] }> {
  const intents = await intentStore(ctx.db).ofPayable(payableType, payableId);
  const result = { closed: [] as string[], paid: [] as string[] };
  for (const intent of intents.filter((i) => i.state === 'open')) {
    result[(await closeIntent(ctx, intent)) === 'paid' ? 'paid' : 'closed'].push(intent.id);
  }
  return result;
}

/**
 * Asks the provider about one intent (order query) and applies the answer: the fallback when a
 * callback never comes (shopper back on the order page, a sweep). Idempotent.
 */
export async function queryAndSync(ctx: PaymentContext, intentId: string): Promise<TPaymentIntent> {
  const store = intentStore(ctx.db);
  const intent = await store.byId(intentId);
  if (!intent) throw new KoiError('resource.not_found', { what: 'payment_intent' });
  if (intent.state !== 'paid') {
    try {
      await syncFrom(ctx, intent, await (await ctx.providers())[intent.provider].query(intent.outTradeNo));
    } catch (err) {
      throw providerProblem(err);
    }
  }
  return intentView((await store.byId(intentId))!);
}
