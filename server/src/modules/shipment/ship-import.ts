import { mkdirSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { TShipImportStatus } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import type { OrderService } from '../order/index.ts';
import { shipmentImports } from './shipment.tables.ts';
import { cellText, mapHeaders, MAX_SHIP_IMPORT_ROWS, parseRow } from './ship-import.rules.ts';
import { shipOrder, type WithheldUnits } from './ship-order.ts';
import { COURIERS } from './couriers.rules.ts';

export const SHIP_IMPORT_QUEUE = 'shipment.import';
export const MAX_SHIP_IMPORT_BYTES = 5 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Rejected = { row: number; values: string[]; reason: string };

/**
 * 批量发货: the operator uploads a sheet (订单号, 快递公司, 运单号); a durable job ships each row's
 * order whole (everything still to ship) as one package, counting progress, and keeps the rows it
 * could not ship, with the reason, in a downloadable report. Good rows ship even when others fail:
 * each is its own order.
 */
export function createShipImports(deps: { db: Db; jobs: Jobs; log: Logger; orders: OrderService; withheld: WithheldUnits; dataDir: string; onShipped: (shipmentIds: string[]) => void }) {
  const { db } = deps;
  const dir = path.join(deps.dataDir, 'shipment-imports');
  mkdirSync(dir, { recursive: true });
  const files = (id: string) => ({ upload: path.join(dir, `${id}.xlsx`), report: path.join(dir, `${id}.errors.xlsx`) });
  const patch = (id: string, p: Partial<typeof shipmentImports.$inferInsert>) => db.run((q) => q.update(shipmentImports).set(p).where(eq(shipmentImports.id, id)));

  async function orderIdByNo(orderNo: string): Promise<string | null> {
    const { rows } = await deps.orders.queries.adminList({ status: 'all', q: orderNo }, 1, 5);
    return rows.find((r) => r.order.orderNo === orderNo)?.order.id ?? null;
  }

  async function run(id: string): Promise<void> {
    const [imp] = await db.run((q) => q.select().from(shipmentImports).where(eq(shipmentImports.id, id)));
    if (!imp || imp.status !== 'validating') return;
    const f = files(id);
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f.upload);
      const ws = wb.worksheets[0];
      const rows: { number: number; values: unknown[] }[] = [];
      ws?.eachRow({ includeEmpty: false }, (r) => { rows.push({ number: r.number, values: Array.isArray(r.values) ? r.values : [] }); });
      const [head, ...data] = rows;
      const header = head ? mapHeaders(head.values) : { map: {}, missing: ['订单号', '快递公司', '运单号'] };
      if (header.missing.length) {
        await patch(id, { status: 'failed', message: `缺少必填列：${header.missing.join('、')}`, finishedAt: clock.now() });
        return;
      }
      if (data.length > MAX_SHIP_IMPORT_ROWS) {
        await patch(id, { status: 'failed', message: `一次最多导入 ${MAX_SHIP_IMPORT_ROWS} 行，请拆分文件`, finishedAt: clock.now() });
        return;
      }
      await patch(id, { status: 'importing', totalRows: data.length });
      const rejected: Rejected[] = [];
      const raw = (values: unknown[]) => [header.map.orderNo, header.map.courier, header.map.trackingNo].map((i) => cellText(values[i!]));
      let processed = 0;
      let shipped = 0;
      for (const r of data) {
        const parsed = parseRow(r.values, header.map);
        processed++;
        if (parsed && !parsed.ok) rejected.push({ row: r.number, values: raw(r.values), reason: parsed.errors.join('；') });
        if (parsed?.ok) {
          try {
            const orderId = await orderIdByNo(parsed.orderNo);
            if (!orderId) throw new KoiError('resource.not_found', { what: 'order' });
            const out = await shipOrder({ db, orders: deps.orders, withheld: deps.withheld }, orderId, [{ courierCode: parsed.courierCode, trackingNo: parsed.trackingNo }], imp.createdBy);
            deps.onShipped(out.shipmentIds);
            shipped++;
          } catch (err) {
            if (!(err instanceof KoiError)) throw err;
            rejected.push({ row: r.number, values: raw(r.values), reason: err.localized('zh-CN') });
          }
        }
        if (processed % 20 === 0 || processed === data.length) {
          await db.run((q) => q.update(shipmentImports).set({ processedRows: processed, shippedRows: shipped, errorCount: rejected.length }).where(eq(shipmentImports.id, id)));
        }
      }
      if (rejected.length) await writeReport(f.report, rejected);
      await patch(id, {
        status: 'done', processedRows: processed, shippedRows: shipped, errorCount: rejected.length, hasErrorReport: rejected.length > 0,
        message: rejected.length ? `已发货 ${shipped} 单，${rejected.length} 行未发货，请下载错误报告` : `已发货 ${shipped} 单`, finishedAt: clock.now(),
      });
    } catch (err) {
      deps.log.warn({ err, importId: id }, 'shipment import failed');
      await patch(id, { status: 'failed', message: '文件无法读取，请确认是 .xlsx 格式', finishedAt: clock.now() });
    } finally {
      await rm(f.upload, { force: true });
    }
  }

  deps.jobs.define<{ importId: string }>(SHIP_IMPORT_QUEUE, { retryLimit: 1, expireInSeconds: 1800 }, ({ importId }) => run(importId));

  async function row(id: string) {
    if (!UUID.test(id)) throw new KoiError('resource.not_found', { what: 'shipment_import' });
    const [r] = await db.run((q) => q.select().from(shipmentImports).where(eq(shipmentImports.id, id)));
    if (!r) throw new KoiError('resource.not_found', { what: 'shipment_import' });
    return r;
  }

  return {
    run,

    /** Stores the upload (at most 5 MB, a zip like every .xlsx) and queues the job. */
    async start(file: Readable & { truncated?: boolean }, fileName: string, staffId: string | null): Promise<{ importId: string }> {
      const id = newId();
      const { upload } = files(id);
      try {
        await pipeline(file, createWriteStream(upload));
      } catch (err) {
        await rm(upload, { force: true });
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new KoiError('shipment.import_too_large', { mb: MAX_SHIP_IMPORT_BYTES / 1024 / 1024 });
        throw err;
      }
      const head = Buffer.alloc(4);
      const fh = await open(upload, 'r');
      await fh.read(head, 0, 4, 0).finally(() => fh.close());
      if (file.truncated || head.readUInt32BE(0) !== 0x504b0304) {
        await rm(upload, { force: true });
        if (file.truncated) throw new KoiError('shipment.import_too_large', { mb: MAX_SHIP_IMPORT_BYTES / 1024 / 1024 });
        throw new KoiError('shipment.import_not_xlsx');
      }
      await db.run((q) => q.insert(shipmentImports).values({ id, status: 'validating', fileName: fileName.slice(0, 200), createdBy: staffId, startedAt: clock.now() }));
      await deps.jobs.send(SHIP_IMPORT_QUEUE, { importId: id }, { id });
      return { importId: id };
    },

    async status(id: string): Promise<TShipImportStatus> {
      const r = await row(id);
      return {
        id: r.id, status: r.status, fileName: r.fileName, totalRows: r.totalRows, processedRows: r.processedRows, shippedRows: r.shippedRows,
        errorCount: r.errorCount, errorReportUrl: r.hasErrorReport ? `/api/admin/shipping/import/${r.id}/errors.xlsx` : null,
        message: r.message, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
      };
    },

    async errorReport(id: string): Promise<{ file: string; name: string }> {
      const r = await row(id);
      if (!r.hasErrorReport) throw new KoiError('shipment.import_no_report');
      return { file: files(id).report, name: `批量发货错误-${r.fileName.replace(/\.xlsx$/i, '')}.xlsx` };
    },

    /** The template: the three columns, an example row, and the couriers' names and codes on a second sheet. */
    async template(): Promise<Buffer> {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('批量发货');
      ws.columns = [{ header: '订单号', width: 26 }, { header: '快递公司', width: 14 }, { header: '运单号', width: 22 }];
      ws.getColumn(1).numFmt = '@';
      ws.getColumn(3).numFmt = '@';
      const notes = wb.addWorksheet('快递公司');
      notes.columns = [{ header: '快递公司', width: 16 }, { header: '编码（快递100）', width: 18 }, { header: '也可填写', width: 30 }];
      for (const c of COURIERS) notes.addRow([c.name, c.code, c.aliases.join('、')]);
      notes.addRow([]);
      notes.addRow(['填写说明', '每行一个订单：该订单所有待发商品作为一个包裹发出；拆分发货请在订单详情中操作。运单号请设置为文本格式，避免被 Excel 改成科学计数法。']);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
export type ShipImports = ReturnType<typeof createShipImports>;

async function writeReport(file: string, rejected: Rejected[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('未发货');
  ws.columns = [{ header: '行号', width: 8 }, { header: '订单号', width: 26 }, { header: '快递公司', width: 14 }, { header: '运单号', width: 22 }, { header: '错误', width: 50 }];
  for (const r of rejected) ws.addRow([r.row, ...r.values, r.reason]);
  await wb.xlsx.writeFile(file);
}
