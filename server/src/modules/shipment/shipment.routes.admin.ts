import { createReadStream } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ZCourier, ZImportStarted, ZOrderShipping, ZPickListQuery, ZShipImportStatus, ZShipRequest, ZShipResult, ZShippingQueue, ZShippingQueueQuery,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import { KoiError, pickLang } from '../../platform/errors.ts';
import { attachment, XLSX_TYPE } from '../../platform/xlsx.ts';
import { oneFile, withMultipart } from '../../platform/uploads.ts';
import type { ShipmentService } from './index.ts';
import { COURIERS } from './couriers.rules.ts';
import { MAX_SHIP_IMPORT_BYTES } from './ship-import.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const ZId = z.object({ id: z.uuid() });
const lang = (req: FastifyRequest) => pickLang(req.headers['accept-language']);

/** The shipping queue, 发货 (whole or split), 批量发货, 拣货单, and tracking on the order page. */
export function registerAdminShipmentRoutes(app: App, s: ShipmentService) {
  const view = requireStaff('order:view');
  const ship = requireStaff('order:ship');

  app.get('/api/admin/shipping/couriers', { preValidation: view, schema: { ...admin, summary: 'Couriers and their Kuaidi100 codes', response: { 200: z.array(ZCourier) } } },
    async (req) => COURIERS.map((c) => ({ code: c.code, name: lang(req) === 'en' ? c.en : c.name })));

  app.get('/api/admin/shipping/queue', { preValidation: view, schema: { ...admin, summary: 'To ship, shipped and exception packages', querystring: ZShippingQueueQuery, response: { 200: ZShippingQueue } } },
    async (req) => s.views.queue(req.query, lang(req)));

  app.get('/api/admin/shipping/orders/:id', { preValidation: view, schema: { ...admin, summary: "An order's lines with shipped and left units, its packages and their tracking", params: ZId, response: { 200: ZOrderShipping } } },
    async (req) => s.views.orderShipping(req.params.id, lang(req)));

  app.post('/api/admin/shipping/orders/:id/ship', { preValidation: ship, schema: { ...admin, summary: 'Ship a paid order whole (one package without lines) or split into packages', params: ZId, body: ZShipRequest, response: { 200: ZShipResult } } },
    async (req) => s.ship(req.params.id, req.body, staffOf(req).id));

  app.post('/api/admin/shipping/shipments/:id/refresh', { preValidation: ship, schema: { ...admin, summary: 'Ask Kuaidi100 for the latest tracking now (实时查询)', params: ZId, response: { 204: z.null() } } },
    async (req, reply) => {
      await s.tracking.refresh(req.params.id);
      return reply.code(204).send(null);
    });

  app.get('/api/admin/shipping/pick-list', { preValidation: view, schema: { ...admin, summary: 'Printable pick and packing list (HTML) of the selected orders', querystring: ZPickListQuery } },
    async (req, reply) => reply.type('text/html; charset=utf-8').send(await s.pickList(req.query.orderIds, req.query.lang ?? lang(req))));

  app.get('/api/admin/shipping/import/template', { preValidation: ship, schema: { ...admin, summary: 'The batch-shipping template (.xlsx)' } },
    async (_req, reply) => reply.type(XLSX_TYPE).header('content-disposition', attachment('批量发货模板.xlsx')).send(await s.imports.template()));

  app.get('/api/admin/shipping/import/:id', { preValidation: ship, schema: { ...admin, summary: 'Batch-shipping progress', params: ZId, response: { 200: ZShipImportStatus } } },
    async (req) => s.imports.status(req.params.id));

  app.get('/api/admin/shipping/import/:id/errors.xlsx', { preValidation: ship, schema: { ...admin, summary: 'The rows that did not ship, with the reason', params: ZId } },
    async (req, reply) => {
      const r = await s.imports.errorReport(req.params.id);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(r.name)).send(createReadStream(r.file));
    });

  // The upload in its own scope: the multipart parser exists only here.
  withMultipart(app, MAX_SHIP_IMPORT_BYTES, (sc) => {
    sc.post('/api/admin/shipping/import', {
      preValidation: ship,
      schema: { ...admin, consumes: ['multipart/form-data'], summary: 'Start batch shipping from an .xlsx (field "file"); poll its progress', response: { 200: ZImportStarted } },
    }, async (req) => {
      const file = await oneFile(req, MAX_SHIP_IMPORT_BYTES);
      if (!file) throw new KoiError('shipment.file_required');
      return s.imports.start(file.file, file.filename || 'shipping.xlsx', staffOf(req).id);
    });
  });
}
