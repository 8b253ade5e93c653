import { createHash, randomInt } from 'node:crypto';
import type { Db } from '../../../platform/db.ts';
import { clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { fenToYuan, yuanToFen } from '../amount.rules.ts';
import type { SimulatorKeys } from './keys.ts';
import type { SimNotifications } from './sim-notifications.ts';
import { beijingDay, randomDigits, type SimTrade, type SimTrades } from './sim-trades.ts';
import { ALIPAY_OK, alipayTime, parseAlipayTime, signedResponse, signParams, verifyRequest, type Params } from './alipay.protocol.ts';

type Deps = { db: Db; trades: SimTrades; notifications: SimNotifications; keys: () => Promise<SimulatorKeys> };
type J = Record<string, unknown>;

export const PAGE_METHODS = ['alipay.trade.wap.pay', 'alipay.trade.page.pay'] as const;
const API_METHODS = ['alipay.trade.query', 'alipay.trade.close', 'alipay.trade.refund', 'alipay.trade.fastpay.refund.query'] as const;
/** The simulator refuses requests whose `timestamp` is further than this from its clock. */
const TIMESTAMP_WINDOW_MS = 15 * 60_000;

/** A refusal in Alipay's words: `code` 40002 (bad arguments) or 40004 (business), with `sub_code`/`sub_msg`. */
export class AlipayRefusal extends Error {
  constructor(readonly code: '40002' | '40004' | '20000', readonly subCode: string, readonly subMsg: string) {
    super(subMsg);
  }
  get msg(): string {
    return this.code === '40002' ? 'Invalid Arguments' : this.code === '40004' ? 'Business Failed' : 'Service Currently Unavailable';
  }
}

const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * A local openapi.alipay.com/gateway.do for one application: verifies what the gateway verifies
 * (app_id, RSA2 signature over the sorted parameters with sign_type included, charset, timestamp),
 * keeps trades, answers the API methods in Alipay's JSON with a signature over the exact response
 * text, and serves the page methods (wap.pay / page.pay) as its cashier.
 */
export function alipaySimulator(deps: Deps) {
  const { trades } = deps;

  /** The checks every request goes through; returns the parsed biz_content. */
  async function verify(params: Params, k: SimulatorKeys['alipay']): Promise<J> {
    if (params.app_id !== k.appId) throw new AlipayRefusal('40002', 'isv.invalid-app-id', '无效的AppID参数');
    const method = params.method ?? '';
    if (![...PAGE_METHODS, ...API_METHODS].includes(method as (typeof API_METHODS)[number])) throw new AlipayRefusal('40002', 'isv.invalid-method', '不存在的方法名');
    if (params.sign_type !== 'RSA2') throw new AlipayRefusal('40002', 'isv.invalid-signature-type', '无效的签名类型');
    if (params.charset && params.charset.toLowerCase() !== 'utf-8') throw new AlipayRefusal('40002', 'isv.invalid-charset', '字符集不合法');
    if (!params.sign) throw new AlipayRefusal('40002', 'isv.missing-signature', '缺少签名参数');
    if (!verifyRequest(params, k.appPublicKey)) throw new AlipayRefusal('40002', 'isv.invalid-signature', '验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配');
    const at = parseAlipayTime(params.timestamp);
    if (!at || Math.abs(at.getTime() - clock.now().getTime()) > TIMESTAMP_WINDOW_MS) throw new AlipayRefusal('40002', 'isv.invalid-timestamp', '非法的时间戳参数');
    if (params.version !== '1.0') throw new AlipayRefusal('40002', 'isv.invalid-version', '版本号不合法');
    try {
      return obj(JSON.parse(params.biz_content ?? '{}'));
    } catch {
      throw new AlipayRefusal('40002', 'isv.invalid-biz-content', 'biz_content 不是合法的 JSON');
    }
  }

  const tradeStatus = (t: SimTrade) =>
    t.state === 'paid' ? (t.refundedFen >= t.amountFen ? 'TRADE_CLOSED' : 'TRADE_SUCCESS') : t.state === 'open' ? 'WAIT_BUYER_PAY' : 'TRADE_CLOSED';

  async function tradeOf(biz: J, k: SimulatorKeys['alipay']): Promise<SimTrade> {
    const outTradeNo = str(biz.out_trade_no);
    const t = outTradeNo ? await trades.byNo('alipay', k.appId, outTradeNo) : str(biz.trade_no) ? await trades.byTransaction('alipay', k.appId, String(biz.trade_no)) : null;
    if (!t) throw new AlipayRefusal('40004', 'ACQ.TRADE_NOT_EXIST', '交易不存在');
    return t;
  }

  /** The async notify's parameters (signed at each delivery, with that delivery's notify_time). */
  function notifyParams(t: SimTrade, k: SimulatorKeys['alipay'], extra: Params): Params {
    const yuan = fenToYuan(t.amountFen);
    return {
      notify_type: 'trade_status_sync', notify_id: newId().replace(/-/g, ''), app_id: k.appId, auth_app_id: k.appId, charset: 'utf-8', version: '1.0', sign_type: 'RSA2',
      trade_no: t.transactionId!, out_trade_no: t.outTradeNo, buyer_id: t.payerId!, seller_id: k.sellerId, trade_status: tradeStatus(t),
      total_amount: yuan, receipt_amount: yuan, invoice_amount: yuan, buyer_pay_amount: yuan, point_amount: '0.00', subject: t.description,
      gmt_create: alipayTime(t.createdAt), gmt_payment: alipayTime(t.paidAt!), fund_bill_list: JSON.stringify([{ amount: yuan, fundChannel: 'ALIPAYACCOUNT' }]),
      ...extra,
    };
  }

  async function api(method: (typeof API_METHODS)[number], biz: J, k: SimulatorKeys['alipay']): Promise<J> {
    if (method === 'alipay.trade.query') {
      const t = await tradeOf(biz, k);
      return {
        ...ALIPAY_OK, out_trade_no: t.outTradeNo, trade_status: tradeStatus(t), total_amount: fenToYuan(t.amountFen),
        ...(t.state === 'paid'
          ? { trade_no: t.transactionId, buyer_logon_id: 'koi***@sandbox.com', buyer_user_id: t.payerId, buyer_pay_amount: fenToYuan(t.amountFen), send_pay_date: alipayTime(t.paidAt!) }
          : {}),
      };
    }
    if (method === 'alipay.trade.close') {
      const t = await tradeOf(biz, k);
      if (t.state === 'paid') throw new AlipayRefusal('40004', 'ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
      await trades.close(t.id);
      return { ...ALIPAY_OK, out_trade_no: t.outTradeNo };
    }
    if (method === 'alipay.trade.fastpay.refund.query') {
      const t = await tradeOf(biz, k);
      const r = await trades.refundByNo('alipay', k.appId, str(biz.out_request_no) ?? t.outTradeNo);
      if (!r || r.tradeId !== t.id) return { ...ALIPAY_OK }; // 未受理的退款请求: an empty success answer
      return {
        ...ALIPAY_OK, trade_no: t.transactionId, out_trade_no: t.outTradeNo, out_request_no: r.refundNo, total_amount: fenToYuan(t.amountFen),
        refund_amount: fenToYuan(r.amountFen), refund_status: 'REFUND_SUCCESS', gmt_refund_pay: alipayTime(r.successAt!),
      };
    }
    // alipay.trade.refund, idempotent by out_request_no (which defaults to out_trade_no: a full refund).
    const t = await tradeOf(biz, k);
    const amount = yuanToFen(String(biz.refund_amount ?? ''));
    if (amount === null || amount < 1) throw new AlipayRefusal('40004', 'ACQ.INVALID_PARAMETER', '参数无效: refund_amount');
    if (t.state !== 'paid') throw new AlipayRefusal('40004', 'ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
    const requestNo = str(biz.out_request_no) ?? t.outTradeNo;
    const answer = (refunded: number, changed: boolean, at: Date) => ({
      ...ALIPAY_OK, trade_no: t.transactionId, out_trade_no: t.outTradeNo, buyer_logon_id: 'koi***@sandbox.com', buyer_user_id: t.payerId,
      fund_change: changed ? 'Y' : 'N', refund_fee: fenToYuan(refunded), gmt_refund_pay: alipayTime(at),
    });
    const existing = await trades.refundByNo('alipay', k.appId, requestNo);
    if (existing) {
      if (existing.tradeId !== t.id || existing.amountFen !== amount) throw new AlipayRefusal('40004', 'ACQ.REFUND_AMT_RESTRICTION', '退款请求号对应的退款金额与之前请求不一致');
      return answer(t.refundedFen, false, existing.successAt!);
    }
    return deps.db.tx(async (q) => {
      const after = await trades.reserveRefund(q, t.id, amount);
      if (!after) throw new AlipayRefusal('40004', 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
      const r = await trades.insertRefund(q, { provider: 'alipay', merchantId: k.appId, tradeId: t.id, refundNo: requestNo, refundId: requestNo, amountFen: amount });
      // 交易退款也会触发异步通知: the trade's notify with the refund fields (TRADE_CLOSED once fully refunded).
      const params = notifyParams(after, k, { out_biz_no: requestNo, refund_fee: fenToYuan(after.refundedFen), gmt_refund: alipayTime(r.successAt!) });
      await deps.notifications.create(q, { provider: 'alipay', url: after.notifyUrl, body: JSON.stringify(params) });
      return answer(after.refundedFen, true, r.successAt!);
    });
  }

  return {
    /** A server-side API call: the JSON answer, signed over the exact `<method>_response` text (unsigned when the app is unknown). */
    async handleApi(params: Params): Promise<{ status: number; body: string }> {
      const k = (await deps.keys()).alipay;
      const method = params.method ?? 'alipay.unknown';
      try {
        const biz = await verify(params, k);
        if (!API_METHODS.includes(method as (typeof API_METHODS)[number])) throw new AlipayRefusal('40002', 'isv.invalid-method', '该方法需要在浏览器中打开');
        return { status: 200, body: signedResponse(method, await api(method as (typeof API_METHODS)[number], biz, k), k.alipayPrivateKey) };
      } catch (err) {
        const e = err instanceof AlipayRefusal ? err : new AlipayRefusal('20000', 'isp.unknow-error', '服务暂不可用');
        const signer = e.subCode === 'isv.invalid-app-id' ? null : k.alipayPrivateKey;
        return { status: 200, body: signedResponse(method, { code: e.code, msg: e.msg, sub_code: e.subCode, sub_msg: e.subMsg }, signer) };
      }
    },

    /** A page method opened in the browser: verifies it and places (or finds) the trade the cashier shows. */
    async openPage(params: Params): Promise<SimTrade> {
      const k = (await deps.keys()).alipay;
      const biz = await verify(params, k);
      const wap = params.method === 'alipay.trade.wap.pay';
      if (!wap && params.method !== 'alipay.trade.page.pay') throw new AlipayRefusal('40002', 'isv.invalid-method', '该方法不能在浏览器中打开');
      if (biz.product_code !== (wap ? 'QUICK_WAP_WAY' : 'FAST_INSTANT_TRADE_PAY')) throw new AlipayRefusal('40004', 'ACQ.PRODUCT_CODE_ERROR', '产品码不正确');
      const outTradeNo = str(biz.out_trade_no);
      if (!outTradeNo || !/^[0-9A-Za-z_]{1,64}$/.test(outTradeNo)) throw new AlipayRefusal('40002', 'isv.invalid-parameter', '参数无效: out_trade_no');
      const amount = yuanToFen(String(biz.total_amount ?? ''));
      if (amount === null || amount < 1) throw new AlipayRefusal('40002', 'isv.invalid-parameter', '参数无效: total_amount');
      const subject = str(biz.subject);
      if (!subject || subject.length > 256) throw new AlipayRefusal('40002', 'isv.invalid-parameter', '参数无效: subject');
      const expiry = biz.time_expire === undefined ? null : parseAlipayTime(String(biz.time_expire));
      if (biz.time_expire !== undefined && !expiry) throw new AlipayRefusal('40002', 'isv.invalid-parameter', '参数无效: time_expire');
      const digest = createHash('sha256').update(JSON.stringify([params.method, amount, subject])).digest('hex');
      const { trade } = await trades.place({
        provider: 'alipay', merchantId: k.appId, appId: k.appId, outTradeNo, tradeType: String(biz.product_code), description: subject, amountFen: amount,
        notifyUrl: params.notify_url ?? '', returnUrl: params.return_url ?? null, cancelUrl: str(biz.quit_url) ?? null, openid: null, digest, handle: newId(),
        expiresAt: expiry ?? new Date(clock.now().getTime() + 15 * 24 * 3600_000),
      });
      if (trade.digest !== digest) throw new AlipayRefusal('40004', 'ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
      if (trade.state === 'paid') throw new AlipayRefusal('40004', 'ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
      if (trade.state === 'closed') throw new AlipayRefusal('40004', 'ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
      return trade;
    },

    /** 确认支付: paid once; returns the notification owed (if a notify_url was given) and the signed return_url to send the browser to. */
    async pay(handle: string): Promise<{ trade: SimTrade; notificationId: string | null; returnTo: string | null }> {
      const k = (await deps.keys()).alipay;
      const trade = await trades.byHandle(handle);
      if (!trade || trade.provider !== 'alipay') throw new Error('no such Alipay trade');
      return deps.db.tx(async (q) => {
        const payerId = `2088${randomDigits(12)}`;
        const paid = await trades.markPaid(q, trade.id, { transactionId: `${beijingDay(clock.now())}22001${randomDigits(9)}${String(randomInt(100000)).padStart(5, '0')}`, payerId });
        if (!paid) return { trade, notificationId: null, returnTo: null };
        const notificationId = paid.notifyUrl
          ? await deps.notifications.create(q, { provider: 'alipay', url: paid.notifyUrl, body: JSON.stringify(notifyParams(paid, k, {})) })
          : null;
        let returnTo: string | null = null;
        if (paid.returnUrl) {
          // 同步返回: the browser comes back with signed parameters (informational; the notify is authoritative).
          const back = signParams({
            method: `${paid.tradeType === 'QUICK_WAP_WAY' ? 'alipay.trade.wap.pay' : 'alipay.trade.page.pay'}.return`, app_id: k.appId, auth_app_id: k.appId,
            charset: 'utf-8', version: '1.0', sign_type: 'RSA2', timestamp: alipayTime(clock.now()), out_trade_no: paid.outTradeNo, trade_no: paid.transactionId!,
            total_amount: fenToYuan(paid.amountFen), seller_id: k.sellerId,
          }, k.alipayPrivateKey);
          const url = new URL(paid.returnUrl);
          for (const [key, value] of Object.entries(back)) url.searchParams.set(key, value);
          returnTo = url.toString();
        }
        return { trade: paid, notificationId, returnTo };
      });
    },
  };
}
export type AlipaySimulator = ReturnType<typeof alipaySimulator>;
