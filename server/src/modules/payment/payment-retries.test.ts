import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PaymentEvents, type TPaymentSucceededEvent, type TPayChannel } from '@koi/contracts';
import { DB_KINDS, startKoi, type TestKoi } from '../../../test/harness.ts';
import { clock } from '../../platform/clock.ts';
import { applyPaid } from './apply-payment.ts';
import { RETRY_SCHEDULE_SECONDS } from './providers/notify-schedule.rules.ts';
import { eventsOf, localPath, orderPayment } from './payment.fixtures.ts';

// Koi "cannot process" a callback when applying it throws (a database outage, say): the route answers failure.
vi.mock('./apply-payment.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./apply-payment.ts')>();
  return { ...real, applyPaid: vi.fn(real.applyPaid) };
});

describe.each(DB_KINDS)('simulated providers retry unacknowledged callbacks on their schedules (%s)', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
  });
  afterAll(async () => {
    vi.mocked(applyPaid).mockReset();
    await koi.dispose();
  });

  /** A trade paid at the simulator, callback owed. */
  async function owed(channel: TPayChannel) {
    const input = orderPayment(koi, channel);
    const started = await koi.payment.startPayment(undefined, input);
    const url = started.action.kind === 'redirect' ? started.action.url : '';
    const sim = koi.payment.simulators!;
    let notificationId: string | null;
    if (channel === 'wechat_h5') {
      ({ notificationId } = await sim.wechatpay.pay(new URL(url).searchParams.get('prepay_id')!));
    } else {
      const page = await koi.app.inject({ method: 'GET', url: localPath(koi, url) });
      ({ notificationId } = await sim.alipay.pay(/name="handle" value="([^"]+)"/.exec(page.body)![1]!));
    }
    return { input, started, id: notificationId! };
  }
  const paidEvents = async (intentId: string) => (await eventsOf<TPaymentSucceededEvent>(koi, PaymentEvents.succeeded)).filter((e) => e.intentId === intentId);

  it('WeChat: a failed callback comes again 15 s later, not before, and then the payment is recorded once', async () => {
    clock.set(new Date());
    const { input, started, id } = await owed('wechat_h5');
    const sim = koi.payment.simulators!.notifications;
    vi.mocked(applyPaid).mockRejectedValueOnce(new Error('database is restarting'));
    expect(await sim.deliver(id)).toBe('retry_scheduled');
    expect(await sim.status(id)).toMatchObject({ attempts: 1, delivered: false, lastStatus: 500, nextAttemptAt: new Date(clock.now().getTime() + 15_000) });
    expect((await koi.payment.paymentsOf('order', input.payableId)).intents[0]!.state).toBe('open');

    clock.advance(14_000);
    expect((await sim.runDue()).delivered).toBe(0);
    clock.advance(1_000);
    expect(await sim.runDue()).toMatchObject({ delivered: 1 });
    expect(await sim.status(id)).toMatchObject({ attempts: 2, delivered: true, lastStatus: 204 });
    expect(await paidEvents(started.intentId)).toHaveLength(1);
  });

  it('WeChat: 16 attempts in all, at 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h, then it gives up', async () => {
    clock.set(new Date());
    const { id } = await owed('wechat_h5');
    const sim = koi.payment.simulators!.notifications;
    vi.mocked(applyPaid).mockRejectedValue(new Error('down for a day'));
    const gaps: number[] = [];
    expect(await sim.deliver(id)).toBe('retry_scheduled');
    for (;;) {
      const s = (await sim.status(id))!;
      if (!s.nextAttemptAt) break;
      const gap = s.nextAttemptAt.getTime() - clock.now().getTime();
      gaps.push(gap / 1000);
      clock.advance(gap - 1);
      await sim.runDue();
      expect((await sim.status(id))!.attempts).toBe(s.attempts); // not a millisecond early
      clock.advance(1);
      await sim.runDue();
    }
    vi.mocked(applyPaid).mockReset();
    expect(gaps).toEqual([...RETRY_SCHEDULE_SECONDS.wechatpay]);
    expect(await sim.status(id)).toMatchObject({ attempts: 16, delivered: false, gaveUp: true });
  });

  it('Alipay: a `fail` answer brings the notify again after 4 minutes; eight notifications in all', async () => {
    clock.set(new Date());
    const { started, id } = await owed('alipay_wap');
    const sim = koi.payment.simulators!.notifications;
    vi.mocked(applyPaid).mockRejectedValueOnce(new Error('database is restarting'));
    expect(await sim.deliver(id)).toBe('retry_scheduled');
    expect(await sim.status(id)).toMatchObject({ attempts: 1, lastStatus: 200, nextAttemptAt: new Date(clock.now().getTime() + 240_000) });
    clock.advance(239_000);
    expect((await sim.runDue()).delivered).toBe(0);
    clock.advance(1_000);
    expect((await sim.runDue()).delivered).toBe(1);
    expect(await paidEvents(started.intentId)).toHaveLength(1);

    const other = await owed('alipay_wap');
    vi.mocked(applyPaid).mockRejectedValue(new Error('down'));
    expect(await sim.deliver(other.id)).toBe('retry_scheduled');
    for (const gap of RETRY_SCHEDULE_SECONDS.alipay) {
      clock.advance(gap * 1000);
      await sim.runDue();
    }
    vi.mocked(applyPaid).mockReset();
    expect(await sim.status(other.id)).toMatchObject({ attempts: 8, gaveUp: true, delivered: false });
  });
});
