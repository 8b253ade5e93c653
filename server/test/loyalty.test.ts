import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AfterSaleEvents, type TAfterSaleRefundedEvent } from '@koi/contracts';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';
import { payInCashier } from '../src/modules/payment/payment.fixtures.ts';
import { publish } from '../src/platform/events.ts';
import { clock } from '../src/platform/clock.ts';

describe.each(DB_KINDS)('loyalty: points, sign-in, levels on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => { await koi?.dispose(); });
  const drain = async () => { while ((await koi.bus.dispatchOnce()) > 0); };
  const me = async (token: string) => (await call(koi, 'GET', '/api/shop/loyalty/me', undefined, { token })).body;

  async function paidOrder(phone: string, priceFen: number) {
    const { skuIds: [sku] } = await makeSkus(koi, [{ priceFen, stock: 10 }]);
    const token = await shopperWithAddress(koi, phone);
    const order = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: sku, quantity: 1 }], couponIds: [] }, { token });
    expect(order.status).toBe(201);
    const pay = await call(koi, 'POST', `/api/shop/orders/${order.body.id}/pay`, { channel: 'wechat_h5' }, { token });
    await payInCashier(koi, pay.body.action.url);
    await drain();
    return { token, order: order.body as { id: string; orderNo: string; payableFen: number } };
  }

  it('levels: the operator defines them; growth from paid spend upgrades at once; points come on completion; a refund takes back in proportion', async () => {
    // the demo seeds 普通会员 0 / 银卡 500 (×1.2 points) / 金卡 3000 / 黑金 10000; points here only on completion
    const settings = (await call(koi, 'GET', '/api/admin/loyalty/settings', undefined, { token: owner })).body;
    const put = await call(koi, 'PUT', '/api/admin/loyalty/settings', { ...settings, points: { ...settings.points, earnAt: 'completed' } }, { token: owner });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const levels = (await call(koi, 'GET', '/api/admin/loyalty/levels', undefined, { token: owner })).body.items;
    expect(levels.map((l: { name: string }) => l.name)).toEqual(['普通会员', '银卡', '金卡', '黑金']);
    const dup = await call(koi, 'POST', '/api/admin/loyalty/levels', { name: '重复', threshold: 500, benefits: { discountPercent: 0, freeShipping: false, pointsMultiplierPct: 100, birthdayGift: '' } }, { token: owner });
    expect(dup.status).toBe(409);
    expect((await call(koi, 'DELETE', `/api/admin/loyalty/levels/${levels[1].id}`, undefined, { token: owner })).status).toBe(409); // members hold 银卡

    const { token, order } = await paidOrder('13700000001', 60_000);
    let m = await me(token);
    // growth = whole yuan paid (incl. shipping) → 银卡 at once; first-order bonus now, order points wait for completion
    expect(m.growth).toBe(Math.floor(order.payableFen / 100));
    expect(m.level.name).toBe('银卡');
    expect(m.points.balance).toBe(100);
    await koi.db.rows(sql`update orders set status = 'shipped', shipped_at = now() where id = ${order.id}`);
    expect((await call(koi, 'POST', `/api/shop/orders/${order.id}/confirm-receipt`, undefined, { token })).status).toBe(200);
    await drain();
    m = await me(token);
    const earned = Math.floor((Math.floor(order.payableFen / 100) * 120) / 100);
    expect(m.points.balance).toBe(100 + earned);

    // aftersale.refunded (published here as the after-sale module will): half the order back → half the points and growth
    const half = Math.floor(order.payableFen / 2);
    const refund = (id: string, amountFen: number, fully: boolean): TAfterSaleRefundedEvent => ({
      afterSaleId: id, afterSaleNo: `AS${id.slice(0, 6)}`, orderId: order.id, orderNo: order.orderNo, customerId: m.customerId, amountFen, lines: [], orderFullyRefunded: fully, at: clock.now().toISOString(),
    });
    await koi.db.tx((q) => publish(q, AfterSaleEvents.refunded, refund('00000000-0000-4000-8000-000000000001', half, false)));
    await drain();
    m = await me(token);
    expect(m.points.balance).toBe(100 + earned - Math.floor((earned * half) / order.payableFen));
    expect(m.level.name).toBe('银卡'); // falling growth waits for the review
    await koi.db.tx((q) => publish(q, AfterSaleEvents.refunded, refund('00000000-0000-4000-8000-000000000002', order.payableFen - half, true)));
    await drain();
    m = await me(token);
    expect(m.points.balance).toBe(100); // all order points back; the first-order bonus stays
    expect(m.growth).toBe(0);
    const history = (await call(koi, 'GET', '/api/shop/loyalty/points?limit=10', undefined, { token })).body;
    expect(history.items.map((i: { kind: string }) => i.kind)).toEqual(['clawback', 'clawback', 'order', 'first_order']);
    // the review brings the level down to what the window's growth supports
    await koi.loyalty.members.review(clock.now());
    expect((await me(token)).level.name).toBe('普通会员');
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('a refund before completion: the points credited at completion count only what was not refunded', async () => {
    const { token, order } = await paidOrder('13700000006', 60_000);
    const before = await me(token);
    expect(before.points.balance).toBe(100); // first-order bonus; order points wait for completion (set in the first test)
    const half = Math.floor(order.payableFen / 2);
    await koi.db.tx((q) => publish(q, AfterSaleEvents.refunded, {
      afterSaleId: '00000000-0000-4000-8000-000000000006', afterSaleNo: 'AS6', orderId: order.id, orderNo: order.orderNo, customerId: before.customerId,
      amountFen: half, lines: [], orderFullyRefunded: false, at: clock.now().toISOString(),
    } satisfies TAfterSaleRefundedEvent));
    await drain();
    await koi.db.rows(sql`update orders set status = 'shipped', shipped_at = now() where id = ${order.id}`);
    expect((await call(koi, 'POST', `/api/shop/orders/${order.id}/confirm-receipt`, undefined, { token })).status).toBe(200);
    await drain();
    const after = await me(token);
    expect(after.level.name).toBe('银卡');
    expect(after.points.balance).toBe(100 + Math.floor((Math.floor((order.payableFen - half) / 100) * 120) / 100));
    expect(after.growth).toBe(Math.floor(order.payableFen / 100) - Math.floor((Math.floor(order.payableFen / 100) * half) / order.payableFen));
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('the demo: levels from the demo orders, first-order and order points, sign-ins, 张雅琴 paid a recharge', async () => {
    const members = (await call(koi, 'GET', '/api/admin/loyalty/members?pageSize=50', undefined, { token: owner })).body;
    expect(members.total).toBeGreaterThanOrEqual(3);
    const token = await shopperToken(koi, '13916880001');
    const m = await me(token);
    expect(m.level).not.toBeNull();
    expect(m.points.balance).toBeGreaterThan(100);
    expect(m.wallet).toMatchObject({ principalFen: 50_000, bonusFen: 5_000 });
    const packages = (await call(koi, 'GET', '/api/shop/loyalty/recharge-packages')).body.items;
    expect(packages.map((p: { amountFen: number }) => p.amountFen)).toEqual([20_000, 50_000, 100_000]);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('sign-in: once a day, streaks by the table, the 409 the second time', async () => {
    const token = await shopperToken(koi, '13700000002');
    clock.set('2026-11-20T02:00:00Z');
    try {
      expect((await call(koi, 'POST', '/api/shop/loyalty/signin', undefined, { token })).body).toMatchObject({ points: 5, streak: 1, balance: 5 });
      const again = await call(koi, 'POST', '/api/shop/loyalty/signin', undefined, { token });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('loyalty.already_signed_in');
      clock.advance(86_400_000);
      const both = await Promise.all([1, 2, 3].map(() => call(koi, 'POST', '/api/shop/loyalty/signin', undefined, { token })));
      expect(both.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      clock.advance(86_400_000);
      expect((await call(koi, 'POST', '/api/shop/loyalty/signin', undefined, { token })).body).toMatchObject({ points: 10, streak: 3, balance: 20 });
      clock.advance(2 * 86_400_000); // missed a day
      expect((await call(koi, 'POST', '/api/shop/loyalty/signin', undefined, { token })).body).toMatchObject({ points: 5, streak: 1 });
      const m = await me(token);
      expect(m.signin).toMatchObject({ signedToday: true, streak: 1, nextPoints: 5 });
    } finally {
      clock.reset();
    }
  });

  it('expiry: rolling lots expire by the job; the soonest-expiring points are spent first', async () => {
    const token = await shopperToken(koi, '13700000003');
    const { customerId } = await me(token);
    clock.set('2026-01-10T00:00:00Z');
    try {
      const expiry = { mode: 'rolling' as const, months: 12 };
      await koi.db.tx((q) => koi.loyalty.points.earn(q, { customerId, key: 'test:a', kind: 'order', amount: 300, memo: 'a', expiry }));
      clock.set('2026-06-10T00:00:00Z');
      await koi.db.tx((q) => koi.loyalty.points.earn(q, { customerId, key: 'test:b', kind: 'order', amount: 200, memo: 'b', expiry }));
      await koi.db.tx((q) => koi.loyalty.points.freeze(q, { customerId, ref: 'order:exp-1', amount: 250 }));
      await koi.db.tx((q) => koi.loyalty.points.consume(q, 'order:exp-1'));
      clock.set('2027-01-11T00:00:00Z');
      // The job expires every customer's due lots (the demo's seeded ones too): this shopper loses
      // what was left of the first lot, 50, and a second run finds nothing more.
      expect(await koi.loyalty.points.expireDue(clock.now())).toBeGreaterThanOrEqual(50);
      expect(await koi.loyalty.points.expireDue(clock.now())).toBe(0);
      expect(await koi.loyalty.points.balance(customerId)).toBe(200);
      clock.set('2027-06-11T00:00:00Z');
      expect(await koi.loyalty.points.expireDue(clock.now())).toBeGreaterThanOrEqual(200);
      expect(await koi.loyalty.points.balance(customerId)).toBe(0);
      expect(await koi.loyalty.findDrift()).toEqual([]);
    } finally {
      clock.reset();
    }
  });

  it('manual adjustment: audited with staff and reason, never below zero, only for those allowed', async () => {
    const token = await shopperToken(koi, '13700000004');
    const { customerId } = await me(token);
    const guide = await staffToken(koi, 'guide.hz@koi.demo');
    const url = `/api/admin/loyalty/customers/${customerId}/points-adjust`;
    expect((await call(koi, 'POST', url, { delta: 50, reason: '客诉补偿' }, { token: guide })).status).toBe(403);
    expect((await call(koi, 'POST', url, { delta: 50, reason: '' }, { token: owner })).status).toBe(400);
    expect((await call(koi, 'POST', url, { delta: 50, reason: '客诉补偿' }, { token: owner })).body).toEqual({ balance: 50 });
    const short = await call(koi, 'POST', url, { delta: -51, reason: '误发扣回' }, { token: owner });
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('loyalty.insufficient_points');
    expect((await call(koi, 'POST', url, { delta: -20, reason: '误发扣回' }, { token: owner })).body).toEqual({ balance: 30 });
    const ledger = (await call(koi, 'GET', `/api/admin/loyalty/customers/${customerId}/ledger`, undefined, { token: owner })).body;
    expect(ledger.balances.points).toBe(30);
    expect(ledger.points.map((l: { amount: number; reason: string }) => [l.amount, l.reason])).toEqual([[-20, '误发扣回'], [50, '客诉补偿']]);
    const [entry] = await koi.db.rows<{ staff_id: string | null }>(sql`select staff_id from loyalty_entries where customer_id = ${customerId} order by id limit 1`);
    expect(entry!.staff_id).toBeTruthy();
    const check = await call(koi, 'POST', '/api/admin/loyalty/ledger-check', undefined, { token: owner });
    expect(check.body).toMatchObject({ ok: true, drift: [] });
  });

  it('the ledger check finds drift when a cached balance or a lot is tampered with', async () => {
    const token = await shopperToken(koi, '13700000005');
    const { customerId } = await me(token);
    await koi.db.tx((q) => koi.loyalty.points.earn(q, { customerId, key: 'test:drift', kind: 'order', amount: 10, memo: 'x', expiry: { mode: 'never' } }));
    await koi.db.rows(sql`update loyalty_accounts set balance = balance + 1 where customer_id = ${customerId} and kind = 'points'`);
    const drift = await koi.loyalty.findDrift();
    expect(drift.map((d) => d.kind).sort()).toEqual(['balance_mismatch', 'lots_mismatch']);
    await koi.db.rows(sql`update loyalty_accounts set balance = balance - 1 where customer_id = ${customerId} and kind = 'points'`);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });
});
