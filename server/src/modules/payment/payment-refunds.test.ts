import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentEvents, type TPaymentRefundEvent, type TPaymentRefundFailedEvent, type TPayChannel } from '@koi/contracts';
import { DB_KINDS, startKoi, type TestKoi } from '../../../test/harness.ts';
import { simulatorKeys } from './providers/keys.ts';
import { wechatpayProvider } from './providers/wechatpay.ts';
import { koiWire } from './providers/wire.ts';
import { callbacksOf, eventsOf, orderPayment, payInCashier } from './payment.fixtures.ts';

describe.each(DB_KINDS)('refunds on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
  });
  afterAll(async () => koi.dispose());

  let n = 0;
  const refundNo = () => `RF${Date.now()}${n++}`;
  async function paid(channel: TPayChannel = 'wechat_h5', amountFen = 12_900) {
    const input = orderPayment(koi, channel, { amountFen });
    const started = await koi.payment.startPayment(undefined, input);
    const url = started.action.kind === 'redirect' ? started.action.url : started.action.kind === 'qr' ? started.action.codeUrl : '';
    await payInCashier(koi, url);
    const [intent] = (await koi.payment.paymentsOf('order', input.payableId)).intents;
    expect(intent!.state).toBe('paid');
    return { input, intent: intent! };
  }
  const refundEvents = async (topic: string, intentId: string) => (await eventsOf<TPaymentRefundEvent>(koi, topic)).filter((e) => e.intentId === intentId);
  const base = (p: Awaited<ReturnType<typeof paid>>) => ({ payableType: 'order', payableId: p.input.payableId, reason: '买家申请退款' });

  it('WeChat: a partial refund is processing until the refund callback, then payment.refund_succeeded once; idempotent by refund number', async () => {
    const p = await paid();
    const no = refundNo();
    const first = await koi.payment.refund({ ...base(p), refundNo: no, amountFen: 3_000 });
    expect(first.status).toBe('processing');
    expect(await koi.payment.simulators!.notifications.runDue()).toMatchObject({ delivered: 1 });
    const { refunds, intents } = await koi.payment.paymentsOf('order', p.input.payableId);
    expect(refunds[0]).toMatchObject({ refundId: first.refundId, refundNo: no, status: 'succeeded', amountFen: 3_000 });
    expect(intents[0]!.refundedFen).toBe(3_000);
    expect(await refundEvents(PaymentEvents.refundSucceeded, p.intent.intentId)).toEqual([
      { refundId: first.refundId, refundNo: no, intentId: p.intent.intentId, payableType: 'order', payableId: p.input.payableId, amountFen: 3_000 },
    ]);
    expect(await koi.payment.refund({ ...base(p), refundNo: no, amountFen: 3_000 })).toEqual({ refundId: first.refundId, status: 'succeeded' });
    await expect(koi.payment.refund({ ...base(p), refundNo: no, amountFen: 2_000 })).rejects.toMatchObject({ code: 'payment.refund_no_conflict', status: 409 });
    await expect(koi.payment.refund({ ...base(p), refundNo: refundNo(), amountFen: 9_901 })).rejects.toMatchObject({ code: 'payment.refund_exceeds', params: { remaining: '¥99.00' } });
    // The callback delivered again (a retry) does not publish twice.
    expect(await refundEvents(PaymentEvents.refundSucceeded, p.intent.intentId)).toHaveLength(1);
  });

  it('never more than paid: concurrent refunds racing for the remainder, only those that fit succeed', async () => {
    const p = await paid('wechat_native');
    const two = await Promise.allSettled([7_000, 7_000].map((amountFen) => koi.payment.refund({ ...base(p), refundNo: refundNo(), amountFen })));
    expect(two.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(two.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'payment.refund_exceeds' } });

    const q = await paid('wechat_native', 10_000);
    const many = await Promise.allSettled(Array.from({ length: 8 }, () => koi.payment.refund({ ...base(q), refundNo: refundNo(), amountFen: 3_000 })));
    expect(many.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(many.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === 'payment.refund_exceeds')).toBe(true);
    expect((await koi.payment.paymentsOf('order', q.input.payableId)).intents[0]!.refundedFen).toBe(9_000);
  });

  it('Alipay: the refund succeeds in the answer; the refund notify that follows changes nothing', async () => {
    const p = await paid('alipay_page', 8_888);
    const r = await koi.payment.refund({ ...base(p), refundNo: refundNo(), amountFen: 8_888 });
    expect(r.status).toBe('succeeded');
    expect(await refundEvents(PaymentEvents.refundSucceeded, p.intent.intentId)).toHaveLength(1);
    expect((await koi.payment.simulators!.notifications.runDue()).delivered).toBeGreaterThanOrEqual(1);
    expect((await callbacksOf(koi, p.input.outTradeNo)).map((c) => [c.kind, c.outcome])).toEqual([['paid', 'applied'], ['refund', 'duplicate']]);
    expect(await refundEvents(PaymentEvents.refundSucceeded, p.intent.intentId)).toHaveLength(1);
    await expect(koi.payment.refund({ ...base(p), refundNo: refundNo(), amountFen: 1 })).rejects.toMatchObject({ code: 'payment.refund_exceeds' });
  });

  it('a refund the provider refuses fails with payment.refund_failed and gives its amount back', async () => {
    const p = await paid();
    // Someone refunded the whole payment from the WeChat Pay merchant console, outside Koi.
    const keys = await simulatorKeys(koi.db, koi.config, koi.config.publicUrl);
    const merchantConsole = wechatpayProvider(keys.wechatpay, koiWire(koi.config.publicUrl, () => koi.app));
    expect(await merchantConsole.refund({ outTradeNo: p.input.outTradeNo, transactionId: p.intent.transactionId!, refundNo: 'CONSOLE1', amountFen: 12_900, totalFen: 12_900, reason: '后台退款', notifyUrl: `${koi.config.publicUrl}/api/payment/notify/wechatpay` }))
      .toMatchObject({ state: 'processing' });
    const r = await koi.payment.refund({ ...base(p), refundNo: refundNo(), amountFen: 5_000 });
    expect(r.status).toBe('failed');
    const [failed] = (await eventsOf<TPaymentRefundFailedEvent>(koi, PaymentEvents.refundFailed)).filter((e) => e.intentId === p.intent.intentId);
    expect(failed).toMatchObject({ refundId: r.refundId, amountFen: 5_000 });
    expect(failed!.failureReason).toContain('INVALID_REQUEST');
    expect((await koi.payment.paymentsOf('order', p.input.payableId)).intents[0]!.refundedFen).toBe(0);
  });

  it('refuses what cannot be refunded', async () => {
    const input = orderPayment(koi, 'wechat_h5');
    await koi.payment.startPayment(undefined, input);
    await expect(koi.payment.refund({ payableType: 'order', payableId: input.payableId, refundNo: refundNo(), amountFen: 100, reason: 'x' })).rejects.toMatchObject({ code: 'payment.refund_not_paid' });
    const p = await paid();
    await expect(koi.payment.refund({ ...base(p), refundNo: refundNo(), amountFen: 0 })).rejects.toMatchObject({ code: 'payment.refund_amount_invalid' });
    await expect(koi.payment.refund({ ...base(p), refundNo: 'bad refund no', amountFen: 1 })).rejects.toMatchObject({ code: 'payment.refund_no_invalid' });
    await expect(koi.payment.refund({ ...base(p), intentId: p.intent.intentId, payableId: input.payableId, refundNo: refundNo(), amountFen: 1 })).rejects.toMatchObject({ code: 'resource.not_found' });
  });
});
