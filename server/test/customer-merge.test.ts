import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';
import { newId } from '../src/platform/ids.ts';
import { clock } from '../src/platform/clock.ts';

describe.each(DB_KINDS)('customer merge on %s', (kind) => {
  let koi: TestKoi;
  let owner: string, guide: string, ownerId: string;

  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
    const store = await koi.stores.create({ name: '青瓷小筑 · 杭州西湖店', city: '杭州', address: '西湖区南山路 218 号' });
    const o = await koi.identity.staff.create(null, { email: 'owner@koi.demo', name: '沈青禾', role: 'owner', storeId: null, password: 'koi-demo-2026' });
    ownerId = o.id;
    await koi.identity.staff.create(null, { email: 'guide.hz@koi.demo', name: '何雨桐', role: 'shopping_guide', storeId: store.id, password: 'koi-demo-2026' });
    owner = await staffToken(koi, 'owner@koi.demo');
    guide = await staffToken(koi, 'guide.hz@koi.demo');
  });
  afterAll(async () => koi.dispose());

  const drain = async () => { while (await koi.bus.dispatchOnce()) { /* until the outbox is empty */ } };
  const meOf = async (token: string) => (await call(koi, 'GET', '/api/shop/me', undefined, { token })).body.id as string;
  const now = () => clock.now();
  async function order(customerId: string, paidFen: number) {
    await koi.db.rows(sql`insert into orders (id, order_no, customer_id, status, applied, coupon_ids, payable_fen, paid_fen, paid_at, created_at, updated_at)
      values (${newId()}, ${`T${Math.random().toString().slice(2, 14)}`}, ${customerId}, 'completed', '[]'::jsonb, '[]'::jsonb, ${paidFen}, ${paidFen}, ${now()}, ${now()}, ${now()})`);
  }
  async function coupon(customerId: string) {
    const tpl = newId();
    await koi.db.rows(sql`insert into promotion_coupons (id, template_id, customer_id, code, kind, name, args, scope, status, valid_from, valid_until, claimed_at, updated_at)
      values (${newId()}, ${tpl}, ${customerId}, ${`C${Math.random().toString().slice(2, 14)}`}, 'amount_off', '满100减10', '{}'::jsonb, '{"kind":"all"}'::jsonb, 'available',
        ${now()}, ${new Date(now().getTime() + 30 * 86400_000)}, ${now()}, ${now()})`);
    await koi.db.rows(sql`insert into promotion_coupon_claims (template_id, customer_id, count) values (${tpl}, ${customerId}, 1)`);
  }

  /** A shopper (the shop account) and the same person imported from Taobao with another phone. */
  async function pair(n: number) {
    const token = await shopperToken(koi, `1360000${String(n).padStart(4, '0')}`);
    const shopId = await meOf(token);
    await drain();
    const [imported] = await koi.customer.resolveCustomers([{ identities: [{ kind: 'taobao', value: `tb_${n}` }, { kind: 'phone_masked', value: '136****0000' }], profile: { name: '林晓雨', sourceChannel: 'taobao' } }]);
    return { token, shopId, importedId: imported!.customerId };
  }

  it('previews what moves, merges (audited), and every module follows: orders, points through the ledger, coupons, logins', async () => {
    const a = await pair(1);
    const b = await pair(2); // b's shopper account will be merged into a's
    await order(b.shopId, 12_800);
    await order(b.shopId, 3_200);
    await order(a.shopId, 1_000);
    await koi.loyalty.adjust(b.shopId, 300, '测试积分', ownerId);
    await koi.loyalty.adjust(a.shopId, 50, '测试积分', ownerId);
    await coupon(b.shopId);
    const addr = { recipient: '林晓雨', mobile: '13600000002', provinceCode: '330000', cityCode: '330100', districtCode: '330106' };
    expect((await call(koi, 'POST', '/api/shop/addresses', { ...addr, detail: '南山路 1 号' }, { token: a.token })).status).toBe(201);
    expect((await call(koi, 'POST', '/api/shop/addresses', { ...addr, detail: '北山街 2 号' }, { token: b.token })).status).toBe(201);

    const preview = await call(koi, 'GET', `/api/admin/customers/${a.shopId}/merge-preview?fromId=${b.shopId}`, undefined, { token: owner });
    expect(preview.status).toBe(200);
    const moves = Object.fromEntries(preview.body.moves.map((m: { kind: string; count: number }) => [m.kind, m.count]));
    expect(moves).toMatchObject({ orders: 2, points: 300, balance_fen: 0, coupons: 1, identities: 1, logins: 1 });
    expect(preview.body.notCounted).toEqual(['tags', 'imported_orders']);
    expect(preview.body.blocked).toBeNull();

    expect((await call(koi, 'POST', `/api/admin/customers/${a.shopId}/merge`, { fromId: b.shopId, reason: '同一人两个手机号' }, { token: guide })).status).toBe(403);
    const merged = await call(koi, 'POST', `/api/admin/customers/${a.shopId}/merge`, { fromId: b.shopId, reason: '同一人两个手机号' }, { token: owner });
    expect(merged.status).toBe(200);
    await drain();

    const count = async (q: ReturnType<typeof sql>) => (await koi.db.rows<{ n: number }>(q))[0]!.n;
    expect(await count(sql`select count(*)::int as n from orders where customer_id = ${a.shopId}`)).toBe(3);
    expect(await count(sql`select count(*)::int as n from orders where customer_id = ${b.shopId}`)).toBe(0);
    expect(await koi.loyalty.points.balance(a.shopId)).toBe(350);
    expect(await koi.loyalty.points.balance(b.shopId)).toBe(0);
    expect(await koi.loyalty.findDrift()).toEqual([]);
    const direct = await koi.db.rows<{ kind: string }>(sql`select kind from loyalty_entries where customer_id in (${a.shopId}, ${b.shopId}) and kind = 'customer_merge'`);
    expect(direct).toHaveLength(2);
    expect(await count(sql`select count(*)::int as n from promotion_coupons where customer_id = ${a.shopId}`)).toBe(1);
    const book = await koi.db.rows<{ detail: string; is_default: boolean }>(sql`select detail, is_default from customer_addresses where customer_id = ${a.shopId} order by detail`);
    expect(book).toEqual([{ detail: '北山街 2 号', is_default: false }, { detail: '南山路 1 号', is_default: true }]);
    expect(await count(sql`select count(*)::int as n from promotion_coupon_claims where customer_id = ${b.shopId}`)).toBe(0);

    // b's phone now signs in to a's account; b's old session is over.
    expect((await call(koi, 'GET', '/api/shop/me', undefined, { token: b.token })).status).toBe(401);
    clock.advance(61_000); // past the one-code-per-minute limit of the phone
    const again = await shopperToken(koi, '13600000002');
    expect(await meOf(again)).toBe(a.shopId);

    const view = await call(koi, 'GET', `/api/admin/customers/${a.shopId}`, undefined, { token: owner });
    expect(view.body.orders).toMatchObject({ count: 3, paidFen: 17_000 });
    expect(view.body.loyalty.points).toBe(350);
    expect(view.body.merges).toEqual([expect.objectContaining({ fromId: b.shopId, intoId: a.shopId, staffName: '沈青禾', reason: '同一人两个手机号' })]);
    const [audit] = await koi.db.rows<{ before: { from: { id: string } }; after: { into: { identities: { kind: string }[] } } }>(sql`select before, after from customer_merges where from_id = ${b.shopId}`);
    expect(audit!.before.from.id).toBe(b.shopId);
    expect(audit!.after.into.identities.filter((i) => i.kind === 'phone')).toHaveLength(2);
    // The merged-away customer leaves the list; merging it again is refused.
    const list = await call(koi, 'GET', '/api/admin/customers?limit=100', undefined, { token: owner });
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(b.shopId);
    expect((await call(koi, 'POST', `/api/admin/customers/${a.importedId}/merge`, { fromId: b.shopId, reason: '再次合并' }, { token: owner })).body.code).toBe('customer.already_merged');
    expect((await call(koi, 'POST', `/api/admin/customers/${a.shopId}/merge`, { fromId: a.shopId, reason: '自己' }, { token: owner })).status).toBe(422);
  });

  it('moves after-sales, reviews, behaviour events with their daily counts (summed), and consents (a withdrawal is not overridden)', async () => {
    const a = await pair(11);
    const b = await pair(12);
    const t = now();
    const orderId = newId();
    await koi.db.rows(sql`insert into aftersales (id, aftersale_no, order_id, order_no, customer_id, kind, status, reason, photos, created_at, updated_at)
      values (${newId()}, ${`AS${Math.random().toString().slice(2, 14)}`}, ${orderId}, 'T1', ${b.shopId}, 'refund_only', 'requested', 'damaged', '[]'::jsonb, ${t}, ${t})`);
    await koi.db.rows(sql`insert into review_reviews (id, order_id, order_no, line_id, customer_id, product_id, sku_id, product_title, sku_label, author_name,
        anonymous, rating, content, photos, has_photos, status, flagged_words, created_at, updated_at)
      values (${newId()}, ${orderId}, 'T1', ${newId()}, ${b.shopId}, ${newId()}, ${newId()}, '青瓷杯', '默认', '林晓雨', false, 5, '很好', '[]'::jsonb, false, 'visible', '{}', ${t}, ${t})`);
    await koi.db.rows(sql`insert into review_uploads (url, thumb_url, customer_id, created_at) values (${`/u/${newId()}.jpg`}, '/u/t.jpg', ${b.shopId}, ${t})`);
    // The same event type on the same day for both: one daily-count row each, summed on the kept customer.
    const view = (token: string, anon: string, n: number) => call(koi, 'POST', '/api/shop/events',
      { anonymousId: anon, events: Array.from({ length: n }, () => ({ type: 'product_view', props: { productId: 'p1' } })) }, { token });
    expect((await view(a.token, 'anon_merge_a', 2)).status).toBeLessThan(300);
    expect((await view(b.token, 'anon_merge_b', 3)).status).toBeLessThan(300);
    // Consents: a said yes then no to SMS; b said yes to SMS (later) and to WeChat.
    const consent = (token: string, purpose: string, granted: boolean) => call(koi, 'PUT', '/api/shop/me/consents', { purpose, granted }, { token });
    expect((await consent(a.token, 'marketing_sms', true)).status).toBe(200);
    clock.advance(1000);
    expect((await consent(a.token, 'marketing_sms', false)).status).toBe(200);
    clock.advance(1000);
    expect((await consent(b.token, 'marketing_sms', true)).status).toBe(200);
    expect((await consent(b.token, 'marketing_wechat', true)).status).toBe(200);
    await drain();
    const count = async (q: ReturnType<typeof sql>) => (await koi.db.rows<{ n: number }>(q))[0]!.n;
    const bEvents = await count(sql`select count(*)::int as n from behaviour_events where customer_key = ${b.shopId}`);
    const bConsents = await count(sql`select count(*)::int as n from customer_consents where customer_id = ${b.shopId}`);
    const aConsents = await count(sql`select count(*)::int as n from customer_consents where customer_id = ${a.shopId}`);
    const aEvents = await count(sql`select count(*)::int as n from behaviour_events where customer_key = ${a.shopId}`);

    const preview = await call(koi, 'GET', `/api/admin/customers/${a.shopId}/merge-preview?fromId=${b.shopId}`, undefined, { token: owner });
    const moves = Object.fromEntries(preview.body.moves.map((m: { kind: string; count: number }) => [m.kind, m.count]));
    expect(moves).toMatchObject({ aftersales: 1, reviews: 1, behaviour_events: bEvents, consents: bConsents });
    expect(bEvents).toBeGreaterThanOrEqual(3);

    expect((await call(koi, 'POST', `/api/admin/customers/${a.shopId}/merge`, { fromId: b.shopId, reason: '同一人两个账号' }, { token: owner })).status).toBe(200);
    await drain();
    expect(await count(sql`select count(*)::int as n from aftersales where customer_id = ${a.shopId}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from review_reviews where customer_id = ${a.shopId}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from review_uploads where customer_id = ${a.shopId}`)).toBe(1);
    for (const table of ['aftersales', 'review_reviews', 'review_uploads', 'customer_consents', 'behaviour_daily_counts']) {
      expect(await count(sql`select count(*)::int as n from ${sql.identifier(table)} where customer_id = ${b.shopId}`), table).toBe(0);
    }
    expect(await count(sql`select count(*)::int as n from behaviour_events where customer_key = ${b.shopId} or shopper_id = ${b.shopId}`)).toBe(0);
    // a's own events, b's moved ones, and the merge's withdrawal record.
    expect(await count(sql`select count(*)::int as n from behaviour_events where customer_key = ${a.shopId}`)).toBe(aEvents + bEvents + 1);
    const [views] = await koi.db.rows<{ n: number; rows: number }>(sql`select sum(n)::int as n, count(*)::int as rows from behaviour_daily_counts
      where customer_id = ${a.shopId} and type = 'product_view'`);
    expect(views).toEqual({ n: 5, rows: 1 });
    const consents = await call(koi, 'GET', `/api/admin/customers/${a.shopId}/consents`, undefined, { token: owner });
    expect(consents.body.state.marketing).toEqual({ sms: false, wechat: true, email: false });
    expect(consents.body.items).toHaveLength(aConsents + bConsents + 1);
    expect(consents.body.items[0]).toMatchObject({ purpose: 'marketing_sms', granted: false, capturedVia: 'customer_merge' });

    // A redelivered event moves nothing twice.
    await koi.db.tx((q) => koi.customer.mergeFollower.moveCustomer(q, b.shopId, a.shopId));
    expect((await koi.db.rows<{ n: number }>(sql`select sum(n)::int as n from behaviour_daily_counts where customer_id = ${a.shopId} and type = 'product_view'`))[0]!.n).toBe(5);
    expect(await count(sql`select count(*)::int as n from customer_consents where customer_id = ${a.shopId}`)).toBe(aConsents + bConsents + 1);
  });

  it('merges an imported Taobao customer into the shop customer; the masked phone never joined them on its own', async () => {
    const a = await pair(3);
    const b = await pair(4);
    // Both imports carry the same masked phone but stayed two customers.
    expect(a.importedId).not.toBe(b.importedId);
    const res = await call(koi, 'POST', `/api/admin/customers/${a.shopId}/merge`, { fromId: a.importedId, reason: '淘宝买家即本店会员' }, { token: owner });
    expect(res.status).toBe(200);
    const idents = await koi.db.rows<{ kind: string; value: string }>(sql`select kind, value from customer_identities where customer_id = ${a.shopId} order by kind`);
    expect(idents.map((i) => i.kind)).toEqual(['phone', 'phone_masked', 'taobao']);
    const [p] = await koi.db.rows<{ name: string }>(sql`select name from customer_profiles where id = ${a.shopId}`);
    expect(p!.name).toBe('林晓雨');
  });

  it('two merges of the same pair at once: exactly one happens', async () => {
    const a = await pair(5);
    const both = await Promise.all([
      call(koi, 'POST', `/api/admin/customers/${a.shopId}/merge`, { fromId: a.importedId, reason: '并发一' }, { token: owner }),
      call(koi, 'POST', `/api/admin/customers/${a.shopId}/merge`, { fromId: a.importedId, reason: '并发二' }, { token: owner }),
      call(koi, 'POST', `/api/admin/customers/${a.importedId}/merge`, { fromId: a.shopId, reason: '反向' }, { token: owner }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const audits = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from customer_merges where from_id in (${a.shopId}, ${a.importedId})`);
    expect(audits[0]!.n).toBe(1);
    const events = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from outbox_events where topic = 'customer.merged'
      and (payload->>'fromId' = ${a.shopId} or payload->>'fromId' = ${a.importedId})`);
    expect(events[0]!.n).toBe(1);
  });
});
