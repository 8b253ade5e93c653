import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { AfterSaleEvents, FulfilmentEvents, OrderEvents, type TMessageSend } from '@koi/contracts';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';
import { publish } from '../src/platform/events.ts';
import { newId } from '../src/platform/ids.ts';
import { WECHAT_TEMPLATES } from '../src/modules/messaging/order-templates.rules.ts';
import { MAX_ATTEMPTS, retryDelayMs } from '../src/modules/messaging/deliver.ts';
import { clock } from '../src/platform/clock.ts';
import { bindPhone, orderPaid, sendsOf, wechatShopper } from './notifications-fixtures.ts';

describe.each(DB_KINDS)('order notifications on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;

  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
    // The demo's own events (paid orders) go first, so each test sees only its own.
    while (await koi.bus.dispatchOnce()) { /* drain */ }
    await koi.notifications.deliverDue(500);
  });
  afterAll(async () => koi?.dispose());

  async function emit(topic: string, payload: object): Promise<string> {
    const id = await koi.db.tx((q) => publish(q, topic, payload));
    while (await koi.bus.dispatchOnce()) { /* drain */ }
    await koi.notifications.deliverDue();
    return id;
  }

  async function phoneShopper(phone: string): Promise<{ id: string; token: string }> {
    const token = await shopperToken(koi, phone);
    const me = await call(koi, 'GET', '/api/shop/me', undefined, { token });
    return { id: me.body.id, token };
  }

  it('the demo’s paid orders have their paid notifications in the send log', async () => {
    const paid = await koi.db.rows<{ id: string }>(sql`select id from outbox_events where topic = ${OrderEvents.paid}`);
    expect(paid.length).toBeGreaterThan(0);
    const sent = await koi.db.rows<{ event_id: string }>(sql`select event_id from message_sends where kind = 'order_paid' and status = 'sent'`);
    expect(new Set(sent.map((r) => r.event_id))).toEqual(new Set(paid.map((r) => r.id)));
    const demoInbox = await koi.messaging.simulatedSms!({ phone: '13916880001' });
    expect(demoInbox.some((m) => /您的订单\w+已支付\d+\.\d{2}元/.test(m.text))).toBe(true);
  });

  it('sends each order notification by SMS to a shopper who signed in by phone', async () => {
    const s = await phoneShopper('13900000101');
    const at = new Date().toISOString();
    const base = { orderId: newId(), orderNo: 'KO2026112299001', customerId: s.id, at };
    await emit(OrderEvents.paid, await orderPaid(koi, base, 36800, [2, 1]));
    await emit(FulfilmentEvents.shipped, { ...base, shipmentId: newId(), method: 'express', courierCode: 'SF', courierName: '顺丰速运', trackingNo: 'SF1234567890', lines: [], orderFullyShipped: true });
    await emit(FulfilmentEvents.delivered, { ...base, shipmentId: newId() });
    await emit(FulfilmentEvents.pickupReady, { ...base, storeId: newId(), storeName: '湖滨银泰店', pickupCode: '428193' });
    await emit(AfterSaleEvents.refunded, { ...base, afterSaleId: newId(), afterSaleNo: 'AS2026112200001', amountFen: 12801, lines: [], orderFullyRefunded: false });

    const inbox = await koi.messaging.simulatedSms!({ phone: '13900000101' });
    expect(inbox.map((m) => m.text).reverse().slice(1)).toEqual([
      '【青瓷小筑】您的订单KO2026112299001已支付368.00元，我们会尽快为您安排发货。',
      '【青瓷小筑】您的订单KO2026112299001已发货，顺丰速运运单号SF1234567890。',
      '【青瓷小筑】您的订单KO2026112299001已送达，请及时查收。',
      '【青瓷小筑】您的订单KO2026112299001已可到湖滨银泰店自提，取货码428193。',
      '【青瓷小筑】您的订单KO2026112299001退款128.01元已按原支付方式退回，请注意查收。',
    ]);
    const sends = await sendsOf(koi, s.id);
    expect(sends.filter((x) => x.channel === 'sms').map((x) => [x.kind, x.status, x.attempts])).toEqual([
      ['refund_done', 'sent', 1], ['pickup_ready', 'sent', 1], ['order_delivered', 'sent', 1], ['order_shipped', 'sent', 1], ['order_paid', 'sent', 1],
    ]);
    // No openid: WeChat is passed over, and the log says why.
    expect(sends.filter((x) => x.channel === 'wechat').every((x) => x.status === 'skipped' && x.error === 'no_recipient')).toBe(true);
    expect(sends.every((x) => x.providerId || x.status === 'skipped')).toBe(true);
  });

  it('sends a WeChat subscribe message when the shopper granted one, and uses the grant up', async () => {
    const w = await wechatShopper(koi, 'notify-wx-1');
    const tpl = WECHAT_TEMPLATES.order_paid.templateId;
    const granted = await call(koi, 'POST', '/api/shop/me/notification-subscriptions', { results: { [tpl]: 'accept', [WECHAT_TEMPLATES.order_shipped.templateId]: 'reject' } }, { token: w.token });
    expect(granted.status).toBe(200);
    expect(granted.body.wechatTemplates.find((t: { templateId: string }) => t.templateId === tpl).remaining).toBe(1);

    const at = '2026-11-22T06:30:00.000Z';
    const paid = await orderPaid(koi, { orderNo: 'KO2026112299002', customerId: w.id, at }, 9900, [1]);
    await emit(OrderEvents.paid, paid);
    const received = await koi.notifications.wechatSimulator!.messages({ touser: w.openid });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      templateId: tpl, page: `pages/order/detail?id=${paid.orderId}`,
      data: { character_string1: { value: 'KO2026112299002' }, amount2: { value: '¥99.00' }, thing3: { value: '共1件商品' }, time4: { value: '2026年11月22日 14:30' } },
    });
    const [send] = (await sendsOf(koi, w.id)).filter((x) => x.channel === 'wechat');
    expect(send).toMatchObject({ status: 'sent', recipient: `${w.openid.slice(0, 4)}****${w.openid.slice(-4)}`, providerId: received[0]!.msgid });
    expect(send!.content).toContain('支付金额：¥99.00');

    const after = await call(koi, 'GET', '/api/shop/me/notification-preferences', undefined, { token: w.token });
    expect(after.body.wechatTemplates.find((t: { templateId: string }) => t.templateId === tpl).remaining).toBe(0);
    expect(after.body.reachable).toEqual({ sms: false, wechat: true });
  });

  it('falls back to SMS without a WeChat grant, and when WeChat refuses (43101)', async () => {
    const w = await wechatShopper(koi, 'notify-wx-2');
    await bindPhone(koi, w.id, '13900000102');
    await emit(FulfilmentEvents.delivered, { shipmentId: newId(), orderId: newId(), orderNo: 'KO2026112299003', customerId: w.id, at: new Date().toISOString() });
    let sends = await sendsOf(koi, w.id);
    expect(sends.map((x) => [x.channel, x.status, x.error])).toEqual(expect.arrayContaining([['wechat', 'skipped', 'no_quota'], ['sms', 'sent', null]]));

    // Our count says one grant, WeChat has none (the user revoked it in 设置 → 订阅消息): 43101 → SMS.
    await koi.notifications.preferences.addGrants(w.id, [WECHAT_TEMPLATES.pickup_ready.templateId]);
    const ev = await emit(FulfilmentEvents.pickupReady, { orderId: newId(), orderNo: 'KO2026112299004', customerId: w.id, storeId: newId(), storeName: '静安店', pickupCode: '100200', at: new Date().toISOString() });
    await koi.notifications.deliverDue();
    sends = (await sendsOf(koi, w.id)).filter((x) => x.eventId === ev);
    expect(sends.map((x) => [x.channel, x.status])).toEqual(expect.arrayContaining([['wechat', 'failed'], ['sms', 'sent']]));
    expect(sends.find((x) => x.channel === 'wechat')!.error).toMatch(/^43101/);
    expect((await koi.notifications.preferences.quotas(w.id)).get(WECHAT_TEMPLATES.pickup_ready.templateId)).toBe(0);
    expect((await koi.messaging.simulatedSms!({ phone: '13900000102' }))[0]!.text).toContain('取货码100200');
  });

  it('honours consent: a channel turned off is not used, and the change is recorded', async () => {
    const s = await phoneShopper('13900000103');
    const before = await call(koi, 'GET', '/api/shop/me/notification-preferences', undefined, { token: s.token });
    expect(before.body).toMatchObject({ transactional: { wechat: true, sms: true }, marketing: { wechat: false, sms: false } });
    const put = await call(koi, 'PUT', '/api/shop/me/notification-preferences', { transactional: { sms: false } }, { token: s.token });
    expect(put.status).toBe(200);
    expect(put.body.transactional).toEqual({ wechat: true, sms: false });
    const smsBefore = (await koi.messaging.simulatedSms!({ phone: '13900000103' })).length;

    await emit(OrderEvents.paid, await orderPaid(koi, { orderNo: 'KO2026112299005', customerId: s.id, at: new Date().toISOString() }, 100, [1]));
    expect(await koi.messaging.simulatedSms!({ phone: '13900000103' })).toHaveLength(smsBefore);
    const sends = await sendsOf(koi, s.id);
    expect(sends.filter((x) => x.kind === 'order_paid').map((x) => [x.channel, x.status, x.error])).toEqual(expect.arrayContaining([['sms', 'skipped', 'no_consent']]));
    expect(sends.some((x) => x.status === 'sent' && x.kind === 'order_paid')).toBe(false);

    // Same value again is not a change; the log has the one withdrawal with its time and channel.
    await call(koi, 'PUT', '/api/shop/me/notification-preferences', { transactional: { sms: false } }, { token: s.token });
    const log = await koi.notifications.preferences.consentLog(s.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ purpose: 'transactional', channel: 'sms', granted: false, source: 'shop' });
    expect(Date.parse(log[0]!.at)).not.toBeNaN();

    const bad = await call(koi, 'PUT', '/api/shop/me/notification-preferences', { transactional: { fax: true } }, { token: s.token });
    expect(bad.status).toBe(400);
    const noWechat = await call(koi, 'POST', '/api/shop/me/notification-subscriptions', { results: { [WECHAT_TEMPLATES.order_paid.templateId]: 'accept' } }, { token: s.token });
    expect(noWechat.status).toBe(422);
    expect(noWechat.body.code).toBe('messaging.wechat_not_bound');
  });

  it('a redelivered event sends once', async () => {
    const s = await phoneShopper('13900000104');
    const payload = await orderPaid(koi, { orderNo: 'KO2026112299006', customerId: s.id, at: new Date().toISOString() }, 5000, [1]);
    const ev = await emit(OrderEvents.paid, payload);
    // The outbox delivers again (as after a crash before it marked the event dispatched) …
    await koi.db.run((q) => q.execute(sql`update outbox_events set dispatched_at = null, claimed_until = null where id = ${ev}`));
    while (await koi.bus.dispatchOnce()) { /* drain */ }
    // … and a subscriber that had lost its handled-record calls notify again.
    await koi.db.tx((q) => koi.notifications.notify(q, { eventId: ev, customerId: s.id, data: { kind: 'order_paid', orderId: payload.orderId, orderNo: payload.orderNo, amountFen: 5000, itemCount: 1, at: payload.at } }));
    await koi.notifications.deliverDue();
    expect((await koi.messaging.simulatedSms!({ phone: '13900000104' })).filter((m) => m.text.includes('KO2026112299006'))).toHaveLength(1);
    expect((await sendsOf(koi, s.id)).filter((x) => x.eventId === ev && x.channel === 'sms')).toHaveLength(1);
  });

  it('refreshes the WeChat access token once when WeChat says it is invalid (40001)', async () => {
    const w = await wechatShopper(koi, 'notify-wx-3');
    const tpl = WECHAT_TEMPLATES.order_shipped.templateId;
    await call(koi, 'POST', '/api/shop/me/notification-subscriptions', { results: { [tpl]: 'accept' } }, { token: w.token });
    await call(koi, 'POST', '/api/shop/me/notification-subscriptions', { results: { [tpl]: 'accept' } }, { token: w.token });
    const ship = (no: string) => ({ shipmentId: newId(), orderId: newId(), orderNo: no, customerId: w.id, method: 'local_delivery', courierCode: null, courierName: null, trackingNo: null, lines: [], orderFullyShipped: true, at: new Date().toISOString() });
    await emit(FulfilmentEvents.shipped, ship('KO2026112299007'));
    const fetches = koi.notifications.wechat.tokenFetches();
    koi.notifications.wechatSimulator!.expireTokens();
    await emit(FulfilmentEvents.shipped, ship('KO2026112299008'));
    expect(koi.notifications.wechat.tokenFetches()).toBe(fetches + 1);
    const received = await koi.notifications.wechatSimulator!.messages({ touser: w.openid });
    expect(received.map((m) => m.data.character_string1!.value).sort()).toEqual(['KO2026112299007', 'KO2026112299008']);
    expect(received[0]!.data.thing2!.value).toBe('同城配送');
    expect((await sendsOf(koi, w.id)).filter((x) => x.channel === 'wechat').every((x) => x.status === 'sent' && x.attempts === 1)).toBe(true);
  });

  it('retries a busy WeChat later, and gives up to SMS after the last attempt', async () => {
    const w = await wechatShopper(koi, 'notify-wx-4');
    await bindPhone(koi, w.id, '13900000105');
    const tpl = WECHAT_TEMPLATES.order_delivered.templateId;
    for (let i = 0; i < 2; i++) await call(koi, 'POST', '/api/shop/me/notification-subscriptions', { results: { [tpl]: 'accept' } }, { token: w.token });
    const sim = koi.notifications.wechatSimulator!;
    const delivered = (no: string) => ({ shipmentId: newId(), orderId: newId(), orderNo: no, customerId: w.id, at: new Date().toISOString() });

    sim.failNext(1);
    const ev = await emit(FulfilmentEvents.delivered, delivered('KO2026112299009'));
    let [send] = (await sendsOf(koi, w.id)).filter((x) => x.eventId === ev);
    expect(send).toMatchObject({ channel: 'wechat', status: 'queued', attempts: 1, error: expect.stringMatching(/^-1/) });
    await koi.notifications.deliverDue();
    expect((await sendsOf(koi, w.id)).find((x) => x.eventId === ev)!.attempts).toBe(1); // not due yet
    clock.advance(31_000);
    await koi.notifications.deliverDue();
    [send] = (await sendsOf(koi, w.id)).filter((x) => x.eventId === ev);
    expect(send).toMatchObject({ status: 'sent', attempts: 2, error: null });

    sim.failNext(MAX_ATTEMPTS);
    const ev2 = await emit(FulfilmentEvents.delivered, delivered('KO2026112299010'));
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock.advance(retryDelayMs(i) + 1000);
      await koi.notifications.deliverDue();
    }
    await koi.notifications.deliverDue();
    const sends = (await sendsOf(koi, w.id)).filter((x) => x.eventId === ev2);
    expect(sends.map((x) => [x.channel, x.status, x.attempts])).toEqual(expect.arrayContaining([['wechat', 'failed', MAX_ATTEMPTS], ['sms', 'sent', 1]]));
    expect((await koi.messaging.simulatedSms!({ phone: '13900000105' }))[0]!.text).toContain('KO2026112299010');
  });

  it('the simulator refuses what WeChat refuses', async () => {
    const sim = koi.notifications.wechatSimulator!;
    const token = JSON.parse((await sim.transport({ method: 'GET', url: `https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${koi.config.wechat.mpAppId}&secret=${koi.config.wechat.mpSecret}` })).body).access_token as string;
    const send = async (body: object) => JSON.parse((await sim.transport({ method: 'POST', url: `https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=${token}`, body: JSON.stringify(body) })).body);
    const ok = { touser: 'oKoiSimulatedOpenid00000000001', template_id: WECHAT_TEMPLATES.order_delivered.templateId, page: 'pages/order/detail?id=1', data: { character_string1: { value: 'KO1' }, thing2: { value: '已送达' }, time3: { value: '15:01' } } };
    expect(await send({ ...ok, template_id: 'nope' })).toMatchObject({ errcode: 40037 });
    expect(await send({ ...ok, touser: 'x' })).toMatchObject({ errcode: 40003 });
    expect(await send({ ...ok, data: { ...ok.data, thing2: { value: '一二三四五六七八九十一二三四五六七八九十一' } } })).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.thing2.value') });
    expect(await send(ok)).toMatchObject({ errcode: 43101 });
    await sim.grant(ok.touser, [ok.template_id]);
    expect(await send(ok)).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(await send(ok)).toMatchObject({ errcode: 43101 });
    expect(JSON.parse((await sim.transport({ method: 'GET', url: `https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${koi.config.wechat.mpAppId}&secret=wrong` })).body)).toMatchObject({ errcode: 40125 });
  });

  it('lists sends for staff with masked recipients; a shopping guide may not', async () => {
    const list = await call(koi, 'GET', '/api/admin/messages?channel=sms&status=sent&pageSize=50', undefined, { token: owner });
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    for (const m of list.body.items as TMessageSend[]) {
      expect(m.channel).toBe('sms');
      expect(m.recipient).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
    expect(JSON.stringify(list.body)).not.toContain('13900000101');
    const guide = await staffToken(koi, 'guide.hz@koi.demo');
    expect((await call(koi, 'GET', '/api/admin/messages', undefined, { token: guide })).status).toBe(403);
  });
});
