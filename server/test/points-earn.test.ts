import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CustomerEvents, type TCustomerProfilesChangedEvent } from '@koi/contracts';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';
import { buyer, orderOf, product, review } from './review-fixtures.ts';
import { publish } from '../src/platform/events.ts';
import { clock } from '../src/platform/clock.ts';
import { newId } from '../src/platform/ids.ts';

/** Issue 8: 生日积分, 完善资料, 评价积分, 首单积分, the expiry reminder and the settings form's checks. */
describe.each(DB_KINDS)('points earn rules and expiry reminder on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
    const s = (await call(koi, 'GET', '/api/admin/loyalty/settings', undefined, { token: owner })).body;
    const put = await call(koi, 'PUT', '/api/admin/loyalty/settings', {
      ...s, points: { ...s.points, birthday: 188, profile: 50, review: 10, reminderDays: 7, expiry: { mode: 'rolling', months: 12 }, firstOrder: 100 },
    }, { token: owner });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  });
  afterEach(() => clock.reset());
  afterAll(async () => {
    clock.reset();
    await koi?.dispose();
  });
  const drain = async () => { while ((await koi.bus.dispatchOnce()) > 0); };
  const idOf = async (token: string) => (await call(koi, 'GET', '/api/shop/me', undefined, { token })).body.id as string;
  const entries = (customerId: string, k: string) =>
    koi.db.rows<{ key: string; memo: string }>(sql`select key, memo from loyalty_entries where customer_id = ${customerId} and kind = ${k} order by created_at`);
  const balance = (customerId: string) => koi.loyalty.points.balance(customerId);

  it('settings: the new rules read back; rules that do not fit together are a 422 naming the field; out of range a 400', async () => {
    const s = (await call(koi, 'GET', '/api/admin/loyalty/settings', undefined, { token: owner })).body;
    expect(s.points).toMatchObject({ birthday: 188, profile: 50, review: 10, reminderDays: 7, redeem: { perYuan: 100, capPercent: 50, includeShipping: false } });
    const never = await call(koi, 'PUT', '/api/admin/loyalty/settings', { ...s, points: { ...s.points, expiry: { mode: 'never' } } }, { token: owner });
    expect(never.status).toBe(422);
    expect(never.headers['content-type']).toContain('application/problem+json');
    expect(never.body).toMatchObject({ code: 'loyalty.settings_invalid', errors: [expect.objectContaining({ path: 'body.points.reminderDays', code: 'reminder_without_expiry' })] });
    const far = await call(koi, 'PUT', '/api/admin/loyalty/settings', { ...s, points: { ...s.points, reminderDays: 365 } }, { token: owner });
    expect([far.status, far.body.code]).toEqual([400, 'http.validation_failed']);
    const shopper = await shopperToken(koi, '13700009001');
    expect((await call(koi, 'PUT', '/api/admin/loyalty/settings', s, { token: shopper })).status).toBe(401);
    const ways = await call(koi, 'GET', '/api/shop/loyalty/earn-ways', undefined, { token: shopper });
    expect(ways.body).toEqual({
      items: [{ kind: 'order', points: 1 }, { kind: 'signin', points: 30 }, { kind: 'first_order', points: 100 }, { kind: 'birthday', points: 188 }, { kind: 'profile', points: 50 }, { kind: 'review', points: 10 }],
      nextExpiry: null,
    });
  });

  it('完善资料 once, when the profile becomes complete; a record without a shop login gets none', async () => {
    const token = await shopperToken(koi, '13700009002');
    const id = await idOf(token);
    const profile = { name: '林小鱼', gender: 'female', birthday: null, regionCode: '330106' };
    expect((await call(koi, 'PUT', '/api/shop/me/profile', profile, { token })).status).toBe(200);
    await drain();
    expect(await balance(id)).toBe(0); // no birthday yet
    expect((await call(koi, 'PUT', '/api/shop/me/profile', { ...profile, birthday: '1992-08-08' }, { token })).status).toBe(200);
    await drain();
    expect((await call(koi, 'PUT', '/api/shop/me/profile', { ...profile, birthday: '1992-08-08', name: '林小鲤' }, { token })).status).toBe(200);
    await drain();
    expect(await entries(id, 'profile')).toEqual([{ key: `profile:${id}`, memo: '完善资料' }]);
    expect(await balance(id)).toBe(50);

    const imported = newId();
    await koi.db.tx((q) => publish<TCustomerProfilesChangedEvent>(q, CustomerEvents.profilesChanged, { at: clock.now().toISOString(), profiles: [{
      customerId: imported, gender: 'male', birthday: '1980-01-01', regionCode: '330106', sourceChannel: 'taobao', firstSeenAt: clock.now().toISOString(), lastSeenAt: clock.now().toISOString(),
    }] }));
    await drain();
    expect(await entries(imported, 'profile')).toEqual([]);
  });

  it('生日积分 once a year, on the birthday in Shanghai, however many passes run at once', async () => {
    clock.set('2026-05-19T16:30:00Z'); // 00:30 on 20 May in Shanghai (still 19 May in UTC)
    const token = await shopperToken(koi, '13700009003');
    const id = await idOf(token);
    expect((await call(koi, 'PUT', '/api/shop/me/profile', { name: '寿星', gender: 'unknown', birthday: '1990-05-20', regionCode: null }, { token })).status).toBe(200);
    await drain();
    const passes = await Promise.all(Array.from({ length: 4 }, () => koi.loyalty.earnRules.earn.birthdayPass(clock.now(), 2)));
    expect(passes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    await koi.loyalty.earnRules.earn.birthdayPass(clock.now());
    expect((await entries(id, 'birthday')).map((e) => e.key)).toEqual([`birthday:${id}:2026`]);
    expect(await balance(id)).toBe(188);
    // A customer imported from another platform (no shop login) born the same day gets none.
    const [imported] = await koi.customer.resolveCustomers([{ identities: [{ kind: 'taobao', value: 'tb_shouxing_90' }],
      profile: { name: '淘宝寿星', gender: 'female', birthday: '1990-05-20', regionCode: '330106', sourceChannel: 'taobao', seenAt: clock.now() } }]);
    expect(await koi.loyalty.earnRules.earn.birthdayPass(clock.now())).toBe(0);
    expect(await entries(imported!.customerId, 'birthday')).toEqual([]);
    clock.set('2026-05-21T02:00:00Z'); // the day after: nobody new
    await koi.loyalty.earnRules.earn.birthdayPass(clock.now());
    clock.set('2027-05-20T02:00:00Z'); // a year on: again
    await koi.loyalty.earnRules.earn.birthdayPass(clock.now());
    expect((await entries(id, 'birthday')).map((e) => e.key)).toEqual([`birthday:${id}:2026`, `birthday:${id}:2027`]);
  });

  it('首单积分 on the first paid order and 评价积分 once per reviewed line', async () => {
    const b = await buyer(koi, '13700009004');
    const p = await product(koi, 2);
    const o = await orderOf(koi, b, p.skuIds);
    await drain();
    expect((await entries(b.customerId, 'first_order')).length).toBe(1);
    const r1 = await review(koi, b, { orderId: o.orderId, lineId: o.lineIds[0], rating: 5, content: '釉色温润' });
    expect(r1.status).toBe(201);
    const dup = await review(koi, b, { orderId: o.orderId, lineId: o.lineIds[0], rating: 1 });
    expect(dup.status).toBe(409);
    await drain();
    await drain();
    expect((await entries(b.customerId, 'review')).map((e) => e.key)).toEqual([`review:${r1.body.id}`]);
    expect((await review(koi, b, { orderId: o.orderId, lineId: o.lineIds[1], rating: 4 })).status).toBe(201);
    await drain();
    expect((await entries(b.customerId, 'review')).length).toBe(2);
    const o2 = await orderOf(koi, b, [p.skuIds[0]!]);
    await drain();
    expect((await entries(b.customerId, 'first_order')).length).toBe(1);
    expect(o2.orderId).toBeTruthy();
  });

  it('the expiry reminder: N days before, once per expiry day, as a message saying how many points expire on which day', async () => {
    clock.set('2026-03-01T02:00:00Z');
    const token = await shopperToken(koi, '13700009005');
    const id = await idOf(token);
    expect((await call(koi, 'POST', `/api/admin/loyalty/customers/${id}/points-adjust`, { delta: 300, reason: '测试积分' }, { token: owner })).status).toBe(200);
    clock.set('2026-03-01T06:00:00Z');
    expect((await call(koi, 'POST', `/api/admin/loyalty/customers/${id}/points-adjust`, { delta: 20, reason: '测试积分' }, { token: owner })).status).toBe(200);
    clock.set('2026-03-02T03:00:00Z');
    expect((await call(koi, 'POST', `/api/admin/loyalty/customers/${id}/points-adjust`, { delta: 5, reason: '测试积分' }, { token: owner })).status).toBe(200);
    const sends = () => koi.db.rows<{ kind: string; channel: string; status: string; content: string }>(sql`select kind, channel, status, content from message_sends
      where customer_id = ${id} and kind = 'points_expiring' and status <> 'skipped' order by created_at`);

    clock.set('2027-02-21T02:00:00Z'); // 8 days before the last usable day (2027-03-01): too early
    await koi.loyalty.earnRules.reminder.run(clock.now());
    await drain();
    expect(await sends()).toEqual([]);
    const later = await shopperToken(koi, '13700009005'); // a year on, the first session has ended
    const ways = await call(koi, 'GET', '/api/shop/loyalty/earn-ways', undefined, { token: later });
    expect(ways.body.nextExpiry).toEqual({ points: 320, on: '2027-03-01' });

    clock.set('2027-02-22T02:00:00Z'); // 7 days before
    await Promise.all([1, 2, 3].map(() => koi.loyalty.earnRules.reminder.run(clock.now())));
    await drain();
    const first = await sends();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ channel: 'sms', status: 'queued' });
    expect(first[0]!.content).toContain('您有320积分将于2027-03-01过期');
    await koi.loyalty.earnRules.reminder.run(clock.now());
    clock.set('2027-02-22T09:00:00Z');
    await koi.loyalty.earnRules.reminder.run(clock.now());
    await drain();
    expect(await sends()).toHaveLength(1);

    clock.set('2027-02-23T02:00:00Z'); // the next day's batch (2027-03-02) enters the window: one more
    await koi.loyalty.earnRules.reminder.run(clock.now());
    await drain();
    const all = await sends();
    expect(all).toHaveLength(2);
    expect(all[1]!.content).toContain('您有5积分将于2027-03-02过期');
    expect(await koi.db.rows(sql`select day, points::int as points from loyalty_expiry_reminders where customer_id = ${id} order by day`))
      .toEqual([{ day: '2027-03-01', points: 320 }, { day: '2027-03-02', points: 5 }]);

    clock.set('2027-03-03T00:00:00Z');
    await koi.loyalty.points.expireDue(clock.now());
    expect(await balance(id)).toBe(0);
  });

  it('the demo: 张雅琴 got her 生日积分 on her birthday, the shoppers who completed 我的资料 their 完善资料, reviewers their 评价积分', async () => {
    const zhang = await koi.identity.shoppers.ensureByPhone('13916880001', '');
    const birthday = await koi.db.rows<{ key: string; created_at: Date | string }>(sql`select key, created_at from loyalty_entries where customer_id = ${zhang} and kind = 'birthday'`);
    expect(birthday).toHaveLength(1);
    expect(new Date(birthday[0]!.created_at).toISOString().slice(5, 10)).toBe('03-11'); // 00:05 on 12 March in Shanghai
    const [profiles] = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from loyalty_entries where kind = 'profile' and memo = '完善资料'`);
    expect(profiles!.n).toBeGreaterThanOrEqual(4); // the four demo shoppers with gender, birthday and region
    const [reviews] = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from loyalty_entries where kind = 'review'`);
    expect(reviews!.n).toBeGreaterThan(0);
  });

  it('the ledger holds after all of it', async () => {
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });
});
