import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { newId } from '../src/platform/ids.ts';
import { clock } from '../src/platform/clock.ts';

/**
 * 导购 store scope (issue 7 §6): staff bound to a store see, in the customer list and the Customer
 * 360 (and its timeline, consents, privacy trail, notes, reveals, merges), only the store's
 * customers — those with a paid order picked up at the store or delivered from it; a customer merged
 * into another counts for the kept one. Others are 404. Staff of every store see everyone.
 */
describe.each(DB_KINDS)('customer store scope on %s', (kind) => {
  let koi: TestKoi;
  let owner: string, guideHz: string, managerSh: string;
  let hz: string, sh: string;
  const c: Record<'pickupHz' | 'deliveryHz' | 'nowhere' | 'pickupSh' | 'mergedAway' | 'kept', string> = {} as never;

  const customer = async (name: string, card: string) => (await koi.customer.resolveCustomers([{ identities: [{ kind: 'member_card', value: card }], profile: { name, sourceChannel: 'offline' } }]))[0]!.customerId;
  const pickup = (customerId: string, storeId: string) => koi.db.rows(sql`insert into pickup_orders (order_id, order_no, customer_id, store_id, store_name, code, status, ready_at)
    values (${newId()}, ${`P${Math.random().toString().slice(2, 14)}`}, ${customerId}, ${storeId}, '门店', ${String(Math.random()).slice(2, 8)}, 'picked_up', ${clock.now()})`);
  const delivery = (customerId: string, storeId: string) => koi.db.rows(sql`insert into local_deliveries (id, order_id, order_no, customer_id, store_id, store_name, slot, distance_metres, status, created_at)
    values (${newId()}, ${newId()}, ${`L${Math.random().toString().slice(2, 14)}`}, ${customerId}, ${storeId}, '门店', '{}'::jsonb, 1200, 'delivered', ${clock.now()})`);
  const ids = async (token: string) => {
    const res = await call(koi, 'GET', '/api/admin/customers?limit=100', undefined, { token });
    expect(res.status).toBe(200);
    return new Set<string>(res.body.items.map((x: { id: string }) => x.id));
  };

  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
    hz = (await koi.stores.create({ name: '杭州西湖店', city: '杭州', address: '南山路 218 号' })).id;
    sh = (await koi.stores.create({ name: '上海静安店', city: '上海', address: '南京西路 1 号' })).id;
    await koi.identity.staff.create(null, { email: 'owner@koi.demo', name: '店主', role: 'owner', storeId: null, password: 'koi-demo-2026' });
    await koi.identity.staff.create(null, { email: 'guide.hz@koi.demo', name: '何雨桐', role: 'shopping_guide', storeId: hz, password: 'koi-demo-2026' });
    await koi.identity.staff.create(null, { email: 'manager.sh@koi.demo', name: '宋语', role: 'store_manager', storeId: sh, password: 'koi-demo-2026' });
    [owner, guideHz, managerSh] = await Promise.all(['owner@koi.demo', 'guide.hz@koi.demo', 'manager.sh@koi.demo'].map((e) => staffToken(koi, e)));
    c.pickupHz = await customer('自提杭州', 'MC-1');
    c.deliveryHz = await customer('同城杭州', 'MC-2');
    c.nowhere = await customer('线上客户', 'MC-3');
    c.pickupSh = await customer('自提上海', 'MC-4');
    c.mergedAway = await customer('旧卡', 'MC-5');
    c.kept = await customer('新卡', 'MC-6');
    await pickup(c.pickupHz, hz);
    await delivery(c.deliveryHz, hz);
    await pickup(c.pickupSh, sh);
    await pickup(c.mergedAway, hz);
    await koi.customer.profiles.merge({ fromId: c.mergedAway, intoId: c.kept, staffId: null, reason: '同一人两张会员卡' });
  });
  afterAll(async () => koi.dispose());

  it('lists only the store\'s customers to its staff; everyone to staff of every store', async () => {
    expect(await ids(guideHz)).toEqual(new Set([c.pickupHz, c.deliveryHz, c.kept]));
    expect(await ids(managerSh)).toEqual(new Set([c.pickupSh]));
    const all = await ids(owner);
    for (const id of [c.pickupHz, c.deliveryHz, c.nowhere, c.pickupSh, c.kept]) expect(all.has(id)).toBe(true);
    // Search stays inside the scope.
    const found = await call(koi, 'GET', `/api/admin/customers?q=${encodeURIComponent('自提')}`, undefined, { token: guideHz });
    expect(found.body.items.map((x: { id: string }) => x.id)).toEqual([c.pickupHz]);
  });

  it('opens the 360 and its sections for the store\'s customers and answers 404 for others', async () => {
    for (const id of [c.pickupHz, c.deliveryHz, c.kept]) expect((await call(koi, 'GET', `/api/admin/customers/${id}`, undefined, { token: guideHz })).status, id).toBe(200);
    for (const id of [c.nowhere, c.pickupSh]) {
      for (const url of [`/api/admin/customers/${id}`, `/api/admin/customers/${id}/timeline`, `/api/admin/customers/${id}/consents`, `/api/admin/customers/${id}/privacy-audit`]) {
        const res = await call(koi, 'GET', url, undefined, { token: guideHz });
        expect(res.status, url).toBe(404);
        expect(res.body.code).toBe('resource.not_found');
      }
    }
    expect((await call(koi, 'GET', `/api/admin/customers/${c.pickupSh}`, undefined, { token: managerSh })).status).toBe(200);
    expect((await call(koi, 'GET', `/api/admin/customers/${c.pickupHz}`, undefined, { token: managerSh })).status).toBe(404);
    expect((await call(koi, 'POST', `/api/admin/customers/${c.pickupHz}/notes`, { body: '别店的客户' }, { token: managerSh })).status).toBe(404);
    expect((await call(koi, 'POST', `/api/admin/customers/${c.pickupSh}/notes`, { body: '本店老客' }, { token: managerSh })).status).toBe(201);
    // A merge needs both customers in scope.
    expect((await call(koi, 'GET', `/api/admin/customers/${c.pickupSh}/merge-preview?fromId=${c.nowhere}`, undefined, { token: managerSh })).status).toBe(404);
    expect((await call(koi, 'POST', `/api/admin/customers/${c.pickupSh}/merge`, { fromId: c.nowhere, reason: '跨店合并' }, { token: managerSh })).status).toBe(404);
    // Staff of every store see them all.
    for (const id of [c.nowhere, c.pickupSh, c.pickupHz]) expect((await call(koi, 'GET', `/api/admin/customers/${id}`, undefined, { token: owner })).status).toBe(200);
  });
});
