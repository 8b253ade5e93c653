import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { template } from './coupon-issue-fixtures.ts';
import { customerOf, drain, givePoints, ownerToken } from './checkout-loyalty-fixtures.ts';
import { makeSkus, shopperWithAddress, stockOf } from './order-fixtures.ts';

describe.each(DB_KINDS)('points mall (积分商城) on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await ownerToken(koi);
  });
  afterAll(async () => { await koi?.dispose(); });

  it('admin CRUD: validation problems name the field; only marketing staff may manage; removed items leave the shelf', async () => {
    const t = await template(koi, { kind: 'no_threshold', name: '¥5 无门槛券', args: { amountFen: 500 }, perCustomerLimit: 10, totalQuantity: 100, claimable: false });
    const bad = await call(koi, 'POST', '/api/admin/points-mall/items', { kind: 'coupon', refId: t.id, pointsPrice: 0, stock: -1, perCustomerLimit: 1, onShelf: true }, { token: owner });
    expect(bad.status).toBe(400);
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.pointsPrice', 'body.stock']));
    const window = await call(koi, 'POST', '/api/admin/points-mall/items', {
      kind: 'coupon', refId: t.id, pointsPrice: 100, stock: 1, perCustomerLimit: 1, onShelf: true, validFrom: '2026-12-01T00:00:00+08:00', validUntil: '2026-11-01T00:00:00+08:00',
    }, { token: owner });
    expect(window.status).toBe(400);
    expect(window.body.errors.map((e: { path: string }) => e.path)).toContain('body.validUntil');
    const unknown = await call(koi, 'POST', '/api/admin/points-mall/items', { kind: 'product', refId: t.id, pointsPrice: 100, stock: 1, perCustomerLimit: 1, onShelf: true }, { token: owner });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('points_mall.ref_invalid');
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.refId']);

    const finance = await call(koi, 'POST', '/api/admin/staff', { email: 'fin.pm@koi.demo', name: '财务', password: 'password-1', role: 'finance', storeId: null }, { token: owner });
    expect(finance.status, JSON.stringify(finance.body)).toBe(200);
    const fin = await staffToken(koi, 'fin.pm@koi.demo', 'password-1');
    expect((await call(koi, 'GET', '/api/admin/points-mall/items', undefined, { token: fin })).status).toBe(403);
    expect((await call(koi, 'GET', '/api/admin/points-mall/items')).status).toBe(401);

    const made = await call(koi, 'POST', '/api/admin/points-mall/items', { kind: 'coupon', refId: t.id, pointsPrice: 500, stock: 3, perCustomerLimit: 1, onShelf: true, sort: 1 }, { token: owner });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body).toMatchObject({ title: '', refName: '¥5 无门槛券', stock: 3, exchangedCount: 0 });
    const changed = await call(koi, 'PUT', `/api/admin/points-mall/items/${made.body.id}`, { kind: 'coupon', refId: t.id, title: '5元券', pointsPrice: 600, stock: 5, perCustomerLimit: 2, onShelf: true }, { token: owner });
    expect(changed.body).toMatchObject({ title: '5元券', pointsPrice: 600, stock: 5, perCustomerLimit: 2 });
    let shelf = (await call(koi, 'GET', '/api/shop/points-mall/items')).body;
    expect(shelf.balance).toBeNull();
    expect(shelf.items.find((i: { id: string }) => i.id === made.body.id)).toMatchObject({ title: '5元券', couponSummary: expect.stringContaining('5'), block: 'sign_in' });
    expect((await call(koi, 'DELETE', `/api/admin/points-mall/items/${made.body.id}`, undefined, { token: owner })).status).toBe(200);
    shelf = (await call(koi, 'GET', '/api/shop/points-mall/items')).body;
    expect(shelf.items.find((i: { id: string }) => i.id === made.body.id)).toBeUndefined();
    expect((await call(koi, 'GET', `/api/shop/points-mall/items/${made.body.id}`)).status).toBe(404);
  });

  it('a shopper exchanges a coupon: points spent, the coupon in the wallet, the record with a masked phone', async () => {
    const t = await template(koi, { kind: 'no_threshold', name: '¥10 无门槛券', args: { amountFen: 1000 }, perCustomerLimit: 5, totalQuantity: 100, claimable: false });
    const item = (await call(koi, 'POST', '/api/admin/points-mall/items', { kind: 'coupon', refId: t.id, pointsPrice: 1000, stock: 10, perCustomerLimit: 1, onShelf: true }, { token: owner })).body;
    const token = await shopperWithAddress(koi, '13611112222');
    const me = await customerOf(koi, token);
    await givePoints(koi, me, 1200, `pm-coupon:${me}`);
    const listed = (await call(koi, 'GET', '/api/shop/points-mall/items', undefined, { token })).body;
    expect(listed.balance).toBe(1200);
    expect(listed.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ block: null, exchanged: 0, needsAddress: false });
    const res = await call(koi, 'POST', '/api/shop/points-mall/exchanges', { itemId: item.id }, { token, headers: { 'idempotency-key': 'pm-1' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ kind: 'coupon', points: 1000, balance: 200, status: 'completed', orderId: null });
    const wallet = (await call(koi, 'GET', '/api/shop/coupons/wallet', undefined, { token })).body;
    expect(JSON.stringify(wallet)).toContain(res.body.couponId);
    const again = await call(koi, 'GET', `/api/shop/points-mall/items/${item.id}`, undefined, { token });
    expect(again.body).toMatchObject({ exchanged: 1, block: 'limit_reached', stock: 9 });
    const second = await call(koi, 'POST', '/api/shop/points-mall/exchanges', { itemId: item.id }, { token, headers: { 'idempotency-key': 'pm-2' } });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('points_mall.limit_reached');
    const mine = (await call(koi, 'GET', '/api/shop/points-mall/exchanges', undefined, { token })).body;
    expect(mine.total).toBe(1);
    const history = (await call(koi, 'GET', '/api/shop/loyalty/points', undefined, { token })).body;
    expect(JSON.stringify(history)).toContain('积分商城兑换');
    const records = (await call(koi, 'GET', `/api/admin/points-mall/exchanges?itemId=${item.id}`, undefined, { token: owner })).body;
    expect(records.items).toHaveLength(1);
    expect(records.items[0]).toMatchObject({ customerId: me, phoneMasked: '136****2222' });
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('a product exchange is a paid order shipped like any other: stock reserved and committed, nothing to pay', async () => {
    const { skuIds: [skuId] } = await makeSkus(koi, [{ priceFen: 6800, stock: 2 }], { title: '竹制茶则' });
    const item = (await call(koi, 'POST', '/api/admin/points-mall/items', { kind: 'product', refId: skuId, pointsPrice: 3000, stock: 5, perCustomerLimit: 5, onShelf: true }, { token: owner })).body;
    expect(item).toMatchObject({ marketPriceFen: 6800, refName: expect.stringContaining('竹制茶则') });
    const token = await shopperWithAddress(koi, '13622223333');
    const me = await customerOf(koi, token);
    await givePoints(koi, me, 10_000, `pm-product:${me}`);
    const noAddress = await call(koi, 'POST', '/api/shop/points-mall/exchanges', { itemId: item.id }, { token });
    expect(noAddress.status).toBe(422);
    expect(noAddress.body.code).toBe('points_mall.address_required');
    const addressId = (await call(koi, 'GET', '/api/shop/addresses/default', undefined, { token })).body.address.id;
    const res = await call(koi, 'POST', '/api/shop/points-mall/exchanges', { itemId: item.id, addressId }, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ kind: 'product', couponId: null, balance: 7000 });
    const order = (await call(koi, 'GET', `/api/shop/orders/${res.body.orderId}`, undefined, { token })).body;
    expect(order).toMatchObject({ status: 'paid', payableFen: 0 });
    expect(order.lines[0]).toMatchObject({ skuId, quantity: 1, payableFen: 0 });
    expect(await stockOf(koi, skuId)).toMatchObject({ onHand: 1, reserved: 0 });
    await drain(koi);
    // the catalog's own stock runs out before the mall's: the refusal loses nothing
    await call(koi, 'POST', '/api/shop/points-mall/exchanges', { itemId: item.id, addressId }, { token });
    const out = await call(koi, 'POST', '/api/shop/points-mall/exchanges', { itemId: item.id, addressId }, { token });
    expect(out.status).toBe(409);
    expect(out.body.code).toBe('checkout.out_of_stock');
    expect(await koi.loyalty.points.balance(me)).toBe(4000);
    expect((await call(koi, 'GET', `/api/admin/points-mall/items/${item.id}`, undefined, { token: owner })).body).toMatchObject({ stock: 3, exchangedCount: 2 });
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });
});
