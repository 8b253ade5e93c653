import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { TShipImportStatus } from '@koi/contracts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { upload } from './catalog-fixtures.ts';
import { paidOrder, sfNo, ytNo } from './shipment-fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('批量发货');
  ws.addRow(['订单号', '快递公司', '运单号']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readRows(data: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.each(DB_KINDS)('batch shipping from Excel on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'koi-ship-import-'));
  beforeAll(async () => {
    koi = await startKoi(kind, { workers: true, env: { KOI_DATA_DIR: dataDir } });
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => {
    await koi?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the template', async () => {
    const res = await koi.app.inject({ method: 'GET', url: '/api/admin/shipping/import/template', headers: { authorization: `Bearer ${owner}` } });
    expect(res.statusCode).toBe(200);
    expect((await readRows(res.rawPayload))[0]).toEqual(['订单号', '快递公司', '运单号']);
  });

  it('ships the good rows, reports the others row by row, and shows progress', async () => {
    const a = await paidOrder(koi, '13720000001', [1]);
    const b = await paidOrder(koi, '13720000002', [2]);
    const c = await paidOrder(koi, '13720000003', [1]);
    const file = await sheet([
      [a.orderNo, '顺丰', sfNo()],
      [b.orderNo, 'yuantong', ytNo()],
      [c.orderNo, '顺风快递', sfNo()],
      ['KOI000000000', '中通', '78123456789012'],
      [a.orderNo, '顺丰', sfNo()],
      [c.orderNo, '圆通', 'SF1234567890123'],
    ]);
    const started = await upload(koi, '/api/admin/shipping/import', owner, file, '发货.xlsx', XLSX);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    let s: TShipImportStatus | null = null;
    const end = Date.now() + 60_000;
    while (Date.now() < end) {
      s = (await call<TShipImportStatus>(koi, 'GET', `/api/admin/shipping/import/${started.body.importId}`, undefined, { token: owner })).body;
      if (s.status === 'done' || s.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(s).toMatchObject({ status: 'done', totalRows: 6, processedRows: 6, shippedRows: 2, errorCount: 4 });
    for (const o of [a, b]) expect((await call(koi, 'GET', `/api/shop/orders/${o.orderId}`, undefined, { token: o.token })).body.status).toBe('shipped');
    expect((await call(koi, 'GET', `/api/shop/orders/${c.orderId}`, undefined, { token: c.token })).body.status).toBe('paid');

    const report = await koi.app.inject({ method: 'GET', url: s!.errorReportUrl!, headers: { authorization: `Bearer ${owner}` } });
    expect(report.statusCode).toBe(200);
    const rows = await readRows(report.rawPayload);
    expect(rows[0]).toEqual(['行号', '订单号', '快递公司', '运单号', '错误']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([4, 5, 6, 7]);
    expect(String(rows[1]![4])).toContain('不支持的快递公司');
    expect(String(rows[2]![4])).toContain('订单');
    expect(String(rows[3]![4])).toContain('不能发货');
    expect(String(rows[4]![4])).toContain('单号格式');
  });

  it('refuses a file that is not a workbook', async () => {
    const res = await upload(koi, '/api/admin/shipping/import', owner, Buffer.from('order,courier\n'), 'x.xlsx', XLSX);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('shipment.import_not_xlsx');
  });
});
