import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rsa } from 'wechatpay-axios-plugin';
import { PaymentEvents, type TPaymentSucceededEvent } from '@koi/contracts';
import { DB_KINDS, startKoi, type TestKoi } from '../../../test/harness.ts';
import { clock } from '../../platform/clock.ts';
import { jsapiPayMessage } from './providers/wechatpay.protocol.ts';
import { simulatorKeys } from './providers/keys.ts';
import { eventsOf, localPath, orderPayment, payInCashier } from './payment.fixtures.ts';

describe.each(DB_KINDS)('payments end to end through the simulators on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
  });
  afterAll(async () => koi.dispose());

  const succeededFor = async (intentId: string) =>
    (await eventsOf<TPaymentSucceededEvent>(koi, PaymentEvents.succeeded)).filter((e) => e.intentId === intentId);

  it('WeChat H5: h5_url → cashier (merchant, ¥, description) → 确认支付 → back to redirect_url, paid once', async () => {
    const input = orderPayment(koi, 'wechat_h5');
    const started = await koi.payment.startPayment(undefined, input);
    expect(started.action.kind).toBe('redirect');
    const url = started.action.kind === 'redirect' ? started.action.url : '';
    expect(url).toContain('/sim/wechatpay/checkmweb?prepay_id=wx');
    expect(url).toContain(`&redirect_url=${encodeURIComponent(input.returnUrl!)}`);

    const { page, res } = await payInCashier(koi, url);
    expect(page.body).toContain('青瓷小筑');
    expect(page.body).toContain('¥129.00');
    expect(page.body).toContain('汝窑天青盖碗');
    expect(page.body).toContain('确认支付');
    expect(page.body).toContain('取消支付');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(input.returnUrl);

    const [view] = (await koi.payment.paymentsOf('order', input.payableId)).intents;
    expect(view).toMatchObject({ intentId: started.intentId, state: 'paid', amountFen: 12_900, outTradeNo: input.outTradeNo, provider: 'wechatpay' });
    const events = await succeededFor(started.intentId);
    expect(events).toEqual([expect.objectContaining({
      intentId: started.intentId, payableType: 'order', payableId: input.payableId, outTradeNo: input.outTradeNo, amountFen: 12_900,
      provider: 'wechatpay', transactionId: view!.transactionId,
    })]);
    expect(events[0]!.transactionId).toMatch(/^4200\d{24}$/);
    // Paying again is refused at once, without a provider round trip.
    await expect(koi.payment.startPayment(undefined, input)).rejects.toMatchObject({ code: 'payment.already_paid' });
  });

  it('WeChat JSAPI: params for uni.requestPayment, paySign verifiable with the merchant key; the H5 preview cashier pays it', async () => {
    await expect(koi.payment.startPayment(undefined, orderPayment(koi, 'wechat_jsapi', { openid: undefined }))).rejects.toMatchObject({ code: 'payment.openid_required' });
    const input = orderPayment(koi, 'wechat_jsapi');
    const started = await koi.payment.startPayment(undefined, input);
    if (started.action.kind !== 'jsapi') throw new Error('expected jsapi');
    const p = started.action.params;
    expect(p).toMatchObject({ appId: koi.config.payment.wechatpay.appId, signType: 'RSA' });
    expect(p.package).toMatch(/^prepay_id=wx\d{8}/);
    const keys = await simulatorKeys(koi.db, koi.config, koi.config.publicUrl);
    expect(Rsa.verify(jsapiPayMessage(p), p.paySign, keys.simulator!.wechatpay.merchantPublicKey)).toBe(true);
    // A forged paySign is refused by the simulated WeChat client.
    const forged = new URL(started.action.cashierUrl!);
    forged.searchParams.set('paySign', Rsa.sign('x', keys.simulator!.wechatpay.platformPrivateKey));
    expect((await koi.app.inject({ method: 'GET', url: localPath(koi, forged.toString()) })).statusCode).toBe(400);

    const { res } = await payInCashier(koi, started.action.cashierUrl!);
    expect(res.statusCode).toBe(303);
    expect((await succeededFor(started.intentId))).toHaveLength(1);
  });

  it('WeChat Native: code_url opens the cashier; the result page says paid', async () => {
    const started = await koi.payment.startPayment(undefined, orderPayment(koi, 'wechat_native', { amountFen: 1 }));
    if (started.action.kind !== 'qr') throw new Error('expected qr');
    expect(started.action.codeUrl).toContain('/sim/wechatpay/native?pr=');
    const { page, res } = await payInCashier(koi, started.action.codeUrl);
    expect(page.body).toContain('¥0.01');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('支付成功');
    expect(await succeededFor(started.intentId)).toHaveLength(1);
  });

  it('Alipay WAP and page: the signed gateway URL opens the cashier; paying returns to return_url with Alipay-signed parameters', async () => {
    for (const channel of ['alipay_wap', 'alipay_page'] as const) {
      const input = orderPayment(koi, channel, { amountFen: 8_888 });
      const started = await koi.payment.startPayment(undefined, input);
      if (started.action.kind !== 'redirect') throw new Error('expected redirect');
      const params = new URL(started.action.url).searchParams;
      expect(params.get('method')).toBe(channel === 'alipay_wap' ? 'alipay.trade.wap.pay' : 'alipay.trade.page.pay');
      expect(JSON.parse(params.get('biz_content')!)).toMatchObject({ out_trade_no: input.outTradeNo, total_amount: '88.88' });
      const { page, res } = await payInCashier(koi, started.action.url);
      expect(page.body).toContain('¥88.88');
      expect(page.body).toContain('支付宝');
      expect(res.statusCode).toBe(303);
      const back = new URL(res.headers.location as string);
      expect(back.origin + back.pathname).toBe(new URL(input.returnUrl!).origin + '/');
      expect(back.searchParams.get('out_trade_no')).toBe(input.outTradeNo);
      expect(back.searchParams.get('sign')).toBeTruthy();
      const events = await succeededFor(started.intentId);
      expect(events).toEqual([expect.objectContaining({ provider: 'alipay', amountFen: 8_888, outTradeNo: input.outTradeNo })]);
    }
  });

  it('pay again reuses the open trade; a new amount or channel closes it and opens the next trade number', async () => {
    const input = orderPayment(koi, 'wechat_h5');
    const first = await koi.payment.startPayment(undefined, input);
    const again = await koi.payment.startPayment(undefined, { ...input, clientIp: '10.9.9.9' });
    expect(again.intentId).toBe(first.intentId);
    const repriced = await koi.payment.startPayment(undefined, { ...input, amountFen: 9_900 });
    expect(repriced.intentId).not.toBe(first.intentId);
    const switched = await koi.payment.startPayment(undefined, { ...input, amountFen: 9_900, channel: 'alipay_wap' });
    const { intents } = await koi.payment.paymentsOf('order', input.payableId);
    expect(intents.map((i) => [i.outTradeNo, i.channel, i.amountFen, i.state])).toEqual([
      [input.outTradeNo, 'wechat_h5', 12_900, 'closed'],
      [`${input.outTradeNo}_2`, 'wechat_h5', 9_900, 'closed'],
      [`${input.outTradeNo}_3`, 'alipay_wap', 9_900, 'open'],
    ]);
    expect(switched.intentId).toBe(intents[2]!.intentId);
    // The old trade is closed at the provider too: its cashier no longer takes money.
    const old = first.action.kind === 'redirect' ? first.action.url : '';
    const page = await koi.app.inject({ method: 'GET', url: localPath(koi, old) });
    expect(page.body).toContain('订单已关闭');
  });

  it('a double tap on 去支付: concurrent starts for one payable share one intent and one trade', async () => {
    const input = orderPayment(koi, 'wechat_native');
    const results = await Promise.all(Array.from({ length: 6 }, () => koi.payment.startPayment(undefined, input)));
    expect(new Set(results.map((r) => r.intentId)).size).toBe(1);
    const { intents } = await koi.payment.paymentsOf('order', input.payableId);
    expect(intents.map((i) => [i.outTradeNo, i.state])).toEqual([[input.outTradeNo, 'open']]);
  });

  it('refuses an amount of zero or less, a bad trade number and a past deadline with clear errors', async () => {
    for (const amountFen of [0, -100, 1.5]) {
      await expect(koi.payment.startPayment(undefined, orderPayment(koi, 'wechat_h5', { amountFen }))).rejects.toMatchObject({ code: 'payment.amount_invalid', status: 422 });
    }
    await expect(koi.payment.startPayment(undefined, orderPayment(koi, 'wechat_h5', { outTradeNo: 'A-1' }))).rejects.toMatchObject({ code: 'payment.trade_no_invalid' });
    await expect(koi.payment.startPayment(undefined, orderPayment(koi, 'wechat_h5', { expiresAt: clock.now() }))).rejects.toMatchObject({ code: 'payment.expired' });
  });

  it('closePayable closes open trades at the provider; a trade paid meanwhile is recorded as paid and published once', async () => {
    const input = orderPayment(koi, 'wechat_native');
    const started = await koi.payment.startPayment(undefined, input);
    await koi.payment.closePayable('order', input.payableId);
    expect((await koi.payment.paymentsOf('order', input.payableId)).intents.map((i) => [i.intentId, i.state])).toEqual([[started.intentId, 'closed']]);
    const atProvider = await koi.payment.simulators!.trades.byNo('wechatpay', koi.config.payment.wechatpay.mchid, input.outTradeNo);
    expect(atProvider!.state).toBe('closed');

    // Paid at the provider, but the callback has not arrived yet when the order closes.
    const late = orderPayment(koi, 'wechat_h5');
    const s2 = await koi.payment.startPayment(undefined, late);
    const handle = new URL(s2.action.kind === 'redirect' ? s2.action.url : '').searchParams.get('prepay_id')!;
    const { notificationId } = await koi.payment.simulators!.wechatpay.pay(handle);
    expect(notificationId).toBeTruthy();
    await koi.payment.closePayable('order', late.payableId);
    expect((await koi.payment.paymentsOf('order', late.payableId)).intents.map((i) => [i.intentId, i.state])).toEqual([[s2.intentId, 'paid']]);
    expect(await succeededFor(s2.intentId)).toHaveLength(1);
    // The callback that follows changes nothing.
    await koi.payment.simulators!.notifications.deliver(notificationId!);
    expect(await succeededFor(s2.intentId)).toHaveLength(1);
  });

  it('queryAndSync is the fallback when no callback comes', async () => {
    const input = orderPayment(koi, 'alipay_wap');
    const started = await koi.payment.startPayment(undefined, input);
    // Not opened yet: Alipay has no trade; the intent stays open.
    expect((await koi.payment.queryAndSync(started.intentId)).state).toBe('open');
    const url = started.action.kind === 'redirect' ? started.action.url : '';
    const page = await koi.app.inject({ method: 'GET', url: localPath(koi, url) });
    const handle = /name="handle" value="([^"]+)"/.exec(page.body)![1]!;
    await koi.payment.simulators!.alipay.pay(handle); // paid; the notify is owed but not delivered
    const synced = await koi.payment.queryAndSync(started.intentId);
    expect(synced).toMatchObject({ state: 'paid', amountFen: input.amountFen });
    expect(await koi.payment.queryAndSync(started.intentId)).toMatchObject({ state: 'paid' });
    expect(await succeededFor(started.intentId)).toHaveLength(1);
    await expect(koi.payment.queryAndSync('00000000-0000-7000-8000-000000000000')).rejects.toMatchObject({ code: 'resource.not_found' });
  });

  it('works when called inside a transaction (an event subscriber): the simulator joins it instead of waiting for it', async () => {
    const input = orderPayment(koi, 'wechat_native');
    const started = await koi.db.tx(async (q) => koi.payment.startPayment(q, input));
    await koi.db.tx(async () => koi.payment.closePayable('order', input.payableId));
    expect((await koi.payment.paymentsOf('order', input.payableId)).intents.map((i) => [i.intentId, i.state])).toEqual([[started.intentId, 'closed']]);
    // The order module refunds a late payment from its subscriber's transaction.
    const paid = orderPayment(koi, 'wechat_native');
    const s2 = await koi.payment.startPayment(undefined, paid);
    await payInCashier(koi, s2.action.kind === 'qr' ? s2.action.codeUrl : '');
    const refunded = await koi.db.tx(async () => koi.payment.refund({ payableType: 'order', payableId: paid.payableId, refundNo: `LATE${paid.outTradeNo}`, amountFen: paid.amountFen, reason: '订单已关闭，自动退款' }));
    expect(refunded.status).toBe('processing');
    expect((await koi.payment.simulators!.notifications.runDue()).delivered).toBeGreaterThanOrEqual(1);
    expect((await koi.payment.paymentsOf('order', paid.payableId)).refunds[0]).toMatchObject({ refundId: refunded.refundId, status: 'succeeded' });
  });
});
