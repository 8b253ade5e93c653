import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FulfilmentEvents } from '@koi/contracts';
import { call, DB_KINDS, lastSmsCode, startKoi, type TestKoi } from './harness.ts';
import { publish } from '../src/platform/events.ts';
import { newId } from '../src/platform/ids.ts';
import { sendsOf } from './notifications-fixtures.ts';

async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(DB_KINDS)('notifications through the job queue on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false, workers: true });
  }, 120_000);
  afterAll(async () => koi?.dispose());

  it('the outbox dispatcher and the messaging.deliver job send a notification with no one calling them', async () => {
    const phone = '13900000201';
    await call(koi, 'POST', '/api/shop/auth/otp', { phone }, { ip: '10.2.0.1' });
    const login = await call(koi, 'POST', '/api/shop/auth/login/phone', { phone, code: await lastSmsCode(koi, phone) }, { ip: '10.2.0.1' });
    const me = await call(koi, 'GET', '/api/shop/me', undefined, { token: login.body.token });
    await koi.db.tx((q) => publish(q, FulfilmentEvents.delivered, { shipmentId: newId(), orderId: newId(), orderNo: 'KO2026112299100', customerId: me.body.id, at: new Date().toISOString() }));
    const sms = await until(async () => (await koi.messaging.simulatedSms!({ phone })).find((m) => m.text.includes('KO2026112299100')));
    expect(sms.text).toBe('【青瓷小筑】您的订单KO2026112299100已送达，请及时查收。');
    const [send] = (await sendsOf(koi, me.body.id)).filter((s) => s.channel === 'sms');
    expect(send).toMatchObject({ status: 'sent', attempts: 1 });
  }, 60_000);
});
