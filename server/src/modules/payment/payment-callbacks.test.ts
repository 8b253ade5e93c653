import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import { AlipaySdk } from 'alipay-sdk';
import { sql } from 'drizzle-orm';
import { PaymentEvents, type TPaymentSucceededEvent } from '@koi/contracts';
import { DB_KINDS, startKoi, type TestKoi } from '../../../test/harness.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { simulatorKeys, type PaymentKeys } from './providers/keys.ts';
import { aesGcmEncrypt, platformHeaders, rfc3339Beijing } from './providers/wechatpay.protocol.ts';
import { signNotify, type Params } from './providers/alipay.protocol.ts';
import { callbacksOf, eventsOf, localPath, orderPayment } from './payment.fixtures.ts';

describe.each(DB_KINDS)('payment callbacks on %s', (kind) => {
  let koi: TestKoi;
  let keys: PaymentKeys;
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
    keys = await simulatorKeys(koi.db, koi.config, koi.config.publicUrl);
  });
  afterAll(async () => koi.dispose());

  const sim = () => koi.payment.simulators!;
  const succeededFor = async (intentId: string) =>
    (await eventsOf<TPaymentSucceededEvent>(koi, PaymentEvents.succeeded)).filter((e) => e.intentId === intentId);
  const post = (url: string, headers: Record<string, string>, body: string) => koi.app.inject({ method: 'POST', url, headers, payload: body });

  /** A WeChat trade paid at the simulator whose callback is owed but not delivered yet. */
  async function paidWechat() {
    const input = orderPayment(koi, 'wechat_h5');
    const started = await koi.payment.startPayment(undefined, input);
    const handle = new URL(started.action.kind === 'redirect' ? started.action.url : '').searchParams.get('prepay_id')!;
    const { notificationId, trade } = await sim().wechatpay.pay(handle);
    return { input, started, notificationId: notificationId!, trade };
  }

  async function paidAlipay() {
    const input = orderPayment(koi, 'alipay_wap');
    const started = await koi.payment.startPayment(undefined, input);
    const page = await koi.app.inject({ method: 'GET', url: localPath(koi, started.action.kind === 'redirect' ? started.action.url : '') });
    const handle = /name="handle" value="([^"]+)"/.exec(page.body)![1]!;
    const { notificationId, trade } = await sim().alipay.pay(handle);
    return { input, started, notificationId: notificationId!, trade };
  }

  /** A callback as the platform would sign it, with any resource we like (for mismatches). */
  function wechatCallback(resource: Record<string, unknown>, opts: { signer?: 'platform' | 'merchant'; at?: Date } = {}) {
    const k = keys.simulator!.wechatpay;
    const nonce = 'abcdefghijkl';
    const body = JSON.stringify({
      id: newId(), create_time: rfc3339Beijing(clock.now()), resource_type: 'encrypt-resource', event_type: 'TRANSACTION.SUCCESS', summary: '支付成功',
      resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext: aesGcmEncrypt(JSON.stringify(resource), k.apiV3Key, nonce, 'transaction'), associated_data: 'transaction', nonce },
    });
    const privateKey = opts.signer === 'merchant' ? keys.wechatpay.privateKey : k.platformPrivateKey;
    return { body, headers: { 'content-type': 'application/json', ...platformHeaders(body, { serial: k.platformSerial, privateKey }, opts.at ?? clock.now()) } };
  }

  it('WeChat: the simulator\'s callback verifies and decrypts with wechatpay-axios-plugin, as a merchant\'s own code would', async () => {
    const { input, notificationId, trade } = await paidWechat();
    const req = await sim().notifications.signedRequest(notificationId);
    expect(req.url).toBe(`${koi.config.publicUrl}/api/payment/notify/wechatpay`);
    const h = req.headers!;
    expect(h['wechatpay-serial']).toBe(keys.wechatpay.platformSerial);
    expect(Math.abs(Number(h['wechatpay-timestamp']) - Formatter.timestamp())).toBeLessThan(300);
    expect(Rsa.verify(Formatter.response(h['wechatpay-timestamp']!, h['wechatpay-nonce']!, req.body!), h['wechatpay-signature']!, keys.wechatpay.platformPublicKey)).toBe(true);
    const envelope = JSON.parse(req.body!);
    expect(envelope).toMatchObject({ resource_type: 'encrypt-resource', event_type: 'TRANSACTION.SUCCESS', resource: { algorithm: 'AEAD_AES_256_GCM', original_type: 'transaction' } });
    const r = envelope.resource;
    const plain = JSON.parse(Aes.AesGcm.decrypt(r.ciphertext, keys.wechatpay.apiV3Key, r.nonce, r.associated_data));
    expect(plain).toMatchObject({
      mchid: koi.config.payment.wechatpay.mchid, appid: koi.config.payment.wechatpay.appId, out_trade_no: input.outTradeNo, trade_state: 'SUCCESS',
      transaction_id: trade.transactionId, trade_type: 'MWEB', amount: { total: input.amountFen, payer_total: input.amountFen, currency: 'CNY' },
    });
    // The platform key is not the merchant's: the merchant's key does not verify it.
    expect(Rsa.verify(Formatter.response(h['wechatpay-timestamp']!, h['wechatpay-nonce']!, req.body!), h['wechatpay-signature']!, keys.simulator!.wechatpay.merchantPublicKey)).toBe(false);
  });

  it('Alipay: the simulator\'s notify verifies with alipay-sdk (checkNotifySign and checkNotifySignV2)', async () => {
    const { input, notificationId } = await paidAlipay();
    const req = await sim().notifications.signedRequest(notificationId);
    expect(req.headers!['content-type']).toContain('application/x-www-form-urlencoded');
    const params = Object.fromEntries(new URLSearchParams(req.body!).entries());
    expect(params).toMatchObject({ app_id: keys.alipay.appId, seller_id: keys.alipay.sellerId, out_trade_no: input.outTradeNo, trade_status: 'TRADE_SUCCESS', total_amount: '129.00', sign_type: 'RSA2' });
    const sdk = new AlipaySdk({
      appId: keys.alipay.appId, keyType: 'PKCS8',
      privateKey: keys.alipay.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      alipayPublicKey: keys.alipay.alipayPublicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    expect(sdk.checkNotifySign(params)).toBe(true);
    expect(sdk.checkNotifySignV2(params)).toBe(true);
    expect(sdk.checkNotifySignV2({ ...params, total_amount: '0.01' })).toBe(false);
    const otherKey = new AlipaySdk({ appId: keys.alipay.appId, keyType: 'PKCS8', privateKey: keys.alipay.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      alipayPublicKey: keys.simulator!.alipay.appPublicKey.export({ type: 'spki', format: 'pem' }).toString() });
    expect(otherKey.checkNotifySignV2(params)).toBe(false);
  });

  it('the simulated gateways accept what the official libraries sign, and refuse bad signatures in the providers\' own formats', async () => {
    // WeChat: a request signed by wechatpay-axios-plugin; the answer verifies with the plugin.
    const { input } = await paidWechat();
    const path = `/sim/wechatpay/v3/pay/transactions/out-trade-no/${input.outTradeNo}?mchid=${keys.wechatpay.mchid}`;
    const ts = Formatter.timestamp();
    const nonce = Formatter.nonce();
    const auth = Formatter.authorization(keys.wechatpay.mchid, nonce, Rsa.sign(Formatter.request('GET', path, ts, nonce, ''), keys.wechatpay.privateKey), ts, keys.wechatpay.serial);
    const ok = await koi.app.inject({ method: 'GET', url: path, headers: { authorization: auth, accept: 'application/json' } });
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ trade_state: 'SUCCESS', out_trade_no: input.outTradeNo });
    const rh = ok.headers as Record<string, string>;
    expect(Rsa.verify(Formatter.response(rh['wechatpay-timestamp']!, rh['wechatpay-nonce']!, ok.body), rh['wechatpay-signature']!, keys.wechatpay.platformPublicKey)).toBe(true);
    const forged = Formatter.authorization(keys.wechatpay.mchid, nonce, Rsa.sign(Formatter.request('GET', path, ts, nonce, ''), keys.simulator!.wechatpay.platformPrivateKey), ts, keys.wechatpay.serial);
    const bad = await koi.app.inject({ method: 'GET', url: path, headers: { authorization: forged } });
    expect(bad.statusCode).toBe(401);
    expect(JSON.parse(bad.body)).toMatchObject({ code: 'SIGN_ERROR' });
    const stale = Formatter.authorization(keys.wechatpay.mchid, nonce, Rsa.sign(Formatter.request('GET', path, ts - 600, nonce, ''), keys.wechatpay.privateKey), ts - 600, keys.wechatpay.serial);
    expect((await koi.app.inject({ method: 'GET', url: path, headers: { authorization: stale } })).statusCode).toBe(401);

    // Alipay: a WAP pay URL built by alipay-sdk opens the simulated cashier; a changed amount does not.
    const sdk = new AlipaySdk({
      appId: keys.alipay.appId, keyType: 'PKCS8', gateway: keys.alipay.gateway,
      privateKey: keys.alipay.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      alipayPublicKey: keys.alipay.alipayPublicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    // The SDK writes `timestamp` in the process's local time, assuming a server in China, as Alipay expects.
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    let url: string;
    try {
      url = sdk.pageExecute('alipay.trade.wap.pay', 'GET', {
        bizContent: { out_trade_no: `SDK${Date.now()}`, total_amount: '66.60', subject: '紫砂壶', product_code: 'QUICK_WAP_WAY' },
        notifyUrl: `${koi.config.publicUrl}/api/payment/notify/alipay`,
      });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const page = await koi.app.inject({ method: 'GET', url: localPath(koi, url) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('¥66.60');
    const tampered = await koi.app.inject({ method: 'GET', url: localPath(koi, url.replace('66.60', '0.01')) });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('isv.invalid-signature');
    // An API call with a bad signature gets Alipay's JSON error, signed by Alipay.
    const api = await koi.app.inject({
      method: 'POST', url: '/sim/alipay/gateway.do', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ app_id: keys.alipay.appId, method: 'alipay.trade.query', charset: 'utf-8', sign_type: 'RSA2', timestamp: '2026-01-01 00:00:00', version: '1.0', biz_content: '{}', sign: 'AAAA' }).toString(),
    });
    expect(JSON.parse(api.body).alipay_trade_query_response).toMatchObject({ code: '40002', sub_code: 'isv.invalid-signature' });
  });

  it('our notify routes refuse a tampered body, another key and a stale timestamp (WeChat), and a tampered or foreign-signed notify (Alipay)', async () => {
    const w = await paidWechat();
    const req = await sim().notifications.signedRequest(w.notificationId);
    const url = '/api/payment/notify/wechatpay';
    const tampered = await post(url, req.headers!, req.body!.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" '));
    expect(tampered.statusCode).toBe(401);
    expect(JSON.parse(tampered.body)).toEqual({ code: 'FAIL', message: 'bad_signature' });
    const foreign = wechatCallback({}, { signer: 'merchant' });
    expect((await post(url, foreign.headers, foreign.body)).statusCode).toBe(401);
    const stale = wechatCallback({}, { at: new Date(clock.now().getTime() - 6 * 60_000) });
    const staleRes = await post(url, stale.headers, stale.body);
    expect(staleRes.statusCode).toBe(401);
    expect(JSON.parse(staleRes.body).message).toBe('stale_timestamp');
    expect((await koi.payment.paymentsOf('order', w.input.payableId)).intents[0]!.state).toBe('open');

    const a = await paidAlipay();
    const areq = await sim().notifications.signedRequest(a.notificationId);
    const aurl = '/api/payment/notify/alipay';
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await post(aurl, form, areq.body!.replace('total_amount=129.00', 'total_amount=1.00'))).body).toBe('fail');
    const params = Object.fromEntries(new URLSearchParams(areq.body!).entries());
    const byApp = signNotify({ ...params }, keys.wechatpay.privateKey);
    expect((await post(aurl, form, new URLSearchParams(byApp).toString())).body).toBe('fail');
    expect((await koi.payment.paymentsOf('order', a.input.payableId)).intents[0]!.state).toBe('open');
    // The genuine ones are taken.
    expect((await post(url, req.headers!, req.body!)).statusCode).toBe(204);
    expect((await post(aurl, form, areq.body!)).body).toBe('success');
    // Unverified bodies are not believed, so those rejections are logged without a trade number.
    expect((await callbacksOf(koi, w.input.outTradeNo)).map((c) => c.outcome)).toEqual(['applied']);
    const unverified = await koi.db.rows<{ reason: string }>(sql`select reason from payment_callbacks where out_trade_no is null and outcome = 'rejected' order by received_at`);
    expect(unverified.map((r) => r.reason)).toEqual(expect.arrayContaining(['bad_signature', 'stale_timestamp']));
    expect(unverified.length).toBeGreaterThanOrEqual(3);
  });

  it('20 concurrent duplicate callbacks: paid once, payment.succeeded published once (WeChat and Alipay)', async () => {
    for (const paid of [await paidWechat(), await paidAlipay()]) {
      const req = await sim().notifications.signedRequest(paid.notificationId);
      const path = localPath(koi, req.url);
      const answers = await Promise.all(Array.from({ length: 20 }, () => post(path, req.headers!, req.body!)));
      for (const a of answers) expect(a.statusCode === 204 || a.body === 'success').toBe(true);
      expect(await succeededFor(paid.started.intentId)).toHaveLength(1);
      const [intent] = (await koi.payment.paymentsOf('order', paid.input.payableId)).intents;
      expect(intent).toMatchObject({ state: 'paid', transactionId: paid.trade.transactionId });
      const log = await callbacksOf(koi, paid.input.outTradeNo);
      expect(log.filter((c) => c.outcome === 'applied')).toHaveLength(1);
      expect(log.filter((c) => c.outcome === 'duplicate')).toHaveLength(19);
    }
  });

  it('an amount or merchant that is not ours is rejected, logged and marks nothing paid', async () => {
    const w = await paidWechat();
    const base = {
      appid: keys.wechatpay.appId, mchid: keys.wechatpay.mchid, out_trade_no: w.input.outTradeNo, transaction_id: '4200000000202611220000000001',
      trade_type: 'MWEB', trade_state: 'SUCCESS', trade_state_desc: '支付成功', success_time: rfc3339Beijing(clock.now()), payer: { openid: 'o1' },
      amount: { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' },
    };
    const url = '/api/payment/notify/wechatpay';
    const cheap = wechatCallback(base);
    const res = await post(url, cheap.headers, cheap.body);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ code: 'FAIL', message: 'amount_mismatch' });
    const other = wechatCallback({ ...base, mchid: '1900000999', amount: { ...base.amount, total: w.input.amountFen } });
    expect(JSON.parse((await post(url, other.headers, other.body)).body).message).toBe('merchant_mismatch');
    const otherApp = wechatCallback({ ...base, appid: 'wx0000000000000000', amount: { ...base.amount, total: w.input.amountFen } });
    expect(JSON.parse((await post(url, otherApp.headers, otherApp.body)).body).message).toBe('merchant_mismatch');

    const a = await paidAlipay();
    const params = Object.fromEntries(new URLSearchParams((await sim().notifications.signedRequest(a.notificationId)).body!).entries()) as Params;
    const { sign: _s, ...unsigned } = params;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const send = (p: Params) => post('/api/payment/notify/alipay', form, new URLSearchParams(signNotify(p, keys.simulator!.alipay.alipayPrivateKey)).toString());
    expect((await send({ ...unsigned, total_amount: '12.90' })).body).toBe('fail');
    expect((await send({ ...unsigned, seller_id: '2088000000000000' })).body).toBe('fail');
    expect((await send({ ...unsigned, app_id: '2021000000000000' })).body).toBe('fail');

    for (const p of [w, a]) {
      expect((await koi.payment.paymentsOf('order', p.input.payableId)).intents[0]!.state).toBe('open');
      expect(await succeededFor(p.started.intentId)).toHaveLength(0);
    }
    expect((await callbacksOf(koi, w.input.outTradeNo)).map((c) => c.reason)).toEqual(['amount_mismatch', 'merchant_mismatch', 'merchant_mismatch']);
    expect((await callbacksOf(koi, a.input.outTradeNo)).map((c) => c.reason)).toEqual(['amount_mismatch', 'merchant_mismatch', 'merchant_mismatch']);
    // The genuine callbacks still work afterwards.
    expect(await sim().notifications.deliver(w.notificationId)).toBe('delivered');
    expect(await sim().notifications.deliver(a.notificationId)).toBe('delivered');
    expect(await succeededFor(w.started.intentId)).toHaveLength(1);
    expect(await succeededFor(a.started.intentId)).toHaveLength(1);
  });
});
