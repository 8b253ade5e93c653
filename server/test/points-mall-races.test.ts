import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, shopperToken, startKoi, type TestKoi } from './harness.ts';
import { bulkShoppers, template } from './coupon-issue-fixtures.ts';
import { customerOf, givePoints, ownerToken } from './checkout-loyalty-fixtures.ts';
import { KoiError } from '../src/platform/errors.ts';

const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason instanceof KoiError ? r.reason.code : String(r.reason)) : 'ok');
const count = async (koi: TestKoi, query: ReturnType<typeof sql>) => Number((await koi.db.rows<{ n: string | number }>(query))[0]!.n);

describe.each(DB_KINDS)('points mall exchanges under concurrency on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await ownerToken(koi);
  });
  afterAll(async () => { await koi?.dispose(); });

  async function couponItem(over: { stock: number; perCustomerLimit: number; pointsPrice: number }, tpl: Parameters<typeof template>[1] = {}) {
    const t = await template(koi, { kind: 'no_threshold', name: '¥10 无门槛券', args: { amountFen: 1000 }, perCustomerLimit: 100, totalQuantity: 10_000, claimable: false, ...tpl });
    const res = await call(koi, 'POST', '/api/admin/points-mall/items', { kind: 'coupon', refId: t.id, onShelf: true, ...over }, { token: owner });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { itemId: res.body.id as string, templateId: t.id };
  }

  it('50 shoppers at once for an item with stock 10: exactly 10 exchanges, 10 coupons, 10 × the price spent', async () => {
    const { itemId, templateId } = await couponItem({ stock: 10, perCustomerLimit: 1, pointsPrice: 1000 });
    const shoppers = await bulkShoppers(koi, 50, '1390');
    for (const s of shoppers) await givePoints(koi, s.id, 1500, `race-a:${s.id}`);
    const results = await Promise.allSettled(shoppers.map((s) => koi.pointsMall.exchange(s.id, { itemId })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(new Set(results.filter((r) => r.status === 'rejected').map(codeOf))).toEqual(new Set(['points_mall.sold_out']));
    const item = (await call(koi, 'GET', `/api/admin/points-mall/items/${itemId}`, undefined, { token: owner })).body;
    expect(item).toMatchObject({ stock: 0, exchangedCount: 10 });
    expect(await count(koi, sql`select count(*) as n from points_mall_exchanges where item_id = ${itemId}`)).toBe(10);
    expect(await count(koi, sql`select count(*) as n from promotion_coupons where template_id = ${templateId}`)).toBe(10);
    const spent = await count(koi, sql`select coalesce(-sum(p.amount), 0) as n from loyalty_postings p join loyalty_entries e on e.id = p.entry_id
      where e.key like 'points-mall:%' and p.account = 'points' and p.customer_id = any(${sql.param(shoppers.map((s) => s.id))}::uuid[])`);
    expect(spent).toBe(10_000);
    // the losers kept every point
    const balances = await Promise.all(shoppers.map((s) => koi.loyalty.points.balance(s.id)));
    expect(balances.filter((b) => b === 500)).toHaveLength(10);
    expect(balances.filter((b) => b === 1500)).toHaveLength(40);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('one shopper with points for 2 firing 10 at once: 2 exchanges, the balance never below zero', async () => {
    const { itemId } = await couponItem({ stock: 100, perCustomerLimit: 20, pointsPrice: 1000 });
    const [me] = await bulkShoppers(koi, 1, '1391');
    await givePoints(koi, me!.id, 2500, `race-b:${me!.id}`);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => koi.pointsMall.exchange(me!.id, { itemId })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(new Set(results.filter((r) => r.status === 'rejected').map(codeOf))).toEqual(new Set(['loyalty.insufficient_points']));
    expect(await koi.loyalty.points.balance(me!.id)).toBe(500);
    const item = (await call(koi, 'GET', `/api/admin/points-mall/items/${itemId}`, undefined, { token: owner })).body;
    expect(item).toMatchObject({ stock: 98, exchangedCount: 2 });
    expect(await count(koi, sql`select count as n from points_mall_counts where item_id = ${itemId} and customer_id = ${me!.id}`)).toBe(2);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('the same idempotency key twice, at once and again later: one exchange, points spent once', async () => {
    const { itemId } = await couponItem({ stock: 100, perCustomerLimit: 10, pointsPrice: 300 });
    const token = await shopperToken(koi, '13700000001');
    const me = await customerOf(koi, token);
    await givePoints(koi, me, 3000, `race-c:${me}`);
    const both = await Promise.all([1, 2].map(() => koi.pointsMall.exchange(me, { itemId, idempotencyKey: 'tap-1' })));
    expect(both[0]!.id).toBe(both[1]!.id);
    const headers = { 'idempotency-key': 'tap-2' };
    const a = await call(koi, 'POST', '/api/shop/points-mall/exchanges', { itemId }, { token, headers });
    const b = await call(koi, 'POST', '/api/shop/points-mall/exchanges', { itemId }, { token, headers });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    expect(await count(koi, sql`select count(*) as n from points_mall_exchanges where customer_id = ${me}`)).toBe(2);
    expect(await koi.loyalty.points.balance(me)).toBe(2400);
    // the same key for another item is a conflict, not a second exchange
    const other = await couponItem({ stock: 5, perCustomerLimit: 1, pointsPrice: 100 });
    await expect(koi.pointsMall.exchange(me, { itemId: other.itemId, idempotencyKey: 'tap-1' })).rejects.toMatchObject({ code: 'points_mall.idempotency_conflict' });
    expect(await koi.loyalty.points.balance(me)).toBe(2400);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('a coupon that cannot be issued loses nothing: points, stock and the limit count stay', async () => {
    const { itemId } = await couponItem({ stock: 5, perCustomerLimit: 5, pointsPrice: 200 }, { totalQuantity: 1 });
    const [x, y] = await bulkShoppers(koi, 2, '1392');
    for (const s of [x!, y!]) await givePoints(koi, s.id, 1000, `race-d:${s.id}`);
    await koi.pointsMall.exchange(x!.id, { itemId });
    await expect(koi.pointsMall.exchange(y!.id, { itemId })).rejects.toMatchObject({ code: 'points_mall.coupon_sold_out' });
    expect(await koi.loyalty.points.balance(y!.id)).toBe(1000);
    const item = (await call(koi, 'GET', `/api/admin/points-mall/items/${itemId}`, undefined, { token: owner })).body;
    expect(item).toMatchObject({ stock: 4, exchangedCount: 1 });
    expect(await count(koi, sql`select count(*) as n from points_mall_counts where item_id = ${itemId} and customer_id = ${y!.id}`)).toBe(0);
    expect(await count(koi, sql`select count(*) as n from points_mall_exchanges where customer_id = ${y!.id}`)).toBe(0);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });
});
