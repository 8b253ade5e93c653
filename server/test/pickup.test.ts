import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';
import { outbox } from './catalog-fixtures.ts';
import { demoStores, managerOf, payOrder } from './delivery-fixtures.ts';
import { publish } from '../src/platform/events.ts';
import type { TStoreProfile } from '@koi/contracts';

describe.each(DB_KINDS)('store pickup (到店自提) on %s', (kind) => {
  let koi: TestKoi;
  let stores: Record<'hz' | 'sh' | 'sz', TStoreProfile>;
  let owner: string;
  let hzManager: string;
  let shManager: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    stores = await demoStores(koi);
    owner = await staffToken(koi, 'owner@koi.demo');
    hzManager = await managerOf(koi, stores.hz.id, 'mgr.pickup.hz@koi.test');
    shManager = await managerOf(koi, stores.sh.id, 'mgr.pickup.sh@koi.test');
  });
  afterAll(async () => { await koi?.dispose(); });

  /** A paid pickup order at 杭州西湖店; returns the order and its code. */
  async function paidPickup(phone: string) {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 5000, stock: 20 }]);
    const token = await shopperWithAddress(koi, phone);
    const placed = await call(koi, 'POST', '/api/shop/orders', { items: [{ skuId: a, quantity: 1 }], couponIds: [], delivery: { method: 'pickup', storeId: stores.hz.id } }, { token });
    expect(placed.status).toBe(201);
    await payOrder(koi, placed.body.id, placed.body.payableFen);
    const pickup = await call(koi, 'GET', `/api/shop/orders/${placed.body.id}/pickup`, undefined, { token });
    expect(pickup.status).toBe(200);
    return { order: placed.body, token, code: pickup.body.code as string, pickup: pickup.body };
  }

  it('prices pickup with no shipping fee and no address, and asks for a store that offers it', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 5000, stock: 20 }]);
    const token = await shopperWithAddress(koi, '13700000001');
    const items = [{ skuId: a, quantity: 1 }];
    const express = await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [] }, { token });
    expect(express.body.delivery.method).toBe('express');
    expect(express.body.shippingFen).toBe(500); // 江浙沪 first piece (demo template)

    const noStore = await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], delivery: { method: 'pickup' } }, { token });
    expect(noStore.body.canSubmit).toBe(false);
    expect(noStore.body.blockers.map((b: { code: string }) => b.code)).toEqual(['checkout.pickup_store_required']);
    expect(noStore.body.delivery.pickupStores[0].id).toBe(stores.hz.id); // nearest to 西湖区 first

    const p = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], delivery: { method: 'pickup', storeId: stores.hz.id } }, { token })).body;
    expect(p.canSubmit).toBe(true);
    expect(p.shippingFen).toBe(0);
    expect(p.delivery).toMatchObject({ method: 'pickup', feeFen: 0, store: { id: stores.hz.id, name: stores.hz.name, phone: stores.hz.phone } });
    expect(p.delivery.store.hours).toHaveLength(7);
    expect(p.payableFen).toBe(p.itemsTotalFen - p.promotionDiscountFen - p.couponDiscountFen);

    const placed = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], delivery: { method: 'pickup', storeId: stores.hz.id } }, { token });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ shippingFen: 0, address: null, payableFen: p.payableFen });
    expect(placed.body.delivery).toMatchObject({ method: 'pickup', storeId: stores.hz.id, storeName: stores.hz.name, feeFen: 0 });

    // The store editor turns pickup off at 苏州平江店: checkout refuses it with a clear code.
    const { id, ...sz } = stores.sz;
    const edited = await call(koi, 'PUT', `/api/admin/store-profiles/${id}`, { ...sz, pickupEnabled: false }, { token: owner });
    expect(edited.status).toBe(200);
    const refused = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], delivery: { method: 'pickup', storeId: id } }, { token });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('checkout.pickup_store_unavailable');
    await call(koi, 'PUT', `/api/admin/store-profiles/${id}`, sz, { token: owner });
    // Store managers edit nothing (store:manage is the owner's).
    expect((await call(koi, 'PUT', `/api/admin/store-profiles/${stores.hz.id}`, { ...stores.hz, id: undefined }, { token: hzManager })).status).toBe(403);
  });

  it('draws an 8-digit code on payment, shows it with its QR code and publishes pickup.ready', async () => {
    const { order, code, pickup } = await paidPickup('13700000002');
    expect(code).toMatch(/^\d{8}$/);
    expect(pickup).toMatchObject({ status: 'ready', storeName: stores.hz.name, storeAddress: stores.hz.address });
    expect(pickup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const ready = (await outbox(koi, 'pickup.ready')).filter((e) => e.payload.orderId === order.id);
    expect(ready).toHaveLength(1);
    expect(ready[0]!.payload).toMatchObject({ storeId: stores.hz.id, pickupCode: code, orderNo: order.orderNo });
    // A replayed order.paid draws no second code.
    await koi.bus.dispatchOnce();
    expect((await outbox(koi, 'pickup.ready')).filter((e) => e.payload.orderId === order.id)).toHaveLength(1);
    // Nobody else sees it.
    const other = await shopperWithAddress(koi, '13700000012');
    expect((await call(koi, 'GET', `/api/shop/orders/${order.id}/pickup`, undefined, { token: other })).status).toBe(404);
  });

  it('only staff of the order\'s store (or of every store) verify; the handover completes the order once', async () => {
    const { order, code, token } = await paidPickup('13700000003');
    const denied = await call(koi, 'POST', '/api/admin/pickups/verify', { code }, { token: shManager });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('auth.store_scope');
    const guide = await staffToken(koi, 'guide.hz@koi.demo');
    expect((await call(koi, 'POST', '/api/admin/pickups/verify', { code }, { token: guide })).status).toBe(403);

    const seen = await call(koi, 'POST', '/api/admin/pickups/lookup', { code }, { token: owner });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ orderId: order.id, status: 'ready', storeId: stores.hz.id, lines: [{ quantity: 1 }] });

    const done = await call(koi, 'POST', '/api/admin/pickups/verify', { code }, { token: hzManager });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'picked_up', orderId: order.id });
    expect((await call(koi, 'GET', `/api/shop/orders/${order.id}`, undefined, { token })).body.status).toBe('completed');
    const again = await call(koi, 'POST', '/api/admin/pickups/verify', { code }, { token: hzManager });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('pickup.already_picked_up');
    expect((await outbox(koi, 'pickup.picked_up')).filter((e) => e.payload.orderId === order.id)).toHaveLength(1);
    expect((await outbox(koi, 'order.completed')).filter((e) => e.payload.orderId === order.id)).toHaveLength(1);
  });

  it('verifying the same code at once from two counters hands over once', async () => {
    const { order, code } = await paidPickup('13700000004');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      call(koi, 'POST', '/api/admin/pickups/verify', { code }, { token: i % 2 ? owner : hzManager })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    expect((await outbox(koi, 'pickup.picked_up')).filter((e) => e.payload.orderId === order.id)).toHaveLength(1);
    expect((await outbox(koi, 'order.completed')).filter((e) => e.payload.orderId === order.id)).toHaveLength(1);
  });

  it('a pickup order closed (refunded) before pickup: its code no longer hands anything over', async () => {
    const { order, code } = await paidPickup('13700000006');
    // What the after-sales refund of the whole order publishes when it closes the order.
    await koi.db.tx((q) => publish(q, 'order.closed', { orderId: order.id, orderNo: order.orderNo, customerId: order.customerId ?? '', reason: 'refunded', at: new Date().toISOString() }));
    while ((await koi.bus.dispatchOnce()) > 0);
    const res = await call(koi, 'POST', '/api/admin/pickups/verify', { code }, { token: owner });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('pickup.code_not_found');
    expect((await outbox(koi, 'pickup.picked_up')).filter((e) => e.payload.orderId === order.id)).toHaveLength(0);
  });

  it('locks a staff member out after too many wrong codes, even for a right one', async () => {
    const { code } = await paidPickup('13700000005');
    const guesser = await managerOf(koi, stores.hz.id, 'mgr.guess.hz@koi.test');
    const wrong = code === '00000000' ? '00000001' : '00000000';
    for (let i = 0; i < 5; i++) expect((await call(koi, 'POST', '/api/admin/pickups/lookup', { code: wrong }, { token: guesser })).status).toBe(404);
    const locked = await call(koi, 'POST', '/api/admin/pickups/verify', { code }, { token: guesser });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('pickup.too_many_wrong_codes');
    // Others are not affected, and a malformed code is a 400.
    expect((await call(koi, 'POST', '/api/admin/pickups/lookup', { code }, { token: hzManager })).status).toBe(200);
    expect((await call(koi, 'POST', '/api/admin/pickups/lookup', { code: '12ab' }, { token: hzManager })).status).toBe(400);
  });
});
