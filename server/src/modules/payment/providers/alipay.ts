import type { TPayAction } from '@koi/contracts';
import { clock } from '../../../platform/clock.ts';
import { fenToYuan, yuanToFen } from '../amount.rules.ts';
import type { AlipayMerchantKeys } from './keys.ts';
import type { Wire } from './wire.ts';
import { alipayTime, parseAlipayTime, readResponse, signParams, verifyNotify, type AlipayResponse, type Params } from './alipay.protocol.ts';
import { NotifyRejected, ProviderError, type Notice, type PaidTrade, type PaymentProvider, type PrepayInput, type RefundSnapshot, type TradeSnapshot } from './provider.ts';

/** Alipay OpenAPI v1 (gateway.do, RSA2, public-key mode) for one application, over `wire`. */
export function alipayProvider(k: AlipayMerchantKeys, wire: Wire): PaymentProvider {
  function common(method: string, extra: Params): Params {
    return { app_id: k.appId, method, format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', timestamp: alipayTime(clock.now()), version: '1.0', ...extra };
  }

  /** A server-side API call: signed form POST, signed JSON answer (verified on the exact response text). */
  async function call(method: string, biz: Record<string, unknown>): Promise<AlipayResponse> {
    const params = signParams(common(method, { biz_content: JSON.stringify(biz) }), k.privateKey);
    let res;
    try {
      res = await wire({
        method: 'POST',
        url: `${k.gateway}?charset=utf-8`,
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
        body: new URLSearchParams(params).toString(),
      });
    } catch (err) {
      throw new ProviderError('alipay', 'NETWORK', (err as Error).message, true);
    }
    if (res.status >= 500) throw new ProviderError('alipay', `HTTP_${res.status}`, 'gateway unavailable', true, res.status);
    const read = readResponse(res.body, method, k.alipayPublicKey);
    if (!read) throw new ProviderError('alipay', 'MALFORMED', res.body.slice(0, 200), res.status >= 500, res.status);
    const { body, verified } = read;
    if (body.code === '10000') {
      if (!verified) throw new ProviderError('alipay', 'RESPONSE_SIGNATURE', 'answer not signed by Alipay', false, res.status);
      return body;
    }
    // 20000 服务不可用 and ACQ.SYSTEM_ERROR are worth retrying; everything else is a refusal.
    const retryable = body.code === '20000' || body.sub_code === 'ACQ.SYSTEM_ERROR';
    throw new ProviderError('alipay', body.sub_code ?? body.code, body.sub_msg ?? body.msg, retryable, res.status);
  }

  function paidTrade(p: Record<string, unknown>, merchant: PaidTrade['merchant']): PaidTrade {
    const paidAt = parseAlipayTime(String(p.gmt_payment ?? p.send_pay_date ?? ''));
    const payer = p.buyer_pay_amount === undefined ? null : yuanToFen(String(p.buyer_pay_amount));
    return {
      transactionId: String(p.trade_no ?? ''),
      totalFen: yuanToFen(String(p.total_amount ?? '')) ?? -1,
      payerFen: payer,
      paidAt: paidAt ?? clock.now(),
      merchant,
      raw: p,
    };
  }

  async function queryRefund({ outTradeNo, refundNo }: { outTradeNo: string; refundNo: string }): Promise<RefundSnapshot> {
    const r = await call('alipay.trade.fastpay.refund.query', { out_trade_no: outTradeNo, out_request_no: refundNo, query_options: ['gmt_refund_pay'] });
    if (r.refund_status === 'REFUND_SUCCESS') return { state: 'succeeded', providerRefundId: null, at: parseAlipayTime(String(r.gmt_refund_pay ?? '')) ?? clock.now() };
    // An empty answer means Alipay has no such refund request (接口返回为空 = 退款未受理).
    return r.out_request_no ? { state: 'processing', providerRefundId: null } : { state: 'not_found' };
  }

  return {
    name: 'alipay',
    merchant: { merchantId: k.sellerId, appId: k.appId },

    async prepay(p: PrepayInput): Promise<TPayAction> {
      if (p.channel !== 'alipay_wap' && p.channel !== 'alipay_page') throw new ProviderError('alipay', 'PARAM_ERROR', `channel ${p.channel} is not Alipay`, false);
      const wap = p.channel === 'alipay_wap';
      const biz = {
        out_trade_no: p.outTradeNo,
        total_amount: fenToYuan(p.amountFen),
        subject: p.description,
        product_code: wap ? 'QUICK_WAP_WAY' : 'FAST_INSTANT_TRADE_PAY',
        time_expire: alipayTime(p.expiresAt),
        ...(wap && p.returnUrl ? { quit_url: p.returnUrl } : {}),
      };
      const method = wap ? 'alipay.trade.wap.pay' : 'alipay.trade.page.pay';
      const params = signParams(
        common(method, { notify_url: p.notifyUrl, ...(p.returnUrl ? { return_url: p.returnUrl } : {}), biz_content: JSON.stringify(biz) }),
        k.privateKey,
      );
      // 手机网站支付 / 电脑网站支付: the browser goes to the gateway with the signed parameters (GET).
      return { kind: 'redirect', url: `${k.gateway}?${new URLSearchParams(params)}` };
    },

    async query(outTradeNo): Promise<TradeSnapshot> {
      let r: AlipayResponse;
      try {
        r = await call('alipay.trade.query', { out_trade_no: outTradeNo });
      } catch (err) {
        if (err instanceof ProviderError && err.code === 'ACQ.TRADE_NOT_EXIST') return { state: 'not_found' };
        throw err;
      }
      if (r.trade_status === 'TRADE_SUCCESS' || r.trade_status === 'TRADE_FINISHED') return { state: 'paid', ...paidTrade(r, null) };
      if (r.trade_status === 'WAIT_BUYER_PAY') return { state: 'open' };
      return { state: 'closed' };
    },

    async close(outTradeNo) {
      try {
        await call('alipay.trade.close', { out_trade_no: outTradeNo });
      } catch (err) {
        // Page/WAP trades exist only once the payer opened the cashier: nothing to close then.
        if (err instanceof ProviderError && err.code === 'ACQ.TRADE_NOT_EXIST') return;
        throw err;
      }
    },

    async refund(r): Promise<RefundSnapshot> {
      let res: AlipayResponse;
      try {
        res = await call('alipay.trade.refund', { out_trade_no: r.outTradeNo, refund_amount: fenToYuan(r.amountFen), refund_reason: r.reason.slice(0, 80), out_request_no: r.refundNo });
      } catch (err) {
        if (err instanceof ProviderError && !err.retryable && err.code !== 'RESPONSE_SIGNATURE') return { state: 'failed', reason: `${err.code} ${err.message}`.slice(0, 300) };
        throw err;
      }
      // fund_change Y: money moved now. N: this out_request_no was already handled; the refund query says how it ended.
      if (res.fund_change === 'Y') return { state: 'succeeded', providerRefundId: null, at: parseAlipayTime(String(res.gmt_refund_pay ?? '')) ?? clock.now() };
      const settled = await queryRefund({ outTradeNo: r.outTradeNo, refundNo: r.refundNo });
      return settled.state === 'not_found' ? { state: 'processing', providerRefundId: null } : settled;
    },

    queryRefund,

    readNotify({ body }): Notice {
      const params: Params = Object.fromEntries(new URLSearchParams(body).entries());
      if (!verifyNotify(params, k.alipayPublicKey)) throw new NotifyRejected('bad_signature', params.out_trade_no ?? null);
      const outTradeNo = params.out_trade_no;
      if (!outTradeNo) throw new NotifyRejected('malformed');
      if (params.out_biz_no && params.gmt_refund) {
        if (params.app_id !== k.appId) throw new NotifyRejected('merchant_mismatch', outTradeNo);
        return { kind: 'refund', outTradeNo, refundNo: params.out_biz_no, result: { state: 'succeeded', providerRefundId: null, at: parseAlipayTime(params.gmt_refund) ?? clock.now() } };
      }
      if (params.trade_status === 'TRADE_SUCCESS' || params.trade_status === 'TRADE_FINISHED') {
        if (!params.trade_no) throw new NotifyRejected('malformed', outTradeNo);
        const { sign: _s, sign_type: _t, ...raw } = params;
        return { kind: 'paid', outTradeNo, trade: paidTrade(raw, { merchantId: params.seller_id ?? '', appId: params.app_id ?? '' }) };
      }
      return { kind: 'ignored', outTradeNo, reason: `trade_status ${params.trade_status}` };
    },
  };
}
