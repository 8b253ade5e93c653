import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';

describe.each(DB_KINDS)('customers: sign-up, list, 360, reveal, notes, shop profile on %s', (kind) => {
  let koi: TestKoi;
  let owner: string, operator: string, service: string, guide: string;

  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
    const store = await koi.stores.create({ name: '青瓷小筑 · 杭州西湖店', city: '杭州', address: '西湖区南山路 218 号' });
    const staff = [
      { email: 'owner@koi.demo', name: '沈青禾', role: 'owner' as const, storeId: null },
      { email: 'operator@koi.demo', name: '林知夏', role: 'operator' as const, storeId: null },
      { email: 'service@koi.demo', name: '陈小满', role: 'customer_service' as const, storeId: null },
      { email: 'guide.hz@koi.demo', name: '何雨桐', role: 'shopping_guide' as const, storeId: store.id },
    ];
    for (const s of staff) await koi.identity.staff.create(null, { ...s, password: 'koi-demo-2026' });
    [owner, operator, service, guide] = await Promise.all(staff.map((s) => staffToken(koi, s.email)));
  });
  afterAll(async () => koi.dispose());

  const drain = async () => { while (await koi.bus.dispatchOnce()) { /* until the outbox is empty */ } };
  const meOf = async (token: string) => (await call(koi, 'GET', '/api/shop/me', undefined, { token })).body.id as string;

  it('a sign-up creates the customer with the shopper id and merges the imported customer holding that phone (audited as system)', async () => {
    const [imported] = await koi.customer.resolveCustomers([{ identities: [{ kind: 'phone', value: '13900001111' }, { kind: 'taobao', value: 'tb_suwan' }], profile: { name: '苏婉', gender: 'female', sourceChannel: 'taobao', seenAt: new Date('2023-05-01T00:00:00Z') } }]);
    const token = await shopperToken(koi, '13900001111');
    const id = await meOf(token);
    await drain();
    const [p] = await koi.db.rows<{ has_account: boolean; name: string; source_channel: string; merged_into: string | null }>(sql`select * from customer_profiles where id = ${id}`);
    expect(p).toMatchObject({ has_account: true, name: '苏婉', source_channel: 'taobao', merged_into: null });
    const [old] = await koi.db.rows<{ merged_into: string }>(sql`select merged_into from customer_profiles where id = ${imported!.customerId}`);
    expect(old!.merged_into).toBe(id);
    const [audit] = await koi.db.rows<{ staff_id: string | null; reason: string }>(sql`select staff_id, reason from customer_merges where from_id = ${imported!.customerId}`);
    expect(audit!.staff_id).toBeNull();
    expect(audit!.reason).toContain('自动合并');
    const kinds = await koi.db.rows<{ kind: string }>(sql`select kind from customer_identities where customer_id = ${id} order by kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['phone', 'taobao']);
    // A later import with the buyer id joins the shopper's customer.
    const [again] = await koi.customer.resolveCustomers([{ identities: [{ kind: 'taobao', value: 'tb_suwan' }], profile: { sourceChannel: 'taobao' } }]);
    expect(again).toEqual({ customerId: id, created: false });
  });

  it('lists customers keyset-paged with masked phones; searches by tail, phone, identity and name; filters by source', async () => {
    await koi.customer.resolveCustomers([
      { identities: [{ kind: 'phone', value: '13900002222' }], profile: { name: '顾清', sourceChannel: 'jd' } },
      { identities: [{ kind: 'douyin', value: 'dy_qiu' }, { kind: 'phone_masked', value: '139****3333' }], profile: { name: '秋池', sourceChannel: 'douyin' } },
      { identities: [{ kind: 'youzan', value: 'yz_mo' }], profile: { name: '墨白', sourceChannel: 'youzan' } },
    ]);
    const all = await call(koi, 'GET', '/api/admin/customers?limit=100', undefined, { token: service });
    expect(all.status).toBe(200);
    expect(JSON.stringify(all.body)).not.toContain('13900002222');
    expect(all.body.items.find((c: { name: string }) => c.name === '顾清').phoneMasked).toBe('139****2222');
    expect(all.body.items.find((c: { name: string }) => c.name === '秋池').phoneMasked).toBe('139****3333');

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await call(koi, 'GET', `/api/admin/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, { token: service });
      pages.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual(all.body.items.map((c: { id: string }) => c.id));

    const names = async (qs: string) => (await call(koi, 'GET', `/api/admin/customers?${qs}`, undefined, { token: service })).body.items.map((c: { name: string }) => c.name);
    expect(await names('q=2222')).toEqual(['顾清']);
    expect(await names('q=3333')).toEqual(['秋池']);
    expect(await names('q=13900002222')).toEqual(['顾清']);
    expect(await names('q=dy_qiu')).toEqual(['秋池']);
    expect(await names(`q=${encodeURIComponent('墨')}`)).toEqual(['墨白']);
    expect(await names('source=youzan')).toEqual(['墨白']);
    expect((await call(koi, 'GET', '/api/admin/customers?cursor=garbage', undefined, { token: service })).status).toBe(400);
  });

  it('shows the 360 masked; reveals need customer:reveal (guide 403) and every reveal is logged and shown', async () => {
    const token = await shopperToken(koi, '13900004444');
    const id = await meOf(token);
    await drain();
    const added = await call(koi, 'POST', '/api/shop/addresses', { recipient: '林晓雨', mobile: '13900004444', provinceCode: '330000', cityCode: '330100', districtCode: '330106', detail: '南山路 218 号' }, { token });
    expect(added.status).toBe(201);

    const view = await call(koi, 'GET', `/api/admin/customers/${id}`, undefined, { token: service });
    expect(view.status).toBe(200);
    expect(view.body.profile.phoneMasked).toBe('139****4444');
    expect(view.body.addressMasked).toBe('浙江省杭州市西湖区 ****');
    expect(JSON.stringify(view.body)).not.toContain('南山路');
    expect(JSON.stringify(view.body)).not.toContain('13900004444');
    expect(view.body.orders).toMatchObject({ count: 0, paidFen: 0 });
    expect(view.body.loyalty).toMatchObject({ points: 0, balanceFen: 0 });
    expect(view.body.coupons).toEqual({ available: 0, total: 0 });

    const denied = await call(koi, 'POST', `/api/admin/customers/${id}/reveal`, { field: 'phone' }, { token: guide });
    expect(denied.status).toBe(403);
    const phone = await call(koi, 'POST', `/api/admin/customers/${id}/reveal`, { field: 'phone' }, { token: operator });
    expect(phone.body).toEqual({ field: 'phone', value: '13900004444' });
    const address = await call(koi, 'POST', `/api/admin/customers/${id}/reveal`, { field: 'address' }, { token: service });
    expect(address.body.value).toBe('林晓雨 13900004444 浙江省杭州市西湖区南山路 218 号');
    expect((await call(koi, 'POST', `/api/admin/customers/${id}/reveal`, { field: 'email' }, { token: owner })).status).toBe(400);

    const after = await call(koi, 'GET', `/api/admin/customers/${id}`, undefined, { token: service });
    expect(after.body.reveals.map((r: { field: string; staffName: string }) => [r.field, r.staffName]).sort()).toEqual([['address', '陈小满'], ['phone', '林知夏']]);
    const log = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from customer_reveals where customer_id = ${id}`);
    expect(log[0]!.n).toBe(2);
  });

  it('keeps staff notes (customer:manage), and answers 404 for an unknown customer', async () => {
    const [c] = await koi.customer.resolveCustomers([{ identities: [{ kind: 'member_card', value: 'MC-0001' }], profile: { name: '周至', sourceChannel: 'offline' } }]);
    expect((await call(koi, 'POST', `/api/admin/customers/${c!.customerId}/notes`, { body: '喜欢龙井' }, { token: guide })).status).toBe(403);
    const note = await call(koi, 'POST', `/api/admin/customers/${c!.customerId}/notes`, { body: '喜欢明前龙井，端午前联系' }, { token: service });
    expect(note.status).toBe(201);
    const view = await call(koi, 'GET', `/api/admin/customers/${c!.customerId}`, undefined, { token: operator });
    expect(view.body.notes).toEqual([expect.objectContaining({ body: '喜欢明前龙井，端午前联系', staffName: '陈小满' })]);
    expect(view.body.identities).toEqual([expect.objectContaining({ kind: 'member_card', valueMasked: 'MC****01', partial: false })]);
    expect((await call(koi, 'GET', '/api/admin/customers/0190e0a4-0000-7000-8000-000000000001', undefined, { token: operator })).status).toBe(404);
  });

  it('lets the shopper edit their own profile, validating the region and birthday', async () => {
    const token = await shopperToken(koi, '13900005555');
    const id = await meOf(token);
    await drain();
    const empty = await call(koi, 'GET', '/api/shop/me/profile', undefined, { token });
    expect(empty.body).toEqual({ name: null, gender: 'unknown', birthday: null, regionCode: null, regionName: null });
    const put = await call(koi, 'PUT', '/api/shop/me/profile', { name: '许安然', gender: 'female', birthday: '1992-04-18', regionCode: '330106' }, { token });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ name: '许安然', gender: 'female', birthday: '1992-04-18', regionCode: '330106', regionName: '浙江省 杭州市 西湖区' });
    expect((await call(koi, 'PUT', '/api/shop/me/profile', { name: '许', gender: 'female', birthday: null, regionCode: '999999' }, { token })).status).toBe(400);
    expect((await call(koi, 'PUT', '/api/shop/me/profile', { name: '许', gender: 'female', birthday: '2999-01-01', regionCode: null }, { token })).status).toBe(400);
    const list = await call(koi, 'GET', `/api/admin/customers/${id}`, undefined, { token: operator });
    expect(list.body.profile).toMatchObject({ name: '许安然', gender: 'female', birthday: '1992-04-18', regionName: '浙江省 杭州市 西湖区' });
    const events = await koi.db.rows<{ payload: { profiles: { customerId: string; birthday: string }[] } }>(sql`select payload from outbox_events where topic = 'customer.profiles_changed' order by created_at desc limit 1`);
    expect(events[0]!.payload.profiles).toEqual([expect.objectContaining({ customerId: id, birthday: '1992-04-18', regionCode: '330106' })]);
  });

  it('backfills profiles of shoppers who signed up before profiles existed, once', async () => {
    const token = await shopperToken(koi, '13900007777');
    const id = await meOf(token);
    await drain();
    // An install from before customer profiles: the account exists, its profile does not.
    await koi.db.rows(sql`delete from customer_identities where customer_id = ${id}`);
    await koi.db.rows(sql`delete from customer_profiles where id = ${id}`);
    expect(await koi.customer.profiles.backfill(koi.identity.lookup)).toBe(1);
    const [p] = await koi.db.rows<{ has_account: boolean; source_channel: string }>(sql`select has_account, source_channel from customer_profiles where id = ${id}`);
    expect(p).toEqual({ has_account: true, source_channel: 'shop' });
    const ids = await koi.db.rows<{ kind: string; value: string }>(sql`select kind, value from customer_identities where customer_id = ${id}`);
    expect(ids).toEqual([{ kind: 'phone', value: '13900007777' }]);
    expect(await koi.customer.profiles.backfill(koi.identity.lookup)).toBe(0);
  });
});
