import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http.ts';
import type { SimulatorKeys } from './keys.ts';
import type { SimNotifications } from './sim-notifications.ts';
import type { SimTrade, SimTrades } from './sim-trades.ts';
import type { WechatpaySimulator } from './wechatpay.simulator.ts';
import { AlipayRefusal, PAGE_METHODS, type AlipaySimulator } from './alipay.simulator.ts';
import { cashierPage, noticePage } from './cashier.html.ts';
import { jsapiPayMessage, rsaVerify } from './wechatpay.protocol.ts';
import { inCallerContext } from './wire.ts';
import type { Params } from './alipay.protocol.ts';

type Deps = {
  wechatpay: WechatpaySimulator;
  alipay: AlipaySimulator;
  trades: SimTrades;
  notifications: SimNotifications;
  keys: () => Promise<SimulatorKeys>;
  merchantName: string;
  publicUrl: string;
};

const html = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
const query = (req: FastifyRequest): Params => Object.fromEntries(new URL(req.url, 'http://x').searchParams.entries());
const form = (req: FastifyRequest): Params => Object.fromEntries(new URLSearchParams(typeof req.body === 'string' ? req.body : '').entries());

/**
 * The simulators' HTTP side, registered only in simulator mode: WeChat Pay's v3 API under
 * `/sim/wechatpay/v3/…` and its cashier pages (H5 `h5_url`, Native `code_url`, and JSAPI for an H5
 * preview of the mini-program); Alipay's `gateway.do` (API calls and the page methods) and its
 * cashier. Bodies are read raw, as the gateways verify signatures over the exact bytes.
 */
