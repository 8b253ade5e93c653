import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startKoi, type TestKoi } from '../../../test/harness.ts';
import { orderPayment } from './payment.fixtures.ts';

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not met in time');
}

describe.each(DB_KINDS)('simulator callbacks through the durable job queue on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false, workers: true });
  });
  afterAll(async () => koi.dispose());

  it('an owed callback is delivered by a pg-boss job, with no request to carry it', async () => {
    const input = orderPayment(koi, 'wechat_h5');
    const started = await koi.payment.startPayment(undefined, input);
    const handle = new URL(started.action.kind === 'redirect' ? started.action.url : '').searchParams.get('prepay_id')!;
    const { notificationId } = await koi.payment.simulators!.wechatpay.pay(handle); // no inline delivery
    await until(async () => (await koi.payment.paymentsOf('order', input.payableId)).intents[0]!.state === 'paid');
    expect(await koi.payment.simulators!.notifications.status(notificationId!)).toMatchObject({ delivered: true, attempts: 1 });
  });
});
