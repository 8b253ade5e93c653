import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { newId } from '../src/platform/ids.ts';
import { clock } from '../src/platform/clock.ts';
import { priceCart } from '../src/modules/pricing/index.ts';
import { DEFAULT_PRICING_POLICY } from '@koi/contracts';
import { DB_KINDS, call, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';

const MJ = { kind: 'full_reduction', name: '夏日满减', args: { tiers: [{ thresholdFen: 10000, discountFen: 1000 }] }, startsAt: '2026-01-01T00:00:00+08:00', endsAt: null, status: 'active' };
const TEMPLATE = { kind: 'amount_off', name: '满 ¥100 减 ¥10', args: { thresholdFen: 10000, amountFen: 1000 }, validity: { type: 'relative', days: 7 }, perCustomerLimit: 1, totalQuantity: 3, status: 'active' };

describe.each(DB_KINDS)('promotion module on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  let service: string;
  let shopper: string;
  let shopperId: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
    service = await staffToken(koi, 'service@koi.demo');
    shopper = await shopperToken(koi, '13916880003');
    shopperId = (await call(koi, 'GET', '/api/shop/me', undefined, { token: shopper })).body.id;
  });
  afterAll(async () => koi.dispose());

  it('seeds the demo 满减 and the new-customer coupon, held by two demo shoppers', async () => {
    const list = await call(koi, 'GET', '/api/admin/promotions', undefined, { token: owner });
    expect(list.status).toBe(200);
    // This week's 限时折扣 on one 公道杯 SKU, 满 ¥199 包邮, 茶杯满 2 件 9 折, the 满减 and 满 ¥299 赠茶巾, all running.
    const seeded = list.body.items.map((p: { kind: string; summary: { zh: string }; state: string }) => [p.kind, p.summary.zh, p.state]);
    expect(seeded).toEqual(expect.arrayContaining([
      ['free_shipping_over', '满 ¥199 包邮', 'running'], ['full_discount', '满 2 件打 9折', 'running'], ['full_reduction', '满 ¥300 减 ¥30，满 ¥600 减 ¥80', 'running'],
      ['full_gift', '满 ¥299 赠 茶巾一条', 'running'], ['timed_discount', expect.stringMatching(/ 至 .*：8\.5折$/), 'running'],
    ]));
    const templates = await call(koi, 'GET', '/api/admin/coupon-templates', undefined, { token: owner });
    // The demo orders (order seed) may already have used them.
    // Newer demo templates (issuance: codes, rewards) come first; the new-customer coupon is the claimable one of the first seed.
    expect(templates.body.items.find((t: { name: string }) => t.name === '新客满 ¥200 减 ¥20')).toMatchObject({ issuedCount: 2 });
    const first = await shopperToken(koi, '13916880001');
    const wallet = await call(koi, 'GET', '/api/shop/coupons/wallet', undefined, { token: first });
    expect(wallet.body.items).toHaveLength(1);
    expect(wallet.body.items[0]).toMatchObject({ thresholdFen: 20000, amountFen: 2000, summary: { zh: '满 ¥200 减 ¥20' } });
  });

  it('serves the kinds with their generated form fields, to marketing staff only', async () => {
    const res = await call(koi, 'GET', '/api/admin/promotions/kinds', undefined, { token: owner });
    expect(res.body.promotions.map((k: { kind: string }) => k.kind)).toEqual(['full_reduction', 'full_discount', 'bundle_price', 'first_order', 'timed_discount', 'free_shipping_over', 'full_gift', 'member_price']);
    expect(res.body.coupons.map((k: { kind: string; name: { zh: string } }) => [k.kind, k.name.zh])).toEqual([['amount_off', '满减券'], ['no_threshold', '无门槛券'], ['percent_off', '折扣券'], ['shipping_off', '运费券'], ['exchange', '商品兑换券']]);
    expect(res.body.coupons[0].fields.map((f: { key: string; type: string }) => [f.key, f.type])).toEqual([['thresholdFen', 'fen'], ['amountFen', 'fen']]);
    expect((await call(koi, 'GET', '/api/admin/promotions/kinds', undefined, { token: service })).status).toBe(403);
    expect((await call(koi, 'POST', '/api/admin/promotions', MJ, { token: service })).status).toBe(403);
  });

  it('validates args with the kind schema, listing every bad field under args', async () => {
    const bad = await call(koi, 'POST', '/api/admin/promotions', { ...MJ, args: { tiers: [{ thresholdFen: 10000, discountFen: 10000 }, { thresholdFen: 5000, discountFen: 20000 }] } }, { token: owner });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('promotion.args_invalid');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.args.tiers.0.discountFen', 'body.args.tiers.1.discountFen', 'body.args.tiers.1.thresholdFen']);
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'body.args.tiers.1.thresholdFen').message).toBe('门槛须逐档升高');
    const en = await call(koi, 'POST', '/api/admin/promotions', { ...MJ, args: { tiers: [{ thresholdFen: 0, discountFen: 1 }] } }, { token: owner, lang: 'en' });
    expect(en.body.errors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual([['body.args.tiers.0.thresholdFen', 'At least 1'], ['body.args.tiers.0.discountFen', 'The discount must be below the threshold']]);
    expect((await call(koi, 'POST', '/api/admin/promotions', { ...MJ, kind: 'lottery' }, { token: owner })).body.code).toBe('promotion.kind_unknown');
    expect((await call(koi, 'POST', '/api/admin/promotions', { ...MJ, endsAt: '2025-12-01T00:00:00+08:00' }, { token: owner })).body.code).toBe('promotion.schedule_invalid');
  });

  it('creates, edits, ends and deletes promotions; activeFor gives the engine what runs now, from a cache dropped on change', async () => {
    const before = koi.db.stats.statements;
    const seeded = await koi.promotion.activeFor(clock.now());
    await koi.promotion.activeFor(clock.now());
    expect(koi.db.stats.statements - before).toBeLessThanOrEqual(1);
    const draft = await call(koi, 'POST', '/api/admin/promotions', { ...MJ, status: 'draft' }, { token: owner });
    expect(draft.body).toMatchObject({ state: 'draft', summary: { zh: '满 ¥100 减 ¥10' }, args: { repeat: false } });
    expect(await koi.promotion.activeFor(clock.now())).toHaveLength(seeded.length);
    const live = await call(koi, 'PUT', `/api/admin/promotions/${draft.body.id}`, { ...MJ, priority: 5 }, { token: owner });
    expect(live.body).toMatchObject({ state: 'running', priority: 5 });
    const active = await koi.promotion.activeFor(clock.now());
    expect(active.map((p) => p.id)).toContain(draft.body.id);
    expect(active.find((p) => p.id === draft.body.id)).toMatchObject({ kind: 'full_reduction', args: { tiers: [{ thresholdFen: 10000, discountFen: 1000 }], repeat: false } });
    // The engine takes them as they are.
    const priced = priceCart({
      lines: [{ lineId: 'l', skuId: 's', productId: 'p', categoryIds: [], quantity: 1, unitPriceFen: 12000, listPriceFen: null, weightGrams: 0 }],
      context: { customerId: shopperId, memberLevelId: null, isFirstOrder: false, now: clock.now().toISOString() }, promotions: active, coupons: [], points: null,
      shippingFen: 0, storedValue: null, policy: DEFAULT_PRICING_POLICY,
    });
    expect(priced.totals.payableFen).toBe(11000);
    expect((await call(koi, 'DELETE', `/api/admin/promotions/${draft.body.id}`, undefined, { token: owner })).body.code).toBe('promotion.not_deletable');
    const ended = await call(koi, 'POST', `/api/admin/promotions/${draft.body.id}/end`, undefined, { token: owner });
    expect(ended.body.state).toBe('ended');
    expect((await koi.promotion.activeFor(clock.now())).map((p) => p.id)).not.toContain(draft.body.id);
    expect((await call(koi, 'PUT', `/api/admin/promotions/${draft.body.id}`, MJ, { token: owner })).body.code).toBe('promotion.not_editable');
    const running = await call(koi, 'GET', '/api/admin/promotions?state=ended', undefined, { token: owner });
    expect(running.body.items.map((p: { id: string }) => p.id)).toEqual([draft.body.id]);
    const another = await call(koi, 'POST', '/api/admin/promotions', { ...MJ, status: 'draft' }, { token: owner });
    expect((await call(koi, 'DELETE', `/api/admin/promotions/${another.body.id}`, undefined, { token: owner })).status).toBe(200);
    expect((await call(koi, 'GET', `/api/admin/promotions/${another.body.id}`, undefined, { token: owner })).status).toBe(404);
  });

  it('claims within the per-customer limit and the total, and shows the coupon centre per shopper', async () => {
    const t = await call(koi, 'POST', '/api/admin/coupon-templates', TEMPLATE, { token: owner });
    expect(t.status).toBe(200);
    const centre = await call(koi, 'GET', '/api/shop/coupons/claimable', undefined, { token: shopper });
    expect(centre.body.items.find((i: { id: string }) => i.id === t.body.id)).toMatchObject({ claimed: 0, canClaim: true, remaining: 3 });
    const claimed = await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: t.body.id }, { token: shopper });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'available', name: '满 ¥100 减 ¥10' });
    expect(Date.parse(claimed.body.validUntil) - Date.parse(claimed.body.validFrom)).toBe(7 * 86_400_000);
    const again = await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: t.body.id }, { token: shopper });
    expect([again.status, again.body.code]).toEqual([409, 'promotion.claim_limit_reached']);
    for (const phone of ['13916880004', '13916880005']) {
      expect((await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: t.body.id }, { token: await shopperToken(koi, phone) })).status).toBe(200);
    }
    const late = await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: t.body.id }, { token: await shopperToken(koi, '13916880006') });
    expect([late.status, late.body.code]).toEqual([409, 'promotion.coupon_sold_out']);
    expect((await call(koi, 'PUT', `/api/admin/coupon-templates/${t.body.id}`, { ...TEMPLATE, totalQuantity: 2 }, { token: owner })).body.code).toBe('promotion.quantity_below_issued');
    const guest = await call(koi, 'GET', '/api/shop/coupons/claimable');
    expect(guest.body.items.find((i: { id: string }) => i.id === t.body.id)).toMatchObject({ remaining: 0, canClaim: false });
    expect((await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: t.body.id })).status).toBe(401);
  });

  it('freezes, releases and consumes coupons in the caller transaction; wallet, usableFor and availableFor follow', async () => {
    const t = await call(koi, 'POST', '/api/admin/coupon-templates', { ...TEMPLATE, totalQuantity: null, perCustomerLimit: 2 }, { token: owner });
    const a = (await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: t.body.id }, { token: shopper })).body;
    const b = (await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: t.body.id }, { token: shopper })).body;
    const order1 = newId();
    await koi.db.tx((q) => koi.promotion.freeze(q, [a.id], shopperId, order1));
    await expect(koi.db.tx((q) => koi.promotion.freeze(q, [a.id, b.id], shopperId, newId()))).rejects.toMatchObject({ code: 'promotion.coupon_unavailable' });
    // The failed freeze left b untouched.
    const usable = await koi.promotion.usableFor(shopperId, [a.id, b.id], clock.now());
    expect(usable.map((c) => [c.id, c.status])).toEqual([[a.id, 'frozen'], [b.id, 'available']].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)));
    await expect(koi.promotion.usableFor(shopperId, [newId()], clock.now())).rejects.toMatchObject({ code: 'promotion.coupon_not_found' });
    await expect(koi.db.tx((q) => koi.promotion.freeze(q, [b.id], newId(), newId()))).rejects.toMatchObject({ code: 'promotion.coupon_unavailable' });
    expect((await koi.promotion.availableFor(shopperId, clock.now())).map((c) => c.id)).toContain(b.id);
    const statusOf = async (id: string) => (await koi.promotion.usableFor(shopperId, [id], clock.now()))[0]!.status;
    await koi.db.tx((q) => koi.promotion.release(q, order1));
    expect(await statusOf(a.id)).toBe('available');
    const order2 = newId();
    await koi.db.tx((q) => koi.promotion.freeze(q, [a.id], shopperId, order2));
    // Releasing an order that no longer holds it changes nothing.
    await koi.db.tx((q) => koi.promotion.release(q, order1));
    expect(await statusOf(a.id)).toBe('frozen');
    await koi.db.tx((q) => koi.promotion.consume(q, order2));
    await koi.db.tx((q) => koi.promotion.consume(q, order2));
    await koi.db.tx((q) => koi.promotion.release(q, order2));
    expect(await statusOf(a.id)).toBe('used');
    const wallet = await call(koi, 'GET', '/api/shop/coupons/wallet', undefined, { token: shopper });
    const mine = wallet.body.items.filter((c: { templateId: string }) => c.templateId === t.body.id);
    expect(mine.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[b.id, 'available'], [a.id, 'used']]);
    expect((await call(koi, 'GET', `/api/admin/coupon-templates/${t.body.id}`, undefined, { token: owner })).body.usedCount).toBe(1);
    // Past its date a coupon shows expired, cannot be frozen, and release marks it expired.
    clock.advance(8 * 86_400_000);
    try {
      const later = await call(koi, 'GET', '/api/shop/coupons/wallet?status=expired', undefined, { token: shopper });
      expect(later.body.items.map((c: { id: string }) => c.id)).toContain(b.id);
      await expect(koi.db.tx((q) => koi.promotion.freeze(q, [b.id], shopperId, newId()))).rejects.toMatchObject({ code: 'promotion.coupon_unavailable' });
    } finally {
      clock.reset();
    }
  });

  it('50 concurrent checkouts freezing one single-use coupon: exactly one holds it', async () => {
    const t = await call(koi, 'POST', '/api/admin/coupon-templates', { ...TEMPLATE, totalQuantity: null }, { token: owner });
    const c = (await call(koi, 'POST', '/api/shop/coupons/claim', { templateId: t.body.id }, { token: await shopperToken(koi, '13916880007') })).body;
    const owners = await koi.db.rows<{ customer_id: string }>(sql`select customer_id from promotion_coupons where id = ${c.id}`);
    const customerId = owners[0]!.customer_id;
    const orders = Array.from({ length: 50 }, () => newId());
    const results = await Promise.allSettled(orders.map((orderId) => koi.db.tx(async (q) => {
      await koi.promotion.freeze(q, [c.id], customerId, orderId);
      // A checkout does more work in the same transaction: keep it open a little.
      await q.execute(sql`select pg_sleep(0.005)`);
    })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => r.reason.code === 'promotion.coupon_unavailable')).toBe(true);
    const [row] = await koi.db.rows<{ status: string; order_id: string }>(sql`select status, order_id from promotion_coupons where id = ${c.id}`);
    expect(row!.status).toBe('frozen');
    expect(orders).toContain(row!.order_id);
  });

  it('200 concurrent claims for 20 coupons by 40 shoppers with a limit of 2: exactly 20 issued, no shopper above 2', async () => {
    const t = await call(koi, 'POST', '/api/admin/coupon-templates', { ...TEMPLATE, totalQuantity: 20, perCustomerLimit: 2 }, { token: owner });
    const customers = Array.from({ length: 40 }, () => newId());
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => koi.promotion.claim(customers[i % 40]!, t.body.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    const codes = new Set(results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.code));
    expect([...codes].every((code) => code === 'promotion.coupon_sold_out' || code === 'promotion.claim_limit_reached')).toBe(true);
    const perCustomer = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from promotion_coupons where template_id = ${t.body.id} group by customer_id`);
    expect(perCustomer.reduce((s, r) => s + Number(r.n), 0)).toBe(20);
    expect(Math.max(...perCustomer.map((r) => Number(r.n)))).toBeLessThanOrEqual(2);
    expect((await call(koi, 'GET', `/api/admin/coupon-templates/${t.body.id}`, undefined, { token: owner })).body.issuedCount).toBe(20);
  });
});