export function registerSimulatorRoutes(app: App, deps: Deps): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    const hide = { schema: { hide: true } };

    scope.route({
      method: ['GET', 'POST'], url: '/sim/wechatpay/v3/*', ...hide,
      handler: async (req, reply) => {
        const res = await inCallerContext(req, () => deps.wechatpay.handle(
          { method: req.method, url: req.url, headers: req.headers, body: typeof req.body === 'string' ? req.body : '' },
          req.url.slice('/sim/wechatpay'.length),
        ));
        return reply.code(res.status).headers(res.headers).send(res.body);
      },
    });

    /** WeChat H5 redirects only to the merchant's registered H5 payment domain: here, Koi's public URL. */
    const allowedRedirect = (url: string | undefined): boolean => {
      if (!url) return true;
      try {
        const u = new URL(url);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === new URL(deps.publicUrl).origin;
      } catch {
        return false;
      }
    };

    const wechatCashier = async (reply: FastifyReply, trade: SimTrade | null, type: string, redirect: string | undefined) => {
      if (!trade || trade.provider !== 'wechatpay' || trade.tradeType !== type) return html(reply, noticePage('wechatpay', '订单不存在', '该支付链接无效，请返回商户重新发起支付。', { error: true }), 404);
      if (!allowedRedirect(redirect)) return html(reply, noticePage('wechatpay', '商家参数格式有误', `redirect_url 须属于商户登记的 H5 支付域名（${new URL(deps.publicUrl).origin}）。`, { error: true }), 400);
      if (trade.state === 'paid') return html(reply, noticePage('wechatpay', '该订单已支付', '请勿重复支付。', { next: redirect }));
      if (trade.state === 'closed') return html(reply, noticePage('wechatpay', '订单已关闭', '订单已超时或已关闭，请返回商户重新下单。', { error: true, next: redirect }));
      return html(reply, cashierPage({
        provider: 'wechatpay', merchantName: deps.merchantName, amountFen: trade.amountFen, description: trade.description, outTradeNo: trade.outTradeNo,
        action: '/sim/wechatpay/cashier', fields: { handle: trade.handle, ...(redirect ? { redirect_url: redirect } : {}) },
      }));
    };

    scope.get('/sim/wechatpay/checkmweb', hide, async (req, reply) => {
      const q = query(req);
      return wechatCashier(reply, await deps.trades.byHandle(q.prepay_id ?? ''), 'MWEB', q.redirect_url);
    });

    scope.get('/sim/wechatpay/native', hide, async (req, reply) => wechatCashier(reply, await deps.trades.byHandle(query(req).pr ?? ''), 'NATIVE', undefined));

    // What wx.requestPayment checks in the WeChat client: the appId and the paySign over the four fields, with the merchant's key.
    scope.get('/sim/wechatpay/jsapi', hide, async (req, reply) => {
      const q = query(req);
      const k = (await deps.keys()).wechatpay;
      const p = { appId: q.appId ?? '', timeStamp: q.timeStamp ?? '', nonceStr: q.nonceStr ?? '', package: q.package ?? '' };
      if (p.appId !== k.appId || q.signType !== 'RSA' || !rsaVerify(jsapiPayMessage(p), q.paySign ?? '', k.merchantPublicKey)) {
        return html(reply, noticePage('wechatpay', '支付验证签名失败', 'requestPayment:fail，请检查 paySign 与 appId。', { error: true }), 400);
      }
      return wechatCashier(reply, await deps.trades.byHandle(p.package.replace(/^prepay_id=/, '')), 'JSAPI', q.redirect_url);
    });

    scope.post('/sim/wechatpay/cashier', hide, async (req, reply) => {
      const f = form(req);
      const redirect = allowedRedirect(f.redirect_url) ? f.redirect_url : undefined;
      if (f.decision !== 'pay') return redirect ? reply.redirect(redirect, 303) : html(reply, noticePage('wechatpay', '已取消支付', '你可以返回商户稍后再付。'));
      const trade = await deps.trades.byHandle(f.handle ?? '');
      if (!trade || trade.provider !== 'wechatpay') return html(reply, noticePage('wechatpay', '订单不存在', '该支付链接无效。', { error: true }), 404);
      const { trade: after, notificationId } = await deps.wechatpay.pay(trade.handle);
      if (notificationId) await deps.notifications.deliver(notificationId); // WeChat calls back right away; retries follow its schedule
      if (after.state !== 'paid') return html(reply, noticePage('wechatpay', '支付失败', '订单已关闭或已超时。', { error: true, next: redirect }));
      return redirect ? reply.redirect(redirect, 303) : html(reply, noticePage('wechatpay', '支付成功', `已向 ${deps.merchantName} 付款。`));
    });

    const gateway = async (req: FastifyRequest, reply: FastifyReply) => {
      const params: Params = { ...query(req), ...(req.method === 'POST' ? form(req) : {}) };
      if (!PAGE_METHODS.includes(params.method as (typeof PAGE_METHODS)[number])) {
        const res = await inCallerContext(req, () => deps.alipay.handleApi(params));
        return reply.code(res.status).type('application/json; charset=utf-8').send(res.body);
      }
      try {
        const trade = await deps.alipay.openPage(params);
        return html(reply, cashierPage({
          provider: 'alipay', merchantName: deps.merchantName, amountFen: trade.amountFen, description: trade.description, outTradeNo: trade.outTradeNo,
          action: '/sim/alipay/cashier', fields: { handle: trade.handle },
        }));
      } catch (err) {
        if (!(err instanceof AlipayRefusal)) throw err;
        return html(reply, noticePage('alipay', '支付请求无效', `错误代码 ${err.subCode}：${err.subMsg}`, { error: true }), 400);
      }
    };
    scope.get('/sim/alipay/gateway.do', hide, gateway);
    scope.post('/sim/alipay/gateway.do', hide, gateway);

    scope.post('/sim/alipay/cashier', hide, async (req, reply) => {
      const f = form(req);
      const trade = await deps.trades.byHandle(f.handle ?? '');
      if (!trade || trade.provider !== 'alipay') return html(reply, noticePage('alipay', '交易不存在', '该支付链接无效。', { error: true }), 404);
      if (f.decision !== 'pay') {
        const back = trade.cancelUrl ?? trade.returnUrl;
        return back ? reply.redirect(back, 303) : html(reply, noticePage('alipay', '已取消支付', '你可以返回商户稍后再付。'));
      }
      const { trade: after, notificationId, returnTo } = await deps.alipay.pay(trade.handle);
      if (notificationId) await deps.notifications.deliver(notificationId);
      if (after.state !== 'paid') {
        return html(reply, noticePage('alipay', '交易已关闭', '交易已超时或已关闭，请返回商户重新下单。', { error: true, next: trade.returnUrl ?? undefined }));
      }
      const next = returnTo ?? after.returnUrl;
      return next ? reply.redirect(next, 303) : html(reply, noticePage('alipay', '支付成功', `已向 ${deps.merchantName} 付款。`));
    });
  });
}
