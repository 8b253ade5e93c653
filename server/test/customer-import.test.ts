import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CustomerEvents } from '@koi/contracts';
import { publish } from '../src/platform/events.ts';
import { writeSampleExport, isBadSampleRow, sampleExport } from '../src/modules/customer-import/index.ts';
import { call, DB_KINDS, startKoi, staffToken, type TestKoi } from './harness.ts';
import { seedImports } from '../src/demo/seed-imports.ts';

const ROWS = 300;
const BAD_EVERY = 25;

function multipart(file: Buffer, name: string) {
  const boundary = '----koiImportBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

describe.each(DB_KINDS)('customer import (%s)', (kind) => {
  let koi: TestKoi;
  let owner: string;
  let dir: string;
  let taobaoCsv: Buffer;

  const upload = async (file: Buffer, name: string) => {
    const form = multipart(file, name);
    const res = await koi.app.inject({ method: 'POST', url: '/api/admin/customer-imports', payload: form.payload, headers: { 'content-type': form.type, authorization: `Bearer ${owner}` } });
    return { status: res.statusCode, body: res.json() };
  };
  /** Upload, accept the suggested mapping, let the durable job run it, poll until it ends. */
  const importFile = async (file: Buffer, name: string) => {
    const preview = await upload(file, name);
    expect(preview.status).toBe(200);
    const started = await call(koi, 'POST', `/api/admin/customer-imports/${preview.body.id}/start`, { platform: preview.body.platform, mapping: preview.body.mapping }, { token: owner });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('queued');
    for (let i = 0; i < 600; i++) {
      const s = await call(koi, 'GET', `/api/admin/customer-imports/${preview.body.id}`, undefined, { token: owner });
      if (s.body.status === 'done' || s.body.status === 'failed') return s.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import did not finish');
  };
  const count = async (q: string) => Number((await koi.db.rows<{ n: number }>(sql.raw(q)))[0]!.n);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'koi-cimport-'));
    koi = await startKoi(kind, { seed: false, env: { KOI_DATA_DIR: dir } });
    // The job queue with its workers (the import runs as the durable job it is); events are dispatched by hand.
    await koi.jobs.start({ work: true });
    await koi.identity.staff.create(null, { email: 'owner@koi.demo', name: '店主', password: 'koi-demo-2026', role: 'owner', storeId: null });
    owner = await staffToken(koi, 'owner@koi.demo');
    const file = path.join(dir, 'taobao.csv');
    await writeSampleExport(file, { platform: 'taobao', rows: ROWS, seed: 11, badEvery: BAD_EVERY, format: 'csv', encoding: 'gbk' });
    taobaoCsv = await readFile(file);
  }, 120_000);
  afterAll(async () => {
    await koi?.jobs.stop();
    await koi?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recognises a GBK Taobao export in the mapping step', async () => {
    const p = await upload(taobaoCsv, '淘宝订单.csv');
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ format: 'csv', encoding: 'gbk', platform: 'taobao' });
    expect(p.body.headers[0]).toBe('订单编号');
    expect(p.body.sampleRows).toHaveLength(8);
    expect(p.body.mapping.amount).toBe(p.body.headers.indexOf('买家实际支付金额'));
    expect(Math.abs(p.body.totalEstimate - ROWS)).toBeLessThan(ROWS * 0.2);
    const bad = await call(koi, 'POST', `/api/admin/customer-imports/${p.body.id}/start`, { platform: 'taobao', mapping: { ...p.body.mapping, orderNo: null } }, { token: owner });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('customer_import.mapping_incomplete');
  });

  it('imports customers and orders, rejects bad rows with reasons, and a re-import duplicates nothing', async () => {
    const rows = [...sampleExport({ platform: 'taobao', rows: ROWS, seed: 11, badEvery: BAD_EVERY })].slice(1);
    const badRows = rows.filter((_, i) => isBadSampleRow(i, BAD_EVERY)).length;
    const goodOrders = new Set(rows.filter((_, i) => !isBadSampleRow(i, BAD_EVERY)).map((r) => r[0]));
    const buyers = new Set(rows.filter((_, i) => !isBadSampleRow(i, BAD_EVERY)).map((r) => r[1]));

    const first = await importFile(taobaoCsv, '淘宝订单.csv');
    expect(first).toMatchObject({ status: 'done', rowsDone: ROWS, totalEstimate: ROWS, progressPercent: 100, rejectedCount: badRows, ordersImported: goodOrders.size });
    expect(first.customersCreated).toBe(buyers.size);
    expect(await count(`select count(*)::int as n from customer_imported_orders`)).toBe(goodOrders.size);
    expect(await count(`select count(distinct customer_id)::int as n from customer_imported_orders`)).toBe(buyers.size);
    expect(await count(`select count(*)::int as n from customer_profiles where source_channel = 'taobao'`)).toBe(buyers.size);
    expect(await count(`select count(*)::int as n from customer_identities where kind = 'taobao'`)).toBe(buyers.size);
    // Only paid and completed orders are facts; their sum is exact to the fen.
    const paid = rows.filter((r, i) => !isBadSampleRow(i, BAD_EVERY) && /交易成功|等待买家确认|等待卖家发货/.test(r[7]!));
    expect(first.paidOrders).toBe(paid.length);
    expect(await count(`select count(*)::int as n from audience_orders where source = 'taobao'`)).toBe(paid.length);
    const paidFen = paid.reduce((n, r) => n + Math.round(Number(r[6]) * 100), 0);
    expect(await count(`select sum(amount_fen)::bigint as n from customer_imported_orders where status in ('paid', 'completed')`)).toBe(paidFen);
    expect(await count(`select count(*)::int as n from customer_imported_orders where status = 'closed'`)).toBeGreaterThan(0);
    // The batches record facts without tags; the job's closing pass tags every buyer with a paid order.
    expect(await count(`select count(distinct customer_id)::int as n from audience_orders where source = 'taobao'
      and customer_id not in (select t.customer_id from audience_customer_tags t where t.set_by = 'system')`)).toBe(0);

    // The report: a row per rejected row, with the reason and the original cells.
    const report = await koi.app.inject({ method: 'GET', url: first.rejectedReportUrl, headers: { authorization: `Bearer ${owner}` } });
    expect(report.statusCode).toBe(200);
    const lines = report.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^行号,原因,订单编号,买家会员名/);
    expect(lines).toHaveLength(badRows + 1);
    expect(report.body).toContain('缺少订单编号');
    expect(report.body).toContain('金额「十二元」无法识别');
    expect(report.body).toContain('订单状态「状态未知」无法识别');

    // The customer's imported orders (Customer 360 panel), phone masked.
    const [someone] = await koi.db.rows<{ customer_id: string; n: number }>(sql`select customer_id, count(*)::int as n from customer_imported_orders group by customer_id order by n desc limit 1`);
    const list = await call(koi, 'GET', `/api/admin/customers/${someone!.customer_id}/imported-orders`, undefined, { token: owner });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(someone!.n);
    expect(list.body.items[0].source).toBe('taobao');
    expect(list.body.items[0].phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);

    const again = await importFile(taobaoCsv, '淘宝订单-再次.csv');
    expect(again).toMatchObject({ status: 'done', ordersImported: goodOrders.size, customersCreated: 0, customersMatched: buyers.size, rejectedCount: badRows });
    expect(await count(`select count(*)::int as n from customer_imported_orders`)).toBe(goodOrders.size);
    expect(await count(`select count(*)::int as n from customer_profiles where source_channel = 'taobao'`)).toBe(buyers.size);
    expect(await count(`select count(*)::int as n from audience_orders where source = 'taobao'`)).toBe(paid.length);

    const history = await call(koi, 'GET', '/api/admin/customer-imports?page=1&pageSize=10', undefined, { token: owner });
    expect(history.body.items.filter((i: { status: string }) => i.status === 'done')).toHaveLength(2);
  }, 300_000);

  it('never joins two buyers on a masked phone, and a re-import does not create them again', async () => {
    const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
    const head = ['主订单编号', '子订单编号', '选购商品', '商品数量', '订单应付金额', '收件人', '收件人手机号', '订单提交时间', '支付完成时间', '订单状态'];
    const file = csv([head,
      ['DY1', 'DY1-1', '紫砂壶', '1', '100.00', '甲', '139****0001', '2024-06-01 10:00:00', '2024-06-01 10:01:00', '已完成'],
      ['DY1', 'DY1-2', '茶杯', '2', '100.00', '甲', '139****0001', '2024-06-01 10:00:00', '2024-06-01 10:01:00', '已完成'],
      ['DY2', 'DY2-1', '茶盘', '1', '50.50', '乙', '139****0001', '2024-06-02 10:00:00', '2024-06-02 10:01:00', '已完成'],
    ]);
    const done = await importFile(file, 'douyin.csv');
    expect(done).toMatchObject({ status: 'done', platform: 'douyin', ordersImported: 2, customersCreated: 2, rejectedCount: 0 });
    const orders = await koi.db.rows<{ platform_order_no: string; customer_id: string; item_summary: string; item_quantity: number; amount_fen: string }>(
      sql`select platform_order_no, customer_id, item_summary, item_quantity, amount_fen::text from customer_imported_orders where source = 'douyin' order by platform_order_no`);
    expect(orders.map((o) => [o.platform_order_no, o.item_summary, o.item_quantity, o.amount_fen])).toEqual([['DY1', '紫砂壶；茶杯', 3, '10000'], ['DY2', '茶盘', 1, '5050']]);
    expect(orders[0]!.customer_id).not.toBe(orders[1]!.customer_id);
    const again = await importFile(file, 'douyin.csv');
    expect(again).toMatchObject({ status: 'done', customersCreated: 0 });
    const after = await koi.db.rows<{ customer_id: string }>(sql`select customer_id from customer_imported_orders where source = 'douyin' order by platform_order_no`);
    expect(after.map((o) => o.customer_id)).toEqual(orders.map((o) => o.customer_id));
  }, 120_000);

  it('a file of no known platform needs phones: a bare buyer account names nobody', async () => {
    const file = Buffer.from('\uFEFF订单号,买家账号,手机号,实付金额,下单时间\r\nG1,abc,,10.00,2024-01-02 03:04:05\r\nG2,abc,13700001111,12.50,2024-01-03 03:04:05\r\n');
    const done = await importFile(file, 'other.csv');
    expect(done).toMatchObject({ status: 'done', platform: 'generic', ordersImported: 1, rejectedCount: 1 });
    const report = await koi.app.inject({ method: 'GET', url: done.rejectedReportUrl, headers: { authorization: `Bearer ${owner}` } });
    expect(report.body).toContain('买家账号无法识别客户');
    expect(await count(`select count(*)::int as n from customer_profiles where source_channel = 'manual'`)).toBe(1);
  }, 120_000);

  it('follows customer.merged and customer.erased', async () => {
    const [a, b] = await koi.db.rows<{ customer_id: string }>(sql`select distinct customer_id from customer_imported_orders where source = 'taobao' limit 2`);
    const both = `customer_id in ('${a!.customer_id}', '${b!.customer_id}')`;
    const before = await count(`select count(*)::int as n from customer_imported_orders where ${both}`);
    const fenBefore = await count(`select sum(amount_fen)::bigint as n from customer_imported_orders where ${both}`);
    await koi.db.tx((q) => publish(q, CustomerEvents.merged, { fromId: a!.customer_id, intoId: b!.customer_id, staffId: null, reason: 'test', at: new Date().toISOString() }));
    await koi.db.tx((q) => publish(q, CustomerEvents.erased, { customerId: b!.customer_id, at: new Date().toISOString() }));
    while (await koi.bus.dispatchOnce());
    const rows = await koi.db.rows<{ receiver_name: string | null; phone: string | null; address: string | null; buyer_id: string | null; amount_fen: string }>(
      sql`select receiver_name, phone, address, buyer_id, amount_fen::text from customer_imported_orders where customer_id = ${b!.customer_id}`);
    expect(rows).toHaveLength(before);
    expect(await count(`select count(*)::int as n from customer_imported_orders where customer_id = '${a!.customer_id}'`)).toBe(0);
    for (const r of rows) expect([r.receiver_name, r.phone, r.address, r.buyer_id]).toEqual([null, null, null, null]);
    expect(rows.reduce((n, r) => n + Number(r.amount_fen), 0)).toBe(fenBefore);
  }, 120_000);

  it('a retried job resumes after the rows an earlier attempt committed', async () => {
    const file = path.join(dir, 'resume.csv');
    await writeSampleExport(file, { platform: 'taobao', rows: 120, seed: 99, format: 'csv', encoding: 'utf-8', orderPrefix: 'R' });
    const p = await upload(await readFile(file), 'resume.csv');
    await koi.customerImport.imports.confirm(p.body.id, { platform: p.body.platform, mapping: p.body.mapping });
    // As if an attempt had committed the first 50 rows (their batches carry rows_done) and then died.
    await koi.db.rows(sql`update customer_imports set status = 'importing', rows_done = 50 where id = ${p.body.id}`);
    await koi.customerImport.run(p.body.id, 25);
    expect(await koi.customerImport.imports.status(p.body.id)).toMatchObject({ status: 'done', rowsDone: 120, ordersImported: 70, progressPercent: 100 });
    expect(await count(`select count(*)::int as n from customer_imported_orders where platform_order_no like 'R%'`)).toBe(70);
  }, 120_000);

  it('reads an .xlsx export and serves the sample file', async () => {
    const file = path.join(dir, 'jd.xlsx');
    await writeSampleExport(file, { platform: 'jd', rows: 40, seed: 5, format: 'xlsx', orderPrefix: 'X' });
    const p = await upload(await readFile(file), '京东订单.xlsx');
    expect(p.body).toMatchObject({ format: 'xlsx', encoding: null, platform: 'jd' });
    const sample = await koi.app.inject({ method: 'GET', url: '/api/admin/customer-imports/sample?platform=taobao&rows=50', headers: { authorization: `Bearer ${owner}` } });
    expect(sample.statusCode).toBe(200);
    expect(sample.headers['content-disposition']).toContain('.csv');
    expect(sample.rawPayload.subarray(0, 8).toString('latin1')).not.toBe('订单编号');
    const unauth = await call(koi, 'GET', '/api/admin/customer-imports');
    expect(unauth.status).toBe(401);
  }, 120_000);
});

describe('customer import demo slice', () => {
  it('seeds a finished 200-row Taobao import with five rejected rows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'koi-cimport-demo-'));
    const koi = await startKoi('pglite', { seed: false, env: { KOI_DATA_DIR: dir } });
    try {
      await seedImports(koi);
      const { items } = await koi.customerImport.imports.list(1, 10);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ status: 'done', platform: 'taobao', rowsDone: 200, rejectedCount: 5, ordersImported: 195 });
      expect(items[0]!.customersCreated).toBeGreaterThan(20);
    } finally {
      await koi.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
