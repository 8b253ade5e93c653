import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CustomerEvents } from '@koi/contracts';
import { call, DB_KINDS, lastSmsCode, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';
import { paidOrder } from './aftersale-fixtures.ts';
import { clock } from '../src/platform/clock.ts';
import { newId } from '../src/platform/ids.ts';
import { DEPARTED_SHOPPER, seedPrivacy } from '../src/demo/seed-privacy.ts';
import { DEMO_SHOPPERS } from '../src/demo/seed.ts';
import { eraseStaffRecords } from '../src/modules/customer/erase-records.ts';
import { ERASED_NOTE } from '../src/modules/customer/erase.rules.ts';

const drain = async (koi: TestKoi) => { while ((await koi.bus.dispatchOnce()) > 0); };
const DAY = 86_400_000;

/** PIPL (issue 7 §7) and the behaviour timeline (§3), through the HTTP edges and the erasure job. */
describe.each(DB_KINDS)('privacy: consent, download, deletion, timeline on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;

  async function signUp(phone: string, consent?: unknown, ip = '10.7.7.7') {
    expect((await call(koi, 'POST', '/api/shop/auth/otp', { phone }, { ip })).status).toBe(200);
    const res = await call(koi, 'POST', '/api/shop/auth/login/phone', { phone, code: await lastSmsCode(koi, phone), ...(consent ? { consent } : {}) },
      { ip, headers: { 'user-agent': 'KoiTest/1.0' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await drain(koi);
    return { token: res.body.token as string, id: res.body.shopper.id as string };
  }

  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
    await koi.identity.staff.create(null, { email: 'owner@koi.demo', name: '店主', password: 'koi-demo-2026', role: 'owner', storeId: null });
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterEach(() => clock.reset());
  afterAll(async () => koi.dispose());

  it('records consent at sign-up and every later change, and messaging reads the same truth', async () => {
    const s = await signUp('13700000001', { policyVersion: '2026-06', marketing: { sms: true, wechat: false } });
    let mine = await call(koi, 'GET', '/api/shop/me/privacy', undefined, { token: s.token });
    expect(mine.status).toBe(200);
    expect(mine.body.consents.state).toMatchObject({ policyVersion: '2026-06', marketing: { sms: true, wechat: false, email: false } });
    expect(mine.body.consents.items.map((r: { purpose: string }) => r.purpose).sort()).toEqual(['marketing_sms', 'privacy_policy']);
    const rec = mine.body.consents.items[0];
    expect(rec).toMatchObject({ capturedVia: 'shop', ipMasked: '10.7.7.*', policyVersion: '2026-06' });
    expect(rec.userAgentHash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(mine.body)).not.toContain('KoiTest');

    // Signing in again with a consent is not a sign-up: nothing new.
    clock.advance(61_000);
    await signUp('13700000001', { policyVersion: '2026-06', marketing: { wechat: true } });
    expect((await call(koi, 'GET', '/api/shop/me/privacy', undefined, { token: s.token })).body.consents.items).toHaveLength(2);

    // Withdraw SMS here; grant WeChat through messaging's own settings page: one history.
    const off = await call(koi, 'PUT', '/api/shop/me/consents', { purpose: 'marketing_sms', granted: false }, { token: s.token });
    expect(off.status).toBe(200);
    expect(off.body.state.marketing.sms).toBe(false);
    const again = await call(koi, 'PUT', '/api/shop/me/consents', { purpose: 'marketing_sms', granted: false }, { token: s.token });
    expect(again.body.items).toHaveLength(3);
    const viaMessaging = await call(koi, 'PUT', '/api/shop/me/notification-preferences', { marketing: { wechat: true } }, { token: s.token });
    expect(viaMessaging.status).toBe(200);
    expect(viaMessaging.body.marketing).toEqual({ wechat: true, sms: false });
    mine = await call(koi, 'GET', '/api/shop/me/privacy', undefined, { token: s.token });
    expect(mine.body.consents.state.marketing).toEqual({ sms: false, wechat: true, email: false });
    expect(mine.body.consents.items.map((r: { purpose: string; granted: boolean }) => [r.purpose, r.granted])).toEqual([
      ['marketing_wechat', true], ['marketing_sms', false], expect.anything(), expect.anything(),
    ]);
    expect((await koi.notifications.preferences.switches(s.id)).marketing).toEqual({ wechat: true, sms: false });

    const staffView = await call(koi, 'GET', `/api/admin/customers/${s.id}/consents`, undefined, { token: owner });
    expect(staffView.status).toBe(200);
    expect(staffView.body.items).toHaveLength(4);
    const bad = await call(koi, 'PUT', '/api/shop/me/consents', { purpose: 'privacy_policy', granted: false }, { token: s.token });
    expect(bad.status).toBe(400);
  });

  it('downloads the shopper\'s own data and nothing of another shopper, at most three times an hour', async () => {
    const a = await paidOrder(koi, '13700000002', { priceFen: 3900, qty: 1 });
    const other = await signUp('13700000003');
    await call(koi, 'POST', '/api/shop/addresses', { recipient: '别人家', mobile: '13700000003', provinceCode: '330000', cityCode: '330100', districtCode: '330106', detail: '别人的路 1 号', isDefault: true }, { token: other.token });
    const res = await call(koi, 'GET', '/api/shop/me/data-export', undefined, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const id = (await call(koi, 'GET', '/api/shop/me', undefined, { token: a.token })).body.id as string;
    expect(res.body).toMatchObject({ format: 'koi.data-export/1', customerId: id });
    const s = res.body.sections;
    expect(s.orders.map((o: { id: string }) => o.id)).toEqual([a.orderId]);
    expect(s.orders[0].lines).toHaveLength(1);
    expect(s.addresses.map((x: { recipient: string }) => x.recipient)).toEqual(['林小满']);
    expect(s.account.logins.map((l: { value: string }) => l.value)).toEqual(['13700000002']);
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['profile', 'identities', 'consents', 'behaviourEvents', 'loyalty', 'coupons', 'reviews', 'messages', 'deletionRequests']));
    const text = JSON.stringify(res.body);
    for (const foreign of [other.id, '13700000003', '别人家', '别人的路']) expect(text).not.toContain(foreign);

    expect((await call(koi, 'GET', '/api/shop/me/data-export', undefined, { token: a.token })).status).toBe(200);
    expect((await call(koi, 'GET', '/api/shop/me/data-export', undefined, { token: a.token })).status).toBe(200);
    const limited = await call(koi, 'GET', '/api/shop/me/data-export', undefined, { token: a.token });
    expect(limited.status).toBe(429);
    const audit = await call(koi, 'GET', `/api/admin/customers/${id}/privacy-audit`, undefined, { token: owner });
    expect(audit.body.items.filter((x: { action: string }) => x.action === 'data_exported')).toHaveLength(3);
    expect((await call(koi, 'GET', '/api/shop/me/data-export')).status).toBe(401);
  });

  it('erases a shopper after the cooling-off period: personal fields gone, money kept and reconciling, audited, once', async () => {
    const phone = '13700000004';
    const a = await paidOrder(koi, phone, { priceFen: 12800, qty: 2 });
    const id = (await call(koi, 'GET', '/api/shop/me', undefined, { token: a.token })).body.id as string;
    await koi.db.tx((q) => koi.loyalty.points.earn(q, { customerId: id, key: `privacy-test:${id}`, kind: 'order', amount: 300, memo: '测试积分', expiry: { mode: 'never' } }));
    await call(koi, 'POST', '/api/shop/events', { anonymousId: 'anon_privacy_0004', events: [{ type: 'product_view', props: { productId: 'p1' } }] }, { token: a.token });
    expect((await koi.db.rows(sql`select 1 from behaviour_daily_counts where customer_id = ${id}`)).length).toBeGreaterThan(0);
    // What staff kept about the person: a note, a reveal, a merged-in Taobao customer (audited), a merge suggestion.
    expect((await call(koi, 'POST', `/api/admin/customers/${id}/notes`, { body: '老客户，电话 13700000004，住西湖边' }, { token: owner })).status).toBe(201);
    expect((await call(koi, 'POST', `/api/admin/customers/${id}/reveal`, { field: 'phone' }, { token: owner })).body.value).toBe(phone);
    const [tb] = await koi.customer.resolveCustomers([{ identities: [{ kind: 'taobao', value: 'tb_xiaoman' }], profile: { name: '林小满淘宝', birthday: '1991-04-05', regionCode: '330106', sourceChannel: 'taobao' } }]);
    await koi.customer.profiles.merge({ fromId: tb!.customerId, intoId: id, staffId: null, reason: '淘宝买家即本店会员' });
    await koi.db.rows(sql`insert into customer_merge_suggestions (id, a_id, b_id, reason, claims, created_at)
      values (${newId()}, ${id}, ${newId()}, 'identity_conflict', ${JSON.stringify([{ kind: 'phone', value: phone }])}::jsonb, ${clock.now()})`);
    await drain(koi);
    const pointsBefore = (await koi.loyalty.forCheckout(id)).points;
    const orderBefore = (await koi.db.rows<{ payable_fen: string | number; paid_fen: string | number }>(sql`select payable_fen, paid_fen from orders where id = ${a.orderId}`))[0]!;

    expect((await call(koi, 'POST', '/api/shop/me/deletion-request', { confirm: '好的' }, { token: a.token })).status).toBe(400);
    const first = await call(koi, 'POST', '/api/shop/me/deletion-request', { confirm: '确认注销', reason: '不再使用' }, { token: a.token });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(Date.parse(first.body.dueAt) - Date.parse(first.body.requestedAt)).toBe(7 * DAY);
    expect((await call(koi, 'POST', '/api/shop/me/deletion-request', { confirm: '确认注销' }, { token: a.token })).body.code).toBe('customer.deletion_pending');
    const cancelled = await call(koi, 'DELETE', '/api/shop/me/deletion-request', undefined, { token: a.token });
    expect(cancelled.body.status).toBe('cancelled');
    const req = await call(koi, 'POST', '/api/shop/me/deletion-request', { confirm: 'DELETE MY ACCOUNT' }, { token: a.token });
    expect(req.status).toBe(201);

    // Still cooling off: the job leaves it alone.
    expect(await koi.customer.privacy.eraseRequest(req.body.id)).toEqual({ requestId: req.body.id, status: 'skipped' });
    clock.advance(7 * DAY + 60_000);
    expect((await call(koi, 'DELETE', '/api/shop/me/deletion-request', undefined, { token: a.token })).body.code).toBe('customer.deletion_not_cancellable');
    const outcomes = await koi.customer.privacy.eraseDue();
    expect(outcomes).toEqual([{ requestId: req.body.id, status: 'erased' }]);

    // Personal fields are gone …
    const [order] = await koi.db.rows<{ address: { recipient: string; mobile: string; detail: string; city: string }; buyer_mobile: string | null; payable_fen: string | number; paid_fen: string | number; customer_id: string }>(
      sql`select address, buyer_mobile, payable_fen, paid_fen, customer_id from orders where id = ${a.orderId}`);
    expect(order!.address.recipient).toMatch(/^已注销用户·/);
    expect(order!.address).toMatchObject({ mobile: '', detail: '', city: '杭州市' });
    expect(order!.buyer_mobile).toBeNull();
    expect((await koi.db.rows(sql`select 1 from customer_addresses where customer_id = ${id}`))).toHaveLength(0);
    expect((await koi.db.rows(sql`select 1 from behaviour_events where customer_key = ${id} or shopper_id = ${id} or anonymous_id = 'anon_privacy_0004'`))).toHaveLength(0);
    expect(await koi.db.rows(sql`select 1 from behaviour_daily_counts where customer_id = ${id}`)).toHaveLength(0);
    expect((await koi.db.rows(sql`select 1 from shopper_logins where shopper_id = ${id}`))).toHaveLength(0);
    const [acct] = await koi.db.rows<{ nickname: string }>(sql`select nickname from shopper_accounts where id = ${id}`);
    expect(acct!.nickname).toBe(order!.address.recipient);
    // … money is kept under the same id and the ledgers still reconcile.
    expect(order!.customer_id).toBe(id);
    expect(Number(order!.payable_fen)).toBe(Number(orderBefore.payable_fen));
    expect(Number(order!.paid_fen)).toBe(Number(orderBefore.paid_fen));
    expect((await koi.loyalty.forCheckout(id)).points).toBe(pointsBefore);
    expect(await koi.loyalty.findDrift()).toEqual([]);

    // The old account cannot be signed in to: its session is dead, the phone now makes someone new.
    expect((await call(koi, 'GET', '/api/shop/me', undefined, { token: a.token })).status).toBe(401);
    const fresh = await shopperToken(koi, phone);
    const again = await call(koi, 'GET', '/api/shop/me', undefined, { token: fresh });
    expect(again.body.id).not.toBe(id);
    expect((await call(koi, 'GET', '/api/shop/orders', undefined, { token: fresh })).body.items ?? []).toHaveLength(0);

    // Audited, published, visible to staff (a fresh staff session: a week has passed).
    owner = await staffToken(koi, 'owner@koi.demo');
    const trail = await call(koi, 'GET', `/api/admin/privacy/deletion-requests/${req.body.id}/audit`, undefined, { token: owner });
    expect(trail.status).toBe(200);
    const actions = trail.body.items.map((x: { action: string }) => x.action);
    expect(actions[0]).toBe('requested');
    expect(actions.slice(1, 2)).toEqual(['erase_started']);
    expect(actions.at(-1)).toBe('erased');
    const modules = trail.body.items.filter((x: { action: string }) => x.action === 'erase_step').map((x: { detail: { module: string } }) => x.detail.module);
    expect([...new Set(modules)]).toEqual(['customer', 'identity', 'order', 'shipment', 'fulfilment', 'review', 'messaging']);
    const parts = trail.body.items.filter((x: { action: string; detail: { module: string } }) => x.action === 'erase_step' && x.detail.module === 'customer')
      .map((x: { detail: { part: string; rows: number } }) => [x.detail.part, x.detail.rows]);
    expect(parts).toEqual([['profile', expect.anything()], ['merged_profiles', 1], ['staff_notes', 1], ['merge_audit', 1], ['merge_suggestions', 1], ['reveal_log', 0]]);

    // Staff notes, the merge audit, suggestions and the merged-in profile keep their rows, not the person.
    const [note] = await koi.db.rows<{ body: string; staff_id: string }>(sql`select body, staff_id from customer_notes where customer_id = ${id}`);
    expect(note!.body).toBe(ERASED_NOTE);
    expect(await koi.db.rows(sql`select 1 from customer_reveals where customer_id = ${id} and field = 'phone'`)).toHaveLength(1);
    const [merge] = await koi.db.rows<{ before: unknown; after: unknown; reason: string }>(sql`select before, after, reason from customer_merges where into_id = ${id}`);
    const mergeText = JSON.stringify(merge);
    for (const personal of ['林小满', '1991-04-05', '330106', 'tb_', '137****']) expect(mergeText).not.toContain(personal);
    expect(mergeText).toContain(order!.address.recipient);
    const [tbRow] = await koi.db.rows<{ name: string; birthday: string | null; region_code: string | null; erased: boolean }>(sql`select name, birthday, region_code, erased from customer_profiles where id = ${tb!.customerId}`);
    expect(tbRow).toEqual({ name: order!.address.recipient, birthday: null, region_code: null, erased: true });
    const [sug] = await koi.db.rows<{ claims: { kind: string; value: string }[] }>(sql`select claims from customer_merge_suggestions where a_id = ${id}`);
    expect(sug!.claims).toEqual([{ kind: 'phone', value: '***' }]);
    // Idempotent: the same steps again touch nothing.
    const rerun = await koi.db.tx((q) => eraseStaffRecords(q, id, order!.address.recipient));
    expect(rerun.map((p) => p.rows)).toEqual([0, 0, 0, 0, 0]);
    const events = await koi.db.rows<{ payload: { customerId: string } }>(sql`select payload from outbox_events where topic = ${CustomerEvents.erased}`);
    expect(events.map((e) => e.payload.customerId)).toContain(id);
    const list = await call(koi, 'GET', '/api/admin/privacy/deletion-requests?status=completed', undefined, { token: owner });
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(req.body.id);
    expect(list.body.items.find((r: { id: string }) => r.id === req.body.id).pseudonym).toBe(order!.address.recipient);

    // A second run (a retried job, the sweep) does nothing.
    const rows = trail.body.items.length;
    expect(await koi.customer.privacy.eraseRequest(req.body.id)).toEqual({ requestId: req.body.id, status: 'skipped' });
    expect(await koi.customer.privacy.eraseDue()).toEqual([]);
    expect((await call(koi, 'GET', `/api/admin/privacy/deletion-requests/${req.body.id}/audit`, undefined, { token: owner })).body.items).toHaveLength(rows);
    expect(await koi.db.rows(sql`select 1 from outbox_events where topic = ${CustomerEvents.erased} and payload->>'customerId' = ${id}`)).toHaveLength(1);
  });

  it('puts server-side events on the customer timeline, newest first, keyset paged', async () => {
    const a = await paidOrder(koi, '13700000005', { priceFen: 5000, qty: 1 });
    await drain(koi);
    const id = (await call(koi, 'GET', '/api/shop/me', undefined, { token: a.token })).body.id as string;
    const res = await call(koi, 'GET', `/api/admin/customers/${id}/timeline`, undefined, { token: owner });
    expect(res.status).toBe(200);
    const types = res.body.items.map((x: { type: string }) => x.type);
    expect(types).toEqual(expect.arrayContaining(['signed_up', 'order_placed', 'order_paid']));
    expect(types.indexOf('order_paid')).toBeLessThan(types.indexOf('order_placed'));
    const paid = res.body.items.find((x: { type: string }) => x.type === 'order_paid');
    expect(paid).toMatchObject({ source: 'server', props: { orderId: a.orderId } });
    expect(paid.label.zh).toContain('¥50.00');
    expect(paid.label.en).toContain('Paid order');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await call(koi, 'GET', `/api/admin/customers/${id}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`, undefined, { token: owner });
      seen.push(...page.body.items.map((x) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(res.body.items.map((x: { id: string }) => x.id));
    expect((await call(koi, 'GET', `/api/admin/customers/${id}/timeline`, undefined, { token: a.token })).status).toBe(401);

    // A tracked link in a message: the click redirects into the shop and lands on the timeline.
    await koi.db.tx((q) => koi.notifications.notify(q, { eventId: newId(), customerId: id, data: { kind: 'order_paid', orderId: a.orderId, orderNo: a.order.orderNo, amountFen: 5000, itemCount: 1, at: new Date().toISOString() } }));
    const [send] = await koi.db.rows<{ id: string }>(sql`select id from message_sends where customer_id = ${id} order by created_at desc limit 1`);
    const link = koi.notifications.trackedLink(send!.id, `/pages/order/detail?id=${a.orderId}`);
    const path = new URL(link);
    const click = await koi.app.inject({ method: 'GET', url: `${path.pathname}${path.search}` });
    expect(click.statusCode).toBe(302);
    expect(click.headers.location).toBe(`/pages/order/detail?id=${a.orderId}`);
    const forged = await koi.app.inject({ method: 'GET', url: `${path.pathname.slice(0, -4)}AAAA${path.search}` });
    expect(forged.headers.location).toBe('/');
    await drain(koi);
    const after = await call(koi, 'GET', `/api/admin/customers/${id}/timeline?limit=1`, undefined, { token: owner });
    expect(after.body.items[0]).toMatchObject({ type: 'message_clicked', props: { sendId: send!.id, kind: 'order_paid' } });
    expect(await koi.db.rows(sql`select 1 from behaviour_events where customer_key = ${id} and type = 'message_clicked'`)).toHaveLength(1);
  });

  it('seeds the demo slice: consents for the demo shoppers and one completed deletion with its trail', async () => {
    await seedPrivacy(koi);
    const list = await call(koi, 'GET', '/api/admin/privacy/deletion-requests', undefined, { token: owner });
    const done = list.body.items.filter((r: { status: string; reason: string | null }) => r.status === 'completed' && r.reason === '换了手机号，不再使用');
    expect(done).toHaveLength(1);
    const trail = await call(koi, 'GET', `/api/admin/privacy/deletion-requests/${done[0].id}/audit`, undefined, { token: owner });
    expect(trail.body.items.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(['requested', 'erase_started', 'erase_step', 'erased']));
    const id = (await koi.db.rows<{ id: string }>(sql`select shopper_id as id from shopper_logins where value = ${DEMO_SHOPPERS[0].phone}`))[0]!.id;
    const consents = await call(koi, 'GET', `/api/admin/customers/${id}/consents`, undefined, { token: owner });
    expect(consents.body.state.marketing).toEqual({ sms: true, wechat: false, email: false });
    expect(consents.body.items.length).toBeGreaterThanOrEqual(4);
    expect(await koi.db.rows(sql`select 1 from shopper_logins where value = ${DEPARTED_SHOPPER.phone}`)).toHaveLength(0);
  });
});
