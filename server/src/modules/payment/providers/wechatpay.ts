import type { TPayAction } from '@koi/contracts';
import { clock } from '../../../platform/clock.ts';
import type { WechatpayMerchantKeys } from './keys.ts';
import type { Wire } from './wire.ts';
import {
  aesGcmDecrypt, jsapiPayMessage, nonceStr, rfc3339Beijing, rsaSign, signRequest, unixSeconds, verifyPlatformSignature,
  type CallbackEnvelope, type WechatError, type WechatRefund, type WechatTransaction,
} from './wechatpay.protocol.ts';
import {
  NotifyRejected, ProviderError, type Notice, type PaidTrade, type PaymentProvider, type PrepayInput, type RefundSnapshot, type TradeSnapshot,
} from './provider.ts';

const TRADE_KIND = { wechat_jsapi: 'jsapi', wechat_h5: 'h5', wechat_native: 'native' } as const;

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** WeChat Pay API v3 for a direct merchant (普通商户), over `wire`. `cashierBase` is set in simulator mode only. */
export function wechatpayProvider(k: WechatpayMerchantKeys, wire: Wire, opts: { cashierBase?: string } = {}): PaymentProvider {
  const platform = { serial: k.platformSerial, publicKey: k.platformPublicKey };

  async function call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T | null> {
    const url = new URL(k.gateway + path);
    const text = body === undefined ? '' : JSON.stringify(body);
    const authorization = signRequest({ mchid: k.mchid, serial: k.serial, privateKey: k.privateKey, method, pathAndQuery: url.pathname + url.search, body: text, now: clock.now() });
    let res;
    try {
      res = await wire({
        method,
        url: url.toString(),
        headers: { authorization, accept: 'application/json', 'user-agent': 'Koi/0.1 wechatpay-apiv3', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : text,
      });
    } catch (err) {
      throw new ProviderError('wechatpay', 'NETWORK', (err as Error).message, true);
    }
    if (res.status >= 200 && res.status < 300) {
      // Every answer is signed by the platform key; an unsigned 2xx is not WeChat's (应答签名验证).
      const v = verifyPlatformSignature(res.headers, res.body, platform, clock.now());
      if (!v.ok) throw new ProviderError('wechatpay', 'RESPONSE_SIGNATURE', v.reason, false, res.status);
      return res.body ? parseJson<T>(res.body) : null;
    }
    const err = parseJson<WechatError>(res.body);
    throw new ProviderError('wechatpay', err?.code ?? `HTTP_${res.status}`, err?.message ?? res.body.slice(0, 200), res.status >= 500 || res.status === 429, res.status);
  }

  function paidTrade(t: WechatTransaction): PaidTrade {
    return {
      transactionId: t.transaction_id ?? '',
      totalFen: t.amount?.total ?? -1,
      payerFen: t.amount?.payer_total ?? null,
      paidAt: t.success_time ? new Date(t.success_time) : clock.now(),
      merchant: { merchantId: t.mchid, appId: t.appid },
      raw: t as unknown as Record<string, unknown>,
    };
  }

  function refundState(r: WechatRefund): RefundSnapshot {
    const status = r.status ?? r.refund_status;
    if (status === 'SUCCESS') return { state: 'succeeded', providerRefundId: r.refund_id, at: r.success_time ? new Date(r.success_time) : clock.now() };
    if (status === 'PROCESSING') return { state: 'processing', providerRefundId: r.refund_id };
    return { state: 'failed', reason: `${status ?? 'UNKNOWN'} ${status === 'ABNORMAL' ? '退款异常' : '退款关闭'}` };
  }

  return {
    name: 'wechatpay',
    merchant: { merchantId: k.mchid, appId: k.appId },

    async prepay(p: PrepayInput): Promise<TPayAction> {
      const kind = TRADE_KIND[p.channel as keyof typeof TRADE_KIND];
      if (!kind) throw new ProviderError('wechatpay', 'PARAM_ERROR', `channel ${p.channel} is not WeChat Pay`, false);
      const body = {
        appid: k.appId,
        mchid: k.mchid,
        description: p.description,
        out_trade_no: p.outTradeNo,
        time_expire: rfc3339Beijing(p.expiresAt),
        notify_url: p.notifyUrl,
        amount: { total: p.amountFen, currency: 'CNY' },
        ...(kind === 'jsapi' ? { payer: { openid: p.openid } } : {}),
        scene_info: { payer_client_ip: p.clientIp, ...(kind === 'h5' ? { h5_info: { type: 'Wap' } } : {}) },
      };
      const res = await call<{ prepay_id?: string; h5_url?: string; code_url?: string }>('POST', `/v3/pay/transactions/${kind}`, body);
      if (kind === 'h5' && res?.h5_url) {
        // 微信 H5: the merchant appends redirect_url (URL-encoded) to h5_url to come back after paying.
        return { kind: 'redirect', url: p.returnUrl ? `${res.h5_url}&redirect_url=${encodeURIComponent(p.returnUrl)}` : res.h5_url };
      }
      if (kind === 'native' && res?.code_url) return { kind: 'qr', codeUrl: res.code_url };
      if (kind === 'jsapi' && res?.prepay_id) {
        const unsigned = { appId: k.appId, timeStamp: unixSeconds(clock.now()), nonceStr: nonceStr(), package: `prepay_id=${res.prepay_id}` };
        const params = { ...unsigned, signType: 'RSA' as const, paySign: rsaSign(jsapiPayMessage(unsigned), k.privateKey) };
        const cashierUrl = opts.cashierBase
          ? `${opts.cashierBase}/jsapi?${new URLSearchParams({ ...params, ...(p.returnUrl ? { redirect_url: p.returnUrl } : {}) })}`
          : undefined;
        return { kind: 'jsapi', params, ...(cashierUrl ? { cashierUrl } : {}) };
      }
      throw new ProviderError('wechatpay', 'MALFORMED', 'prepay answer without prepay_id/h5_url/code_url', false);
    },

    async query(outTradeNo): Promise<TradeSnapshot> {
      let t: WechatTransaction | null;
      try {
        t = await call<WechatTransaction>('GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${k.mchid}`);
      } catch (err) {
        if (err instanceof ProviderError && err.code === 'ORDER_NOT_EXIST') return { state: 'not_found' };
        throw err;
      }
      if (!t) throw new ProviderError('wechatpay', 'MALFORMED', 'empty order query answer', false);
      if (t.trade_state === 'SUCCESS' || t.trade_state === 'REFUND') return { state: 'paid', ...paidTrade(t) };
      if (t.trade_state === 'NOTPAY' || t.trade_state === 'USERPAYING') return { state: 'open' };
      return { state: 'closed' };
    },

    async close(outTradeNo) {
      try {
        await call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: k.mchid });
      } catch (err) {
        if (err instanceof ProviderError && err.code === 'ORDER_NOT_EXIST') return;
        throw err;
      }
    },

    async refund(r): Promise<RefundSnapshot> {
      try {
        const res = await call<WechatRefund>('POST', '/v3/refund/domestic/refunds', {
          transaction_id: r.transactionId,
          out_refund_no: r.refundNo,
          reason: r.reason.slice(0, 80),
          notify_url: r.notifyUrl,
          amount: { refund: r.amountFen, total: r.totalFen, currency: 'CNY' },
        });
        if (!res) throw new ProviderError('wechatpay', 'MALFORMED', 'empty refund answer', false);
        return refundState(res);
      } catch (err) {
        // A refusal (余额不足 NOT_ENOUGH, 超额 INVALID_REQUEST …) is final for this refund number; outages are retried.
        if (err instanceof ProviderError && !err.retryable && err.code !== 'RESPONSE_SIGNATURE') return { state: 'failed', reason: `${err.code} ${err.message}`.slice(0, 300) };
        throw err;
      }
    },

    async queryRefund({ refundNo }): Promise<RefundSnapshot> {
      try {
        const res = await call<WechatRefund>('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(refundNo)}`);
        if (!res) throw new ProviderError('wechatpay', 'MALFORMED', 'empty refund query answer', false);
        return refundState(res);
      } catch (err) {
        if (err instanceof ProviderError && err.code === 'RESOURCE_NOT_EXISTS') return { state: 'not_found' };
        throw err;
      }
    },

    readNotify({ headers, body }): Notice {
      const v = verifyPlatformSignature(headers, body, platform, clock.now());
      if (!v.ok) throw new NotifyRejected(v.reason);
      const envelope = parseJson<CallbackEnvelope>(body);
      const res = envelope?.resource;
      if (!envelope || !res || res.algorithm !== 'AEAD_AES_256_GCM' || typeof res.ciphertext !== 'string') throw new NotifyRejected('malformed');
      let plain: string;
      try {
        plain = aesGcmDecrypt(res.ciphertext, k.apiV3Key, res.nonce, res.associated_data ?? '');
      } catch {
        throw new NotifyRejected('decrypt_failed');
      }
      if (envelope.event_type === 'TRANSACTION.SUCCESS') {
        const t = parseJson<WechatTransaction>(plain);
        if (!t || !t.out_trade_no || t.trade_state !== 'SUCCESS' || !t.transaction_id) throw new NotifyRejected('malformed');
        return { kind: 'paid', outTradeNo: t.out_trade_no, trade: paidTrade(t) };
      }
      if (envelope.event_type.startsWith('REFUND.')) {
        const r = parseJson<WechatRefund>(plain);
        if (!r || !r.out_refund_no || !r.out_trade_no) throw new NotifyRejected('malformed');
        if (r.mchid !== k.mchid) throw new NotifyRejected('merchant_mismatch', r.out_trade_no);
        const state = refundState(r);
        if (state.state !== 'succeeded' && state.state !== 'failed') return { kind: 'ignored', outTradeNo: r.out_trade_no, reason: `refund ${r.refund_status}` };
        return { kind: 'refund', outTradeNo: r.out_trade_no, refundNo: r.out_refund_no, result: state };
      }
      return { kind: 'ignored', outTradeNo: null, reason: `event ${envelope.event_type}` };
    },
  };
}
