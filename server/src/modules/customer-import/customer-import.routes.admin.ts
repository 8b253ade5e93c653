import { PassThrough } from 'node:stream';
import { z } from 'zod';
import {
  ZCustomerImportList, ZCustomerImportListQuery, ZCustomerImportPreview, ZCustomerImportStart, ZCustomerImportStatus,
  ZImportedOrderList, ZImportedOrderListQuery, ZImportSampleQuery,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import { attachment, XLSX_TYPE } from '../../platform/xlsx.ts';
import { oneFile, withMultipart } from '../../platform/uploads.ts';
import type { CustomerImports } from './customer-imports.ts';
import { MAX_CUSTOMER_IMPORT_BYTES } from './customer-imports.ts';
import { rejectedReport, type ImportedOrders } from './imported-orders.ts';
import { writeSampleExport } from './sample-export.ts';
import type { Db } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const ZId = z.object({ id: z.uuid() });
const SAMPLE_NAMES = { taobao: '淘宝订单报表示例', jd: '京东订单导出示例', douyin: '抖店订单导出示例', youzan: '有赞订单导出示例' } as const;

/** 客户导入: upload, mapping, progress, history, rejected rows, sample file; and the 360 panel's list. */
export function registerCustomerImportRoutes(app: App, deps: { db: Db; log: Logger; imports: CustomerImports; orders: ImportedOrders }) {
  const manage = requireStaff('customer:manage');
  const view = requireStaff('customer:view');
  const { imports } = deps;

  app.get('/api/admin/customer-imports', { preValidation: manage, schema: { ...admin, summary: 'Customer imports, newest first', querystring: ZCustomerImportListQuery, response: { 200: ZCustomerImportList } } },
    async (req) => imports.list(req.query.page, req.query.pageSize));

  app.get('/api/admin/customer-imports/sample', { preValidation: manage, schema: { ...admin, summary: 'A sample export of a platform (Taobao: GBK CSV as the seller centre exports it)', querystring: ZImportSampleQuery } },
    async (req, reply) => {
      const { platform, format, rows } = req.query;
      const out = new PassThrough();
      writeSampleExport(out, { platform, rows, format, encoding: platform === 'taobao' ? 'gbk' : 'utf-8', seed: 2026, badEvery: 40 })
        .catch((err: unknown) => { deps.log.warn({ err }, 'sample export failed'); out.destroy(err as Error); });
      const type = format === 'xlsx' ? XLSX_TYPE : `text/csv; charset=${platform === 'taobao' ? 'gbk' : 'utf-8'}`;
      return reply.type(type).header('content-disposition', attachment(`${SAMPLE_NAMES[platform]}.${format}`)).send(out);
    });

  app.get('/api/admin/customer-imports/:id', { preValidation: manage, schema: { ...admin, summary: 'An import: progress and counts (poll while it runs)', params: ZId, response: { 200: ZCustomerImportStatus } } },
    async (req) => imports.status(req.params.id));

  app.get('/api/admin/customer-imports/:id/preview', { preValidation: manage, schema: { ...admin, summary: 'The mapping step again: recognised platform, mapping, first rows', params: ZId, response: { 200: ZCustomerImportPreview } } },
    async (req) => imports.preview(req.params.id));

  app.post('/api/admin/customer-imports/:id/start', { preValidation: manage, schema: { ...admin, summary: 'Start the import with the chosen platform and mapping', params: ZId, body: ZCustomerImportStart, response: { 200: ZCustomerImportStatus } } },
    async (req) => imports.start(req.params.id, req.body));

  app.get('/api/admin/customer-imports/:id/rejected.csv', { preValidation: manage, schema: { ...admin, summary: 'Rejected rows with the reason (CSV, UTF-8)', params: ZId } },
    async (req, reply) => {
      const r = await imports.row(req.params.id);
      if (!r.rejectedCount) throw new KoiError('customer_import.no_report');
      const name = `导入未通过-${r.fileName.replace(/\.(csv|xlsx)$/i, '')}.csv`;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(name)).send(rejectedReport(deps.db, r.id, r.headers));
    });

  app.get('/api/admin/customers/:id/imported-orders', { preValidation: view, schema: { ...admin, summary: "A customer's orders imported from other platforms", params: ZId, querystring: ZImportedOrderListQuery, response: { 200: ZImportedOrderList } } },
    async (req) => deps.orders.ofCustomer(req.params.id, req.query.page, req.query.pageSize));

  // The upload in its own scope: the multipart parser exists only here.
  withMultipart(app, MAX_CUSTOMER_IMPORT_BYTES, (s) => {
    s.post('/api/admin/customer-imports', {
      schema: { ...admin, consumes: ['multipart/form-data'], summary: 'Upload an export (.csv UTF-8/GBK or .xlsx, field "file"); answers the mapping step', response: { 200: ZCustomerImportPreview } },
      preValidation: manage,
    }, async (req) => {
      const file = await oneFile(req, MAX_CUSTOMER_IMPORT_BYTES);
      if (!file) throw new KoiError('customer_import.file_required');
      return imports.upload(file.file, file.filename || 'import.csv', staffOf(req).id);
    });
  });
}
