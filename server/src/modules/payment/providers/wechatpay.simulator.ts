import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db.ts';
import { clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import type { SimulatorKeys } from './keys.ts';
import type { SimNotifications } from './sim-notifications.ts';
import { beijingDay, randomDigits, type SimRefund, type SimTrade, type SimTrades } from './sim-trades.ts';
import type { WireResponse } from './wire.ts';
import {
  aesGcmEncrypt, nonceStr, parseAuthorization, platformHeaders, requestMessage, rfc3339Beijing, rsaVerify,
  WECHATPAY_MAX_SKEW_SECONDS, type CallbackEnvelope, type WechatRefund, type WechatTransaction,
} from './wechatpay.protocol.ts';

type J = Record<string, unknown>;
const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

type ApiRequest = { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: string };
type Deps = { db: Db; trades: SimTrades; notifications: SimNotifications; keys: () => Promise<SimulatorKeys>; base: string; publicUrl: string };

const TRADE_TYPES = { jsapi: 'JSAPI', h5: 'MWEB', native: 'NATIVE' } as const;
const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;

class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/**
 * A local api.mch.weixin.qq.com for one direct merchant: checks what WeChat Pay checks (the
 * WECHATPAY2-SHA256-RSA2048 signature over the exact path and body, the merchant certificate
 * serial, the timestamp window, appid ↔ mchid, required fields, out_trade_no reuse), answers in its
 * format (`{code, message}` with its HTTP statuses) and signs every answer with the platform key.
 */
export function wechatpaySimulator(deps: Deps) {
  const { trades } = deps;

  function transaction(t: SimTrade, k: SimulatorKeys['wechatpay']): WechatTransaction {
    const state = t.state === 'paid' ? (t.refundedFen > 0 ? 'REFUND' : 'SUCCESS') : t.state === 'open' ? 'NOTPAY' : 'CLOSED';
    const desc = { SUCCESS: '支付成功', REFUND: '转入退款', NOTPAY: '未支付', CLOSED: '已关闭' }[state];
    return {
      appid: k.appId, mchid: k.mchid, out_trade_no: t.outTradeNo, trade_type: t.tradeType, trade_state: state, trade_state_desc: desc,
      ...(t.state === 'paid'
        ? { transaction_id: t.transactionId!, bank_type: 'OTHERS', attach: '', success_time: rfc3339Beijing(t.paidAt!), payer: { openid: t.payerId! },
          amount: { total: t.amountFen, payer_total: t.amountFen, currency: 'CNY', payer_currency: 'CNY' } }
        : { amount: { total: t.amountFen, currency: 'CNY' } }),
    };
  }

  function refundBody(r: SimRefund, t: SimTrade, k: SimulatorKeys['wechatpay'], status: 'SUCCESS' | 'PROCESSING'): WechatRefund {
    return {
      refund_id: r.refundId, out_refund_no: r.refundNo, transaction_id: t.transactionId!, out_trade_no: t.outTradeNo, mchid: k.mchid,
      status, ...(status === 'SUCCESS' && r.successAt ? { success_time: rfc3339Beijing(r.successAt) } : {}), user_received_account: '支付用户零钱',
      amount: { total: t.amountFen, refund: r.amountFen, payer_total: t.amountFen, payer_refund: r.amountFen, currency: 'CNY' },
    };
  }

  /** Encrypts a resource for the notify envelope (associated_data names the resource type, as WeChat's do). */
  function envelope(k: SimulatorKeys['wechatpay'], event: string, summary: string, type: 'transaction' | 'refund', resource: object): string {
    const nonce = nonceStr(12);
    const body: CallbackEnvelope = {
      id: newId(), create_time: rfc3339Beijing(clock.now()), resource_type: 'encrypt-resource', event_type: event, summary,
      resource: { original_type: type, algorithm: 'AEAD_AES_256_GCM', ciphertext: aesGcmEncrypt(JSON.stringify(resource), k.apiV3Key, nonce, type), associated_data: type, nonce },
    };
    return JSON.stringify(body);
  }

  /** Notify URLs must be HTTPS, except Koi's own address in demo mode (no TLS on a laptop). */
  function notifyUrlOk(url: string | undefined): url is string {
    if (!url || url.length > 255) return false;
    try {
      const u = new URL(url);
      return !u.search && (u.protocol === 'https:' || u.origin === new URL(deps.publicUrl).origin);
    } catch {
      return false;
    }
  }

  const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
  const param = (field: string, what: string) => new ApiError(400, 'PARAM_ERROR', `输入源“/body/${field}”映射到字段“${what}”不合法`);

  async function prepay(kind: keyof typeof TRADE_TYPES, b: J, k: SimulatorKeys['wechatpay']): Promise<object> {
    if (b.appid !== k.appId) throw new ApiError(400, 'APPID_MCHID_NOT_MATCH', 'AppID和mch_id不匹配');
    if (b.mchid !== k.mchid) throw new ApiError(400, 'PARAM_ERROR', 'mchid与请求头中的商户号不一致');
    const description = str(b.description);
    if (!description || Array.from(description).length > 127) throw param('description', '商品描述');
    const outTradeNo = str(b.out_trade_no);
    if (!outTradeNo || !OUT_TRADE_NO.test(outTradeNo)) throw param('out_trade_no', '商户订单号');
    const notifyUrl = str(b.notify_url);
    if (!notifyUrlOk(notifyUrl)) throw param('notify_url', '通知地址');
    const amount = obj(b.amount);
    const total = int(amount.total);
    if (total === null || total < 1 || (amount.currency ?? 'CNY') !== 'CNY') throw param('amount/total', '总金额');
    const openid = str(obj(b.payer).openid) ?? null;
    if (kind === 'jsapi' && !openid) throw param('payer/openid', '用户标识');
    const scene = obj(b.scene_info);
    if (kind !== 'jsapi' && !str(scene.payer_client_ip)) throw param('scene_info/payer_client_ip', '用户终端IP');
    if (kind === 'h5' && !str(obj(scene.h5_info).type)) throw param('scene_info/h5_info/type', '场景类型');
    const now = clock.now();
    let expiresAt = new Date(now.getTime() + 7 * 24 * 3600_000);
    const timeExpire = b.time_expire === undefined ? null : String(b.time_expire);
    if (timeExpire !== null) {
      const parsed = new Date(timeExpire);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(timeExpire) || Number.isNaN(parsed.getTime())) throw param('time_expire', '交易结束时间');
      // 支付结束时间不能早于下单时间后1分钟: WeChat moves it to one minute after the order.
      expiresAt = new Date(Math.max(parsed.getTime(), now.getTime() + 60_000));
    }
    // 原参重入: the same out_trade_no with the same parameters gets the trade back; scene_info may differ.
    const digest = createHash('sha256').update(JSON.stringify([kind, b.appid, description, total, notifyUrl, openid, timeExpire])).digest('hex');
    const handle = `wx${beijingDay(now)}${randomBytes(13).toString('hex')}`;
    const { trade } = await trades.place({
      provider: 'wechatpay', merchantId: k.mchid, appId: k.appId, outTradeNo, tradeType: TRADE_TYPES[kind], description,
      amountFen: total, notifyUrl, returnUrl: null, cancelUrl: null, openid, digest, handle, expiresAt,
    });
    if (trade.digest !== digest) throw new ApiError(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
    if (trade.state === 'paid') throw new ApiError(400, 'INVALID_REQUEST', '该订单已支付');
    if (trade.state === 'closed') throw new ApiError(400, 'ORDER_CLOSED', '订单已关闭');
    if (kind === 'jsapi') return { prepay_id: trade.handle };
    if (kind === 'h5') return { h5_url: `${deps.base}/checkmweb?prepay_id=${trade.handle}&package=${randomDigits(10)}` };
    return { code_url: `${deps.base}/native?pr=${trade.handle}` };
  }

  async function refund(b: J, k: SimulatorKeys['wechatpay']): Promise<object> {
    const refundNo = str(b.out_refund_no);
    if (!refundNo || !/^[0-9A-Za-z_\-|*@]{1,64}$/.test(refundNo)) throw param('out_refund_no', '商户退款单号');
    const notifyUrl = str(b.notify_url);
    if (b.notify_url !== undefined && !notifyUrlOk(notifyUrl)) throw param('notify_url', '退款结果回调url');
    const amounts = obj(b.amount);
    const amount = int(amounts.refund);
    const total = int(amounts.total);
    if (amount === null || amount < 1 || total === null) throw param('amount/refund', '退款金额');
    const transactionId = str(b.transaction_id);
    const outTradeNo = str(b.out_trade_no);
    const trade = transactionId ? await trades.byTransaction('wechatpay', k.mchid, transactionId) : outTradeNo ? await trades.byNo('wechatpay', k.mchid, outTradeNo) : null;
    if (!trade) throw new ApiError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (trade.state !== 'paid') throw new ApiError(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    if (total !== trade.amountFen) throw new ApiError(400, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试');
    const existing = await trades.refundByNo('wechatpay', k.mchid, refundNo);
    if (existing) {
      if (existing.tradeId !== trade.id || existing.amountFen !== amount) throw new ApiError(400, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试');
      return refundBody(existing, trade, k, 'SUCCESS');
    }
    const created = await deps.db.tx(async (q) => {
      const reserved = await trades.reserveRefund(q, trade.id, amount);
      if (!reserved) throw new ApiError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
      const r = await trades.insertRefund(q, { provider: 'wechatpay', merchantId: k.mchid, tradeId: trade.id, refundNo, refundId: `50${randomDigits(30)}`, amountFen: amount });
      if (notifyUrl) {
        const { status: _status, ...resource } = { ...refundBody(r, trade, k, 'SUCCESS'), refund_status: 'SUCCESS' as const };
        await deps.notifications.create(q, { provider: 'wechatpay', url: notifyUrl, body: envelope(k, 'REFUND.SUCCESS', '退款成功', 'refund', resource) });
      }
      return r;
    });
    // The refund completes at once here, but the API answers PROCESSING as WeChat does; the callback and the query tell the end.
    return refundBody(created, trade, k, 'PROCESSING');
  }

  async function route(req: ApiRequest, path: string, k: SimulatorKeys['wechatpay']): Promise<{ status: number; body?: object }> {
    const json = (): J => {
      try {
        return obj(JSON.parse(req.body || 'null'));
      } catch {
        throw new ApiError(400, 'PARAM_ERROR', '请求体不是合法的JSON');
      }
    };
    const url = new URL(path, 'http://sim');
    let m: RegExpExecArray | null;
    if (req.method === 'POST' && (m = /^\/v3\/pay\/transactions\/(jsapi|h5|native)$/.exec(url.pathname))) {
      return { status: 200, body: await prepay(m[1] as keyof typeof TRADE_TYPES, json(), k) };
    }
    if (req.method === 'GET' && (m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname))) {
      if (url.searchParams.get('mchid') !== k.mchid) throw new ApiError(400, 'PARAM_ERROR', '商户号mchid不正确');
      const t = await trades.byNo('wechatpay', k.mchid, decodeURIComponent(m[1]!));
      if (!t) throw new ApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
      return { status: 200, body: transaction(t, k) };
    }
    if (req.method === 'POST' && (m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(url.pathname))) {
      if (json().mchid !== k.mchid) throw new ApiError(400, 'PARAM_ERROR', '商户号mchid不正确');
      const t = await trades.byNo('wechatpay', k.mchid, decodeURIComponent(m[1]!));
      if (!t) throw new ApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
      if (t.state === 'paid') throw new ApiError(400, 'INVALID_REQUEST', '订单已支付，不能关闭');
      await trades.close(t.id);
      return { status: 204 };
    }
    if (req.method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') return { status: 200, body: await refund(json(), k) };
    if (req.method === 'GET' && (m = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(url.pathname))) {
      const r = await trades.refundByNo('wechatpay', k.mchid, decodeURIComponent(m[1]!));
      if (!r) throw new ApiError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
      return { status: 200, body: refundBody(r, (await trades.byId(r.tradeId))!, k, 'SUCCESS') };
    }
    throw new ApiError(404, 'NOT_FOUND', '请求的资源不存在');
  }

  return {
    /** Answers one API request; `path` is the part after the simulator's mount point (`/v3/...`). */
    async handle(req: ApiRequest, path: string): Promise<WireResponse> {
      const keys = await deps.keys();
      const k = keys.wechatpay;
      let status: number;
      let body = '';
      try {
        const auth = parseAuthorization(typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined);
        if (!auth) throw new ApiError(401, 'SIGN_ERROR', 'Authorization 头缺失或格式不正确');
        if (auth.mchid !== k.mchid) throw new ApiError(400, 'MCH_NOT_EXISTS', '商户号不存在');
        if (auth.serial_no !== k.merchantSerial) throw new ApiError(401, 'SIGN_ERROR', '商户证书序列号有误');
        if (Math.abs(clock.now().getTime() / 1000 - Number(auth.timestamp)) > WECHATPAY_MAX_SKEW_SECONDS) throw new ApiError(401, 'SIGN_ERROR', '请求时间戳与系统时间相差过大');
        if (!rsaVerify(requestMessage(req.method, req.url, auth.timestamp, auth.nonce_str, req.body), auth.signature, k.merchantPublicKey)) {
          throw new ApiError(401, 'SIGN_ERROR', '签名错误，验签失败');
        }
        const res = await route(req, path, k);
        status = res.status;
        body = res.body ? JSON.stringify(res.body) : '';
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError(500, 'SYSTEM_ERROR', '系统错误');
        status = e.status;
        body = JSON.stringify({ code: e.code, message: e.message });
      }
      return {
        status,
        headers: { ...(body ? { 'content-type': 'application/json; charset=utf-8' } : {}), 'request-id': newId(), ...platformHeaders(body, { serial: k.platformSerial, privateKey: k.platformPrivateKey }, clock.now()) },
        body,
      };
    },

    /** The shopper chose 确认支付 in the cashier: the trade is paid once, and the callback is owed. */
    async pay(handle: string): Promise<{ trade: SimTrade; notificationId: string | null }> {
      const k = (await deps.keys()).wechatpay;
      const trade = await trades.byHandle(handle);
      if (!trade || trade.provider !== 'wechatpay') throw new Error('no such WeChat Pay trade');
      return deps.db.tx(async (q) => {
        const payerId = trade.openid ?? `o${createHash('sha256').update(`payer:${k.appId}:${trade.id}`).digest('base64url').slice(0, 27)}`;
        const paid = await trades.markPaid(q, trade.id, { transactionId: `42000${beijingDay(clock.now())}${randomDigits(15)}`, payerId });
        if (!paid) return { trade, notificationId: null };
        const notificationId = await deps.notifications.create(q, { provider: 'wechatpay', url: paid.notifyUrl, body: envelope(k, 'TRANSACTION.SUCCESS', '支付成功', 'transaction', transaction(paid, k)) });
        return { trade: paid, notificationId };
      });
    },
  };
}
export type WechatpaySimulator = ReturnType<typeof wechatpaySimulator>;
