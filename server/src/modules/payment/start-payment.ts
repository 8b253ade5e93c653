import { PAY_CHANNELS, providerOfChannel, type TPayChannel } from '@koi/contracts';
import type { Q } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { planStart, providerDescription, TRADE_NO_BASE, tradeNoFor } from './intent.rules.ts';
import { factsOf, inTx, intentStore, notifyUrl, type Intent, type PaymentContext, type StartResult } from './intents.ts';
import { applyPaid } from './apply-payment.ts';
import { closeIntent, providerProblem } from './close-payable.ts';
import { ProviderError } from './providers/provider.ts';

export type StartPaymentInput = {
  payableType: 'order' | (string & {});
  payableId: string;
  /** The payable's own number (an order number); intents after the first add `_2`, `_3`… */
  outTradeNo: string;
  amountFen: number;
  description: string;
  channel: TPayChannel;
  /** The payer's openid under WECHATPAY_APPID; required for `wechat_jsapi`. */
  openid?: string;
  clientIp: string;
  /** The last moment the shopper may pay (the order's auto-close time). */
  expiresAt: Date;
  /** Where the browser returns after paying (H5 / Alipay); must be under KOI_PUBLIC_URL for WeChat H5. */
  returnUrl?: string;
};

function validate(input: StartPaymentInput): void {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new KoiError('payment.amount_invalid');
  if (!PAY_CHANNELS.includes(input.channel)) throw new KoiError('http.validation_failed', {}, { fieldErrors: [{ path: 'channel', message: 'unknown channel' }] });
  if (!TRADE_NO_BASE.test(input.outTradeNo)) throw new KoiError('payment.trade_no_invalid');
  if (input.channel === 'wechat_jsapi' && !input.openid) throw new KoiError('payment.openid_required');
  if (!(input.expiresAt instanceof Date) || input.expiresAt.getTime() <= clock.now().getTime() + 60_000) throw new KoiError('payment.expired');
}

/** Asks the provider for the action of an intent's trade (placing it, or placing it again with the same parameters). */
async function prepay(ctx: PaymentContext, intent: Intent, input: StartPaymentInput): Promise<StartResult['action'] | 'closed_at_provider'> {
  const provider = (await ctx.providers())[intent.provider];
  try {
    return await provider.prepay({
      channel: intent.channel, outTradeNo: intent.outTradeNo, amountFen: intent.amountFen, description: intent.description, openid: intent.openid,
      clientIp: input.clientIp, expiresAt: intent.expiresAt, returnUrl: input.returnUrl ?? intent.returnUrl, notifyUrl: notifyUrl(ctx.config, intent.provider),
    });
  } catch (err) {
    if (!(err instanceof ProviderError) || err.retryable) throw providerProblem(err);
    // Refused: perhaps the trade was paid or closed meanwhile. The provider's own record decides.
    const snap = await provider.query(intent.outTradeNo).catch(() => null);
    if (snap?.state === 'paid') {
      await applyPaid(ctx, intent, snap, 'query');
      throw new KoiError('payment.already_paid');
    }
    if (snap?.state === 'closed') {
      await intentStore(ctx.db).markClosed(intent.id);
      return 'closed_at_provider';
    }
    throw providerProblem(err);
  }
}

/**
 * Starts (or restarts) paying a payable: reuses its open intent for the same channel and amount
 * (pay again), otherwise closes the open ones at their providers and opens a new intent with the
 * next trade number, then asks the provider for what the front end does next.
 *
 * `q`: pass `undefined`. With a transaction the intent row is written in it, but the provider is
 * called while it is open (on PGlite every other request waits for it meanwhile).
 */
export async function startPayment(ctx: PaymentContext, q: Q | undefined, input: StartPaymentInput): Promise<StartResult> {
  validate(input);
  const store = intentStore(ctx.db);
  const provider = providerOfChannel(input.channel);
  const openid = input.channel === 'wechat_jsapi' ? input.openid! : null;
  for (let round = 0; round < 4; round++) {
    const intents = await store.ofPayable(input.payableType, input.payableId, q);
    const plan = planStart(intents.map(factsOf), { channel: input.channel, amountFen: input.amountFen, openid }, clock.now());
    if (plan.kind === 'already_paid') throw new KoiError('payment.already_paid');
    for (const old of plan.close) {
      if ((await closeIntent(ctx, intents.find((i) => i.id === old.id)!)) === 'paid') throw new KoiError('payment.already_paid');
    }
    let intent: Intent | null;
    if (plan.kind === 'reuse') {
      intent = intents.find((i) => i.id === plan.intent.id)!;
    } else {
      const now = clock.now();
      const outTradeNo = tradeNoFor(input.outTradeNo, plan.seq);
      intent = await inTx(ctx.db, q, (tx) => store.insert(tx, {
        id: newId(), payableType: input.payableType, payableId: input.payableId, seq: plan.seq, provider, channel: input.channel, outTradeNo,
        amountFen: input.amountFen, description: providerDescription(input.description), openid, clientIp: input.clientIp, returnUrl: input.returnUrl ?? null,
        expiresAt: input.expiresAt, state: 'open', createdAt: now, updatedAt: now,
      }));
      if (!intent) {
        const holder = await store.byTrade(provider, outTradeNo, q);
        if (holder && (holder.payableType !== input.payableType || holder.payableId !== input.payableId)) throw new KoiError('payment.trade_no_taken');
        continue; // a concurrent start took this seq: plan again with it in view
      }
    }
    const action = await prepay(ctx, intent, input);
    if (action === 'closed_at_provider') continue;
    return { intentId: intent.id, channel: intent.channel, action };
  }
  throw new KoiError('payment.busy');
}
