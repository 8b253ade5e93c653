import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { ZAdminProductQuery, ZIdParam, ZImportStatus } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff } from '../../platform/auth.ts';
import type { Catalog } from './index.ts';
import { attachment, XLSX_TYPE } from './xlsx-io.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };

/** Excel in and out: the template, import progress and error reports, the export. */
export function registerTransferRoutes(app: App, catalog: Catalog) {
  const manage = requireStaff('product:manage');

  app.get('/api/admin/catalog/import/template', { schema: { ...admin, summary: 'The import template (.xlsx)' }, preValidation: manage },
    async (_req, reply) => reply.type(XLSX_TYPE).header('content-disposition', attachment('商品导入模板.xlsx')).send(await catalog.importTemplate()));

  app.get('/api/admin/catalog/import/:id', { schema: { ...admin, summary: 'Import status and progress', params: ZIdParam, response: { 200: ZImportStatus } }, preValidation: manage },
    async (req) => catalog.imports.status(req.params.id));

  app.get('/api/admin/catalog/import/:id/errors.xlsx', { schema: { ...admin, summary: 'The rows of a rejected import with an error column', params: ZIdParam }, preValidation: manage },
    async (req, reply) => {
      const report = await catalog.imports.errorReport(req.params.id);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(report.name)).send(createReadStream(report.file));
    });

  app.get('/api/admin/catalog/export', { schema: { ...admin, summary: 'The filtered products as .xlsx (import columns)', querystring: ZAdminProductQuery }, preValidation: requireStaff('product:view') },
    async (req, reply) => {
      const out = new PassThrough();
      catalog.exportTo(req.query, out).catch((err: unknown) => {
        req.log.error({ err }, 'catalog export failed');
        out.destroy(err as Error);
      });
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('商品导出.xlsx')).send(out);
    });
}
