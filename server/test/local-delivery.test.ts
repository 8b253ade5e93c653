import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TStoreProfile } from '@koi/contracts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { makeSkus } from './order-fixtures.ts';
import { outbox } from './catalog-fixtures.ts';
import { demoStores, managerOf, payOrder, shopperIn } from './delivery-fixtures.ts';

type Slot = { date: string; start: string; end: string };

describe.each(DB_KINDS)('local delivery (同城配送) on %s', (kind) => {
  let koi: TestKoi;
  let stores: Record<'hz' | 'sh' | 'sz', TStoreProfile>;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    stores = await demoStores(koi);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => { await koi?.dispose(); });

  const local = (slot?: Slot) => ({ method: 'local_delivery', ...(slot ? { slot } : {}) });

  it('serves from the nearest store in range, prices by distance band through the shipping stage, and needs a slot', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 5000, stock: 50 }]);
    const token = await shopperIn(koi, '13600000001', '330106'); // 西湖区: ~3.5 km from 南山路
    const items = [{ skuId: a, quantity: 1 }];
    const first = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], delivery: local() }, { token })).body;
    expect(first.canSubmit).toBe(false);
    expect(first.blockers.map((b: { code: string }) => b.code)).toEqual(['checkout.delivery_slot_required']);
    expect(first.delivery).toMatchObject({ method: 'local_delivery', feeFen: 800, store: { id: stores.hz.id } });
    expect(first.delivery.distanceMetres).toBeGreaterThan(3000);
    expect(first.delivery.distanceMetres).toBeLessThanOrEqual(5000);
    expect(first.shippingFen).toBe(800);
    expect(first.delivery.slots.length).toBeGreaterThan(5);

    const slot: Slot = first.delivery.slots[1];
    const p = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], delivery: local(slot) }, { token })).body;
    expect(p.canSubmit).toBe(true);
    expect(p.delivery.slot).toEqual(slot);
    expect(p.payableFen).toBe(p.itemsTotalFen - p.promotionDiscountFen - p.couponDiscountFen + p.shippingFen - p.shippingDiscountFen);

    const placed = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], delivery: local(slot) }, { token });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ shippingFen: 800, payableFen: p.payableFen });
    expect(placed.body.delivery).toMatchObject({ method: 'local_delivery', storeId: stores.hz.id, slot, feeFen: 800, distanceMetres: p.delivery.distanceMetres });
    expect(placed.body.address.districtCode).toBe('330106');

    // Goods of ¥199 or more deliver free.
    const big = (await call(koi, 'POST', '/api/shop/checkout/preview', { items: [{ skuId: a, quantity: 4 }], couponIds: [], delivery: local(slot) }, { token })).body;
    expect(big.shippingFen).toBe(0);
    expect(big.delivery.feeFen).toBe(0);

    // A slot that is not offered is refused.
    const bad = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], delivery: local({ date: '2020-01-01', start: '10:00', end: '11:00' }) }, { token });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('checkout.delivery_slot_unavailable');
  });

  it('refuses addresses out of range, or that cannot be placed, with clear codes', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 5000, stock: 50 }]);
    const items = [{ skuId: a, quantity: 1 }];
    const pudong = await shopperIn(koi, '13600000002', '310115'); // 浦东: ~13 km from 愚园路
    const far = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], delivery: local() }, { token: pudong });
    expect(far.status).toBe(422);
    expect(far.body.code).toBe('checkout.local_delivery_out_of_range');
    const pre = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], delivery: local() }, { token: pudong })).body;
    expect(pre.delivery.methods.find((m: { method: string }) => m.method === 'local_delivery')).toMatchObject({ available: false });
    expect(pre.delivery.methods.find((m: { method: string }) => m.method === 'express')).toMatchObject({ available: true });

    const beijing = await shopperIn(koi, '13600000003', '110105');
    const unplaced = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], delivery: local() }, { token: beijing });
    expect(unplaced.status).toBe(422);
    expect(unplaced.body.code).toBe('checkout.local_delivery_unlocated');

    // 姑苏区 is ~1.3 km from 平江路: the nearest store serves, in its own band.
    const suzhou = await shopperIn(koi, '13600000004', '320508');
    const sz = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], delivery: local() }, { token: suzhou })).body;
    expect(sz.delivery).toMatchObject({ store: { id: stores.sz.id }, feeFen: 600 });
  });

  it('the store marks 已出发 and 已送达; other stores cannot touch it', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 5000, stock: 50 }]);
    const token = await shopperIn(koi, '13600000005', '330106');
    const items = [{ skuId: a, quantity: 2 }];
    const pre = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], delivery: local() }, { token })).body;
    const slot = pre.delivery.slots[0];
    const placed = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], delivery: local(slot) }, { token });
    expect(placed.status).toBe(201);
    await payOrder(koi, placed.body.id, placed.body.payableFen);

    const hz = await managerOf(koi, stores.hz.id, 'mgr.local.hz@koi.test');
    const sh = await managerOf(koi, stores.sh.id, 'mgr.local.sh@koi.test');
    const mine = (await call(koi, 'GET', '/api/admin/local-deliveries?status=waiting', undefined, { token: hz })).body.items;
    expect(mine.find((d: { orderId: string }) => d.orderId === placed.body.id)).toMatchObject({ slot, storeId: stores.hz.id, status: 'waiting' });
    expect((await call(koi, 'GET', '/api/admin/local-deliveries?status=all', undefined, { token: sh })).body.items.some((d: { orderId: string }) => d.orderId === placed.body.id)).toBe(false);
    expect((await call(koi, 'POST', `/api/admin/local-deliveries/${placed.body.id}/out`, undefined, { token: sh })).status).toBe(404);

    const out = await call(koi, 'POST', `/api/admin/local-deliveries/${placed.body.id}/out`, undefined, { token: hz });
    expect(out.status).toBe(200);
    expect(out.body.status).toBe('out_for_delivery');
    expect((await call(koi, 'GET', `/api/shop/orders/${placed.body.id}`, undefined, { token })).body.status).toBe('shipped');
    const shipped = (await outbox(koi, 'shipment.shipped')).filter((e) => e.payload.orderId === placed.body.id);
    expect(shipped).toHaveLength(1);
    expect(shipped[0]!.payload).toMatchObject({ method: 'local_delivery', orderFullyShipped: true, courierCode: null, trackingNo: null });
    expect(shipped[0]!.payload.lines).toEqual([{ lineId: expect.any(String), quantity: 2 }]);
    expect((await call(koi, 'POST', `/api/admin/local-deliveries/${placed.body.id}/out`, undefined, { token: owner })).status).toBe(409);

    const delivered = await call(koi, 'POST', `/api/admin/local-deliveries/${placed.body.id}/delivered`, undefined, { token: owner });
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('delivered');
    expect((await outbox(koi, 'shipment.delivered')).filter((e) => e.payload.orderId === placed.body.id)).toHaveLength(1);
    const order = (await call(koi, 'GET', `/api/shop/orders/${placed.body.id}`, undefined, { token })).body;
    expect(order.delivery.slot).toEqual(slot);
  });
});
