import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { FulfilmentEvents, OrderEvents, type TShipmentDeliveredEvent, type TShopTracking } from '@koi/contracts';
import { clock } from '../src/platform/clock.ts';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';
import { eventsOf, paidOrder, sfNo } from './shipment-fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(DB_KINDS)('courier tracking through the Kuaidi100 simulator on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => { await koi?.dispose(); });
  // Staff sessions last hours; the tests move the clock by days.
  beforeEach(async () => { owner = await staffToken(koi, 'owner@koi.demo'); });

  const sim = () => koi.shipments.simulator!;
  const tracking = async (orderId: string, token: string) => call<TShopTracking>(koi, 'GET', `/api/shop/orders/${orderId}/tracking`, undefined, { token });
  const push = (url: string, body: string) => koi.app.inject({ method: 'POST', url: new URL(url).pathname + new URL(url).search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
  /** The undelivered push of one parcel (the demo's own parcels move too when the clock does). */
  const pushFor = async (trackingNo: string) => {
    for (const id of await sim().pending()) if ((await sim().pushBody(id))!.url.endsWith(`nu=${trackingNo}`)) return id;
    throw new Error(`no push for ${trackingNo}`);
  };
  const eventCount = async (shipmentId: string) => Number((await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from shipment_events where shipment_id = ${shipmentId}`))[0]!.n);

  it('subscribes, follows the parcel as time passes, counts duplicate pushes once, and completes the order after the countdown', async () => {
    const o = await paidOrder(koi, '13710000001', [1]);
    const no = sfNo();
    const shipped = await call(koi, 'POST', `/api/admin/shipping/orders/${o.orderId}/ship`, { packages: [{ courierCode: 'shunfeng', trackingNo: no }] }, { token: owner });
    expect(shipped.status).toBe(200);
    const [shipmentId] = shipped.body.shipmentIds as string[];
    expect(await koi.shipments.subscribePending()).toBeGreaterThanOrEqual(1);

    // Nothing has happened yet: the real-time query says so, as Kuaidi100 does (查询无结果).
    expect((await call(koi, 'POST', `/api/admin/shipping/shipments/${shipmentId}/refresh`, undefined, { token: owner })).body.code).toBe('shipment.tracking_unavailable');

    clock.advance(4 * HOUR);
    expect(await sim().advance()).toBeGreaterThanOrEqual(1);
    expect(await sim().deliver(await pushFor(no))).toBe('delivered');
    let t = (await tracking(o.orderId, o.token)).body;
    expect(t.shipments[0]!.events.length).toBeGreaterThanOrEqual(1);
    expect(t.shipments[0]!.events.at(-1)!.context).toContain('已揽收');
    expect(t.shipments[0]!.deliveredAt).toBeNull();
    expect(t.autoConfirmAt).toBeNull();

    // The real-time query (signed with customer + key) finds the same events: nothing new is stored.
    const before = await eventCount(shipmentId!);
    expect((await call(koi, 'POST', `/api/admin/shipping/shipments/${shipmentId}/refresh`, undefined, { token: owner })).status).toBe(204);
    expect(await eventCount(shipmentId!)).toBe(before);

    // Days later the parcel is signed for; its push arrives ten times at once.
    clock.advance(5 * DAY);
    expect(await sim().advance()).toBeGreaterThanOrEqual(1);
    const last = await pushFor(no);
    const req = (await sim().pushBody(last))!;
    const answers = await Promise.all(Array.from({ length: 10 }, () => push(req.url, req.body)));
    for (const a of answers) expect(JSON.parse(a.body)).toEqual({ result: true, returnCode: '200', message: '成功' });
    // The simulator's own delivery of the same push (Kuaidi100 retries too) is one more duplicate.
    expect(await sim().deliver(last)).toBe('delivered');
    const delivered = (await eventsOf<TShipmentDeliveredEvent>(koi, FulfilmentEvents.delivered)).filter((e) => e.orderId === o.orderId);
    expect(delivered).toHaveLength(1);
    t = (await tracking(o.orderId, o.token)).body;
    const contexts = t.shipments[0]!.events.map((e) => e.context);
    expect(new Set(contexts).size).toBe(contexts.length);
    expect(contexts[0]).toContain('已签收');
    expect(contexts.some((c) => c.includes('派送中'))).toBe(true);
    expect(t.shipments[0]).toMatchObject({ trackingState: 3, trackingLabel: '已签收' });
    expect(t.autoConfirmAt).not.toBeNull();
    const due = new Date(t.autoConfirmAt!).getTime();
    expect(due - new Date(t.shipments[0]!.deliveredAt!).getTime()).toBe(7 * DAY);

    // Not before the countdown ends; then once.
    clock.set(new Date(due - HOUR));
    expect(await koi.shipments.tracking.autoConfirmDue()).toBe(0);
    clock.set(new Date(due + HOUR));
    const results = await Promise.all([koi.shipments.tracking.autoConfirmDue(), koi.shipments.tracking.autoConfirmDue()]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await koi.shipments.tracking.autoConfirmDue()).toBe(0);
    const order = await call(koi, 'GET', `/api/shop/orders/${o.orderId}`, undefined, { token: o.token });
    expect(order.body.status).toBe('completed');
    expect((await eventsOf<{ orderId: string }>(koi, OrderEvents.completed)).filter((e) => e.orderId === o.orderId)).toHaveLength(1);
  });

  it('a push with a wrong sign, or for another parcel, changes nothing and is not acknowledged', async () => {
    const o = await paidOrder(koi, '13710000002', [1]);
    const shipped = await call(koi, 'POST', `/api/admin/shipping/orders/${o.orderId}/ship`, { packages: [{ courierCode: 'shunfeng', trackingNo: sfNo() }] }, { token: owner });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    const [shipmentId] = shipped.body.shipmentIds as string[];
    await koi.shipments.subscribePending();
    clock.advance(2 * DAY);
    await sim().advance();
    const [{ tracking_no: no }] = await koi.db.rows<{ tracking_no: string }>(sql`select tracking_no from shipments where id = ${shipmentId}`) as [{ tracking_no: string }];
    const mine = await pushFor(no);
    const req = (await sim().pushBody(mine))!;
    const form = new URLSearchParams(req.body);
    form.set('sign', 'D41D8CD98F00B204E9800998ECF8427E');
    const res = await push(req.url, form.toString());
    expect(JSON.parse(res.body)).toMatchObject({ result: false });
    const other = req.url.replace(/nu=[^&]+/, 'nu=SF0000000000000');
    expect(JSON.parse((await push(other, req.body)).body)).toMatchObject({ result: false });
    expect(await eventCount(shipmentId!)).toBe(0);
    expect(await sim().deliver(mine)).toBe('delivered');
    expect(await eventCount(shipmentId!)).toBeGreaterThan(0);
  });

  it("a shopper cannot see another shopper's tracking", async () => {
    const o = await paidOrder(koi, '13710000003', [1]);
    await call(koi, 'POST', `/api/admin/shipping/orders/${o.orderId}/ship`, { packages: [{ courierCode: 'shunfeng', trackingNo: sfNo() }] }, { token: owner });
    const stranger = await shopperToken(koi, '13710000004', '10.7.7.7');
    expect((await tracking(o.orderId, stranger)).status).toBe(404);
    expect((await tracking(o.orderId, o.token)).status).toBe(200);
    expect((await call(koi, 'GET', `/api/shop/orders/${o.orderId}/tracking`)).status).toBe(401);
  });
});
