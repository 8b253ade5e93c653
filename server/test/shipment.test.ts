import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { FulfilmentEvents, type TOrderShipping, type TShipmentShippedEvent } from '@koi/contracts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { eventsOf, paidOrder, sfNo, ytNo } from './shipment-fixtures.ts';

describe.each(DB_KINDS)('shipping orders on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => { await koi?.dispose(); });

  const ship = (orderId: string, packages: unknown[], token = owner) => call(koi, 'POST', `/api/admin/shipping/orders/${orderId}/ship`, { packages }, { token });
  const shipping = async (orderId: string) => (await call<TOrderShipping>(koi, 'GET', `/api/admin/shipping/orders/${orderId}`, undefined, { token: owner })).body;
  const shippedEvents = async (orderId: string) => (await eventsOf<TShipmentShippedEvent>(koi, FulfilmentEvents.shipped)).filter((e) => e.orderId === orderId);

  it('ships a paid order whole: one package, the order becomes shipped, one event', async () => {
    const o = await paidOrder(koi, '13700000001', [2, 1]);
    const no = sfNo();
    const res = await ship(o.orderId, [{ courierCode: '顺丰', trackingNo: no.toLowerCase() }]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.orderStatus).toBe('shipped');
    const s = await shipping(o.orderId);
    expect(s.status).toBe('shipped');
    expect(s.lines.map((l) => l.remaining)).toEqual([0, 0]);
    expect(s.shipments).toHaveLength(1);
    expect(s.shipments[0]).toMatchObject({ courierCode: 'shunfeng', courierName: '顺丰速运', trackingNo: no, trackingLabel: '待揽收' });
    const events = await shippedEvents(o.orderId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ method: 'express', courierCode: 'shunfeng', trackingNo: no, orderFullyShipped: true });
    const order = await call(koi, 'GET', `/api/shop/orders/${o.orderId}`, undefined, { token: o.token });
    expect(order.body.status).toBe('shipped');
    expect((await ship(o.orderId, [{ courierCode: 'shunfeng', trackingNo: sfNo() }])).body.code).toBe('shipment.order_not_paid');
  });

  it('splits an order into packages; a line never ships more units than were ordered', async () => {
    const o = await paidOrder(koi, '13700000002', [3, 1]);
    const [a, b] = o.lines;
    const first = await ship(o.orderId, [{ courierCode: 'yuantong', trackingNo: ytNo(), lines: [{ lineId: a!.id, quantity: 2 }] }]);
    expect(first.body.orderStatus).toBe('paid');
    expect((await shipping(o.orderId)).lines.map((l) => [l.shipped, l.remaining])).toEqual([[2, 1], [0, 1]]);
    const over = await ship(o.orderId, [{ courierCode: 'yuantong', trackingNo: ytNo(), lines: [{ lineId: a!.id, quantity: 2 }] }]);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('shipment.over_ship');
    const rest = await ship(o.orderId, [
      { courierCode: 'yuantong', trackingNo: ytNo(), lines: [{ lineId: a!.id, quantity: 1 }] },
      { courierCode: 'jd', trackingNo: 'JDVA12345678901', lines: [{ lineId: b!.id, quantity: 1 }] },
    ]);
    expect(rest.status, JSON.stringify(rest.body)).toBe(200);
    expect(rest.body.orderStatus).toBe('shipped');
    const events = await shippedEvents(o.orderId);
    expect(events.map((e) => e.orderFullyShipped)).toEqual([false, false, true]);
    expect((await shipping(o.orderId)).shipments).toHaveLength(3);
  });

  it('refuses unknown couriers, numbers of another format, foreign lines, and staff without order:ship', async () => {
    const o = await paidOrder(koi, '13700000003', [1]);
    expect((await ship(o.orderId, [{ courierCode: '顺风', trackingNo: sfNo() }])).body.code).toBe('shipment.courier_unknown');
    const bad = await ship(o.orderId, [{ courierCode: 'shunfeng', trackingNo: 'YT1234567890123' }]);
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('shipment.tracking_invalid');
    expect((await ship(o.orderId, [{ courierCode: 'shunfeng', trackingNo: sfNo(), lines: [{ lineId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] }])).body.code).toBe('shipment.line_unknown');
    const service = await staffToken(koi, 'service@koi.demo');
    expect((await ship(o.orderId, [{ courierCode: 'shunfeng', trackingNo: sfNo() }], service)).status).toBe(403);
    expect((await call(koi, 'GET', `/api/admin/shipping/orders/${o.orderId}`, undefined, { token: service })).status).toBe(200);
  });

  it('ten operators shipping the same order at once ship it once', async () => {
    const o = await paidOrder(koi, '13700000004', [2]);
    const results = await Promise.all(Array.from({ length: 10 }, () => ship(o.orderId, [{ courierCode: 'shunfeng', trackingNo: sfNo() }])));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect((await shipping(o.orderId)).shipments).toHaveLength(1);
    expect(await shippedEvents(o.orderId)).toHaveLength(1);
  });

  it('two packages of the same line at once: the units are taken once (conditional update)', async () => {
    const o = await paidOrder(koi, '13700000005', [3, 1]);
    const [a] = o.lines;
    const results = await Promise.all(Array.from({ length: 6 }, () => ship(o.orderId, [{ courierCode: 'yuantong', trackingNo: ytNo(), lines: [{ lineId: a!.id, quantity: 2 }] }])));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200 ? false : r.body.code === 'shipment.over_ship')).toHaveLength(5);
    const [units] = await koi.db.rows<{ shipped: number }>(sql`select shipped from shipment_line_units where order_line_id = ${a!.id}`);
    expect(Number(units!.shipped)).toBe(2);
  });

  it('lists the queue tabs and prints a pick list of the selected orders', async () => {
    const o = await paidOrder(koi, '13700000006', [2]);
    const toShip = await call(koi, 'GET', '/api/admin/shipping/queue?tab=to_ship&pageSize=100', undefined, { token: owner });
    expect(toShip.status).toBe(200);
    const row = toShip.body.items.find((i: { orderId: string }) => i.orderId === o.orderId);
    expect(row).toMatchObject({ orderNo: o.orderNo, mobile: '137****0006', shipment: null });
    // Only express orders wait here: the demo's paid pickup order is the store's, not the warehouse's.
    expect(toShip.body.counts.to_ship).toBe(toShip.body.items.length);
    const pickups = await koi.db.rows<{ id: string }>(sql`select id from orders where delivery_method = 'pickup' and status = 'paid'`);
    expect(pickups.length).toBeGreaterThan(0);
    expect(toShip.body.items.map((i: { orderId: string }) => i.orderId)).not.toContain(pickups[0]!.id);
    const shipped = await call(koi, 'GET', '/api/admin/shipping/queue?tab=shipped', undefined, { token: owner });
    expect(shipped.body.items.length).toBeGreaterThan(0);
    expect(shipped.body.counts.shipped).toBeGreaterThanOrEqual(shipped.body.items.length);
    const pick = await koi.app.inject({ method: 'GET', url: `/api/admin/shipping/pick-list?orderIds=${o.orderId}`, headers: { authorization: `Bearer ${owner}` } });
    expect(pick.statusCode).toBe(200);
    expect(pick.headers['content-type']).toContain('text/html');
    expect(pick.body).toContain(o.orderNo);
    expect(pick.body).toContain(o.lines[0]!.title);
    expect(pick.body).toContain('拣货单');
  });
});
