import { eq } from 'drizzle-orm';
import type { TPayProvider } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { paymentRefunds } from './payment.tables.ts';
import { applyPaid, recordCallback, settleRefund } from './apply-payment.ts';
import { intentStore, type PaymentContext } from './intents.ts';
import { NotifyRejected, type NotifyRequest } from './providers/provider.ts';
import { inCallerContext } from './providers/wire.ts';

export type NotifyResult = { ok: true } | { ok: false; status: number; message: string };

/**
 * One provider callback: verified and decrypted by the provider's client, then applied. Anything
 * not believable (signature, timestamp, decryption, merchant, amount, unknown trade) changes
 * nothing, is logged without secrets and answered as a failure, so a genuine callback would be
 * retried by the provider after the cause is fixed.
 */
export async function handleNotify(ctx: PaymentContext, provider: TPayProvider, req: NotifyRequest): Promise<NotifyResult> {
  const client = (await ctx.providers())[provider];
  const reject = async (reason: string, outTradeNo: string | null, kind: string, status = 400): Promise<NotifyResult> => {
    ctx.log.warn({ provider, outTradeNo, reason }, 'payment callback rejected');
    await recordCallback(ctx, { provider, kind, outTradeNo, outcome: 'rejected', reason });
    return { ok: false, status, message: reason };
  };
  let notice;
  try {
    notice = client.readNotify(req);
  } catch (err) {
    if (!(err instanceof NotifyRejected)) throw err;
    return reject(err.reason, err.outTradeNo, 'unverified', 401);
  }
  if (notice.kind === 'ignored') {
    await recordCallback(ctx, { provider, kind: 'other', outTradeNo: notice.outTradeNo, outcome: 'ignored', reason: notice.reason });
    return { ok: true };
  }
  const intent = await intentStore(ctx.db).byTrade(provider, notice.outTradeNo);
  if (!intent) return reject('unknown_trade', notice.outTradeNo, notice.kind, 404);

  if (notice.kind === 'paid') {
    const outcome = await applyPaid(ctx, intent, notice.trade, 'callback');
    if (outcome === 'amount_mismatch' || outcome === 'merchant_mismatch') return reject(outcome, notice.outTradeNo, 'paid');
    await recordCallback(ctx, { provider, kind: 'paid', outTradeNo: notice.outTradeNo, outcome });
    return { ok: true };
  }
  const [refund] = await ctx.db.run((q) => q.select().from(paymentRefunds).where(eq(paymentRefunds.refundNo, notice.refundNo)));
  if (!refund || refund.intentId !== intent.id) return reject('unknown_refund', notice.outTradeNo, 'refund', 404);
  const outcome = await settleRefund(ctx, refund, intent, notice.result);
  await recordCallback(ctx, { provider, kind: 'refund', outTradeNo: notice.outTradeNo, outcome: outcome === 'unchanged' ? 'duplicate' : 'applied' });
  return { ok: true };
}

/**
 * POST /api/payment/notify/wechatpay and /api/payment/notify/alipay. Signatures cover the exact
 * bytes, so these two routes read their bodies raw (a parser scoped to them; WeChat posts JSON,
 * Alipay a form). WeChat is answered 204 when the callback was taken, else 4xx/5xx with
 * `{code, message}`; Alipay with the plain text `success` or `fail`.
 */
export function registerNotifyRoutes(app: App, ctx: PaymentContext): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    const raw = (body: unknown) => (typeof body === 'string' ? body : '');

    scope.post('/api/payment/notify/wechatpay', { schema: { hide: true } }, async (req, reply) => {
      let result: NotifyResult;
      try {
        result = await inCallerContext(req, () => handleNotify(ctx, 'wechatpay', { headers: req.headers, body: raw(req.body) }));
      } catch (err) {
        req.log.error({ err }, 'payment callback failed');
        return reply.code(500).type('application/json').send({ code: 'FAIL', message: '处理失败，请稍后重试' });
      }
      if (result.ok) return reply.code(204).send();
      return reply.code(result.status).type('application/json').send({ code: 'FAIL', message: result.message });
    });

    scope.post('/api/payment/notify/alipay', { schema: { hide: true } }, async (req, reply) => {
      let result: NotifyResult;
      try {
        result = await inCallerContext(req, () => handleNotify(ctx, 'alipay', { headers: req.headers, body: raw(req.body) }));
      } catch (err) {
        req.log.error({ err }, 'payment callback failed');
        result = { ok: false, status: 500, message: 'error' };
      }
      return reply.code(200).type('text/plain; charset=utf-8').send(result.ok ? 'success' : 'fail');
    });
  });
}
