import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AfterSaleEvents, CustomerEvents, OrderEvents, type TSegmentRule } from '@koi/contracts';
import { publish } from '../src/platform/events.ts';
import { newId } from '../src/platform/ids.ts';
import { clock } from '../src/platform/clock.ts';
import { call, DB_KINDS, shopperToken, startKoi, staffToken, type TestKoi } from './harness.ts';
import { makeSkus } from './order-fixtures.ts';

const DAY = 86_400_000;
const and = (...items: TSegmentRule['items']): TSegmentRule => ({ type: 'group', op: 'and', items });

describe.each(DB_KINDS)('segments (%s)', (kind) => {
  let koi: TestKoi;
  let owner: string;
  const ids = Array.from({ length: 4 }, () => newId());
  const [ann, bo, cai, dan] = ids as [string, string, string, string];
  const facts = async (customerId: string) => (await koi.db.rows<{ paid_orders: number; spend_fen: string; gender: string; region_code: string | null; erased_at: unknown }>(
    sql`select paid_orders, spend_fen, gender, region_code, erased_at from audience_customers where customer_id = ${customerId}`))[0];
  const emit = async (topic: string, payload: unknown) => {
    await koi.db.tx((q) => publish(q, topic, payload));
    while (await koi.bus.dispatchOnce());
  };

  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
    await koi.identity.staff.create(null, { email: 'owner@koi.demo', name: '店主', password: 'koi-demo-2026', role: 'owner', storeId: null });
    await koi.identity.staff.create(null, { email: 'finance@koi.demo', name: '财务', password: 'koi-demo-2026', role: 'finance', storeId: null });
    owner = await staffToken(koi, 'owner@koi.demo');
    const now = clock.now();
    const profile = (customerId: string, gender: 'male' | 'female', regionCode: string, sourceChannel: string) => ({
      customerId, gender, birthday: '1990-06-15', regionCode, sourceChannel, firstSeenAt: new Date(now.getTime() - 400 * DAY).toISOString(), lastSeenAt: now.toISOString(),
    });
    await emit(CustomerEvents.profilesChanged, { at: now.toISOString(), profiles: [
      profile(ann, 'female', '330106', 'taobao'), profile(bo, 'male', '330102', 'jd'), profile(cai, 'female', '110101', 'shop'), profile(dan, 'female', '330110', 'taobao'),
    ] });
    const ago = (d: number) => new Date(now.getTime() - d * DAY);
    await koi.audience.recordOrderFacts([
      { source: 'taobao', orderRef: 'TB1', customerId: ann, paidAt: ago(10), totalFen: 150_000, categoryIds: ['紫砂壶'] },
      { source: 'taobao', orderRef: 'TB2', customerId: ann, paidAt: ago(200), totalFen: 60_000 },
      { source: 'jd', orderRef: 'JD1', customerId: bo, paidAt: ago(20), totalFen: 8_000 },
      { source: 'taobao', orderRef: 'TB3', customerId: dan, paidAt: ago(5), totalFen: 300_000 },
    ]);
  });
  afterAll(async () => koi?.dispose());

  it('keeps order facts idempotent per (source, orderRef) with the aggregates right', async () => {
    expect(await facts(ann)).toMatchObject({ paid_orders: 2, gender: 'female', region_code: '330106' });
    expect(Number((await facts(ann))!.spend_fen)).toBe(210_000);
    // A re-run import repeats the same rows and corrects one: nothing counts twice.
    await koi.audience.recordOrderFacts([
      { source: 'taobao', orderRef: 'TB1', customerId: ann, paidAt: new Date(clock.now().getTime() - 10 * DAY), totalFen: 150_000 },
      { source: 'taobao', orderRef: 'TB2', customerId: ann, paidAt: new Date(clock.now().getTime() - 200 * DAY), totalFen: 50_000 },
    ]);
    expect(await facts(ann)).toMatchObject({ paid_orders: 2 });
    expect(Number((await facts(ann))!.spend_fen)).toBe(200_000);
    // Categories left out of the repeat are kept.
    const row = await koi.db.rows<{ category_ids: string[] }>(sql`select category_ids from audience_orders where source = 'taobao' and order_ref = 'TB1'`);
    expect(row[0]!.category_ids).toEqual(['紫砂壶']);
  });

  it('records Koi\'s own paid orders with their categories, and refunds from after-sales', async () => {
    const { productId, skuIds } = await makeSkus(koi, [{ priceFen: 12_800, stock: 10 }]);
    const orderId = newId();
    const line = { lineId: newId(), skuId: skuIds[0]!, productId, quantity: 2, payableFen: 25_600 };
    await emit(OrderEvents.paid, { orderId, orderNo: 'K1', customerId: cai, payableFen: 25_600, paidFen: 25_600, channel: 'wechatpay', lines: [line], at: clock.now().toISOString() });
    const [o] = await koi.db.rows<{ total_fen: string; category_ids: string[] }>(sql`select total_fen, category_ids from audience_orders where source = 'koi' and order_ref = ${orderId}`);
    expect(Number(o!.total_fen)).toBe(25_600);
    expect(o!.category_ids.length).toBe(2); // the leaf category and its parent
    expect(await facts(cai)).toMatchObject({ paid_orders: 1 });
    await emit(AfterSaleEvents.refunded, { afterSaleId: newId(), afterSaleNo: 'A1', orderId, orderNo: 'K1', customerId: cai, amountFen: 12_800, lines: [], orderFullyRefunded: false, at: clock.now().toISOString() });
    expect(Number((await facts(cai))!.spend_fen)).toBe(12_800);
    await emit(AfterSaleEvents.refunded, { afterSaleId: newId(), afterSaleNo: 'A2', orderId, orderNo: 'K1', customerId: cai, amountFen: 12_800, lines: [], orderFullyRefunded: true, at: clock.now().toISOString() });
    expect(await facts(cai)).toMatchObject({ paid_orders: 0 });
  });

  const zhejiangBuyers = and({ type: 'region', prefix: '33' }, { type: 'order_spend', withinDays: 365, cmp: 'gte', valueFen: 100_000 });

  it('previews a rule: count and sample; explains a customer condition by condition', async () => {
    const res = await call(koi, 'POST', '/api/admin/segments/preview', { rule: zhejiangBuyers }, { token: owner });
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(2);
    expect(res.body.sample.map((c: { customerId: string }) => c.customerId).sort()).toEqual([ann, dan].sort());
    const why = await call(koi, 'POST', '/api/admin/segments/explain', { rule: zhejiangBuyers, customerId: bo }, { token: owner });
    expect(why.status).toBe(200);
    expect(why.body.matched).toBe(false);
    expect(why.body.explanation.items.map((i: { matched: boolean; actual: unknown }) => [i.matched, i.actual])).toEqual([[true, '330102'], [false, 8_000]]);
    const bad = await call(koi, 'POST', '/api/admin/segments/preview', { rule: and({ type: 'region', prefix: '3' } as never) }, { token: owner });
    expect(bad.status).toBe(400);
    const nobody = await call(koi, 'POST', '/api/admin/segments/explain', { rule: zhejiangBuyers, customerId: newId() }, { token: owner });
    expect(nobody.status).toBe(404);
  });

  it('saves, snapshots, pages and exports a segment; merges and erasures follow', async () => {
    const saved = await call(koi, 'POST', '/api/admin/segments', { name: '浙江高消费', rule: zhejiangBuyers }, { token: owner });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ lastCount: 2, snapshots: 0 });
    expect((await call(koi, 'POST', '/api/admin/segments', { name: '浙江高消费', rule: zhejiangBuyers }, { token: owner })).status).toBe(409);
    const snap = await call(koi, 'POST', `/api/admin/segments/${saved.body.id}/snapshots`, undefined, { token: owner });
    expect(snap.body).toMatchObject({ count: 2, segmentId: saved.body.id });

    // Bo merges into Dan; Ann is erased. The live rule changes, the snapshot does not.
    await emit(CustomerEvents.merged, { fromId: bo, intoId: dan, staffId: null, reason: 'same person', at: clock.now().toISOString() });
    expect(await facts(bo)).toBeUndefined();
    expect(await facts(dan)).toMatchObject({ paid_orders: 2 });
    await emit(CustomerEvents.erased, { customerId: ann, at: clock.now().toISOString() });
    expect((await call(koi, 'POST', '/api/admin/segments/preview', { rule: zhejiangBuyers }, { token: owner })).body.count).toBe(1);
    const page1 = await call(koi, 'GET', `/api/admin/segment-snapshots/${snap.body.id}/members?limit=1`, undefined, { token: owner });
    const page2 = await call(koi, 'GET', `/api/admin/segment-snapshots/${snap.body.id}/members?limit=1&after=${page1.body.next}`, undefined, { token: owner });
    expect([...page1.body.items, ...page2.body.items].sort()).toEqual([ann, dan].sort());
    expect(koi.audience.snapshotMembers).toBeTypeOf('function');
    expect((await koi.audience.snapshotMembers(snap.body.id, null)).items.sort()).toEqual([ann, dan].sort());

    const file = await koi.app.inject({ method: 'GET', url: `/api/admin/segments/${saved.body.id}/export`, headers: { authorization: `Bearer ${owner}` } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.length).toBe(2);
    expect(rows[1]![1]).toBe(dan);
    expect(rows[1]![7]).toBe('3,080.00');
    const list = await call(koi, 'GET', '/api/admin/segments', undefined, { token: owner });
    expect(list.body.items[0]).toMatchObject({ name: '浙江高消费', snapshots: 2, lastCount: 1 });
  });

  it('is staff-only', async () => {
    const shopper = await shopperToken(koi, '13900001111');
    expect((await call(koi, 'POST', '/api/admin/segments/preview', { rule: zhejiangBuyers })).status).toBe(401);
    expect([401, 403]).toContain((await call(koi, 'POST', '/api/admin/segments/preview', { rule: zhejiangBuyers }, { token: shopper })).status);
    expect([401, 403]).toContain((await call(koi, 'GET', '/api/admin/segments', undefined, { token: shopper })).status);
    // Finance may look (customer:view) but not save or export (customer:manage).
    const finance = await staffToken(koi, 'finance@koi.demo');
    expect((await call(koi, 'POST', '/api/admin/segments/preview', { rule: zhejiangBuyers }, { token: finance })).status).toBe(200);
    expect((await call(koi, 'POST', '/api/admin/segments', { name: '财务试试', rule: zhejiangBuyers }, { token: finance })).status).toBe(403);
  });
});
