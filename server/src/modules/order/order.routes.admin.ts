import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { ZAdminOrderDetail, ZAdminOrderPage, ZAdminOrderQuery, ZOrderAdjustInput, ZOrderCloseInput, ZOrderRemarkInput } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import { attachment, XLSX_TYPE } from '../../platform/xlsx.ts';
import { adminOrderDetail, adminOrderRow } from './order-views.ts';
import { exportOrders } from './order-export.ts';
import type { OrderService } from './index.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const ZId = z.object({ id: z.uuid() });

export function registerAdminOrderRoutes(app: App, deps: { service: OrderService; staffName: (id: string) => Promise<string> }) {
  const { service } = deps;
  const view = requireStaff('order:view');
  const manage = requireStaff('order:manage');
  const detail = async (id: string) => {
    const { order, lines } = await service.queries.one(id, null);
    return adminOrderDetail(order, lines, await service.queries.adjustments(id));
  };

  app.get('/api/admin/orders', { preValidation: view, schema: { ...admin, summary: 'Orders with filters (mobiles masked)', querystring: ZAdminOrderQuery, response: { 200: ZAdminOrderPage } } },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { rows, total } = await service.queries.adminList(filter, page, pageSize);
      return { items: rows.map((r) => adminOrderRow(r.order, r.itemCount, r.firstTitle)), total };
    });

  app.get('/api/admin/orders/export', { preValidation: view, schema: { ...admin, summary: 'The filtered orders as .xlsx, one row per line with its allocation', querystring: ZAdminOrderQuery } },
    async (req, reply) => {
      const { page: _p, pageSize: _s, ...filter } = req.query;
      const out = new PassThrough();
      exportOrders(service.queries, filter, out).catch((err: unknown) => {
        req.log.error({ err }, 'order export failed');
        out.destroy(err as Error);
      });
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('订单导出.xlsx')).send(out);
    });

  app.get('/api/admin/orders/:id', { preValidation: view, schema: { ...admin, summary: 'An order with its price breakdown and per-line allocation', params: ZId, response: { 200: ZAdminOrderDetail } } },
    async (req) => detail(req.params.id));

  app.put('/api/admin/orders/:id/remark', { preValidation: manage, schema: { ...admin, summary: 'Merchant remark', params: ZId, body: ZOrderRemarkInput, response: { 200: ZAdminOrderDetail } } },
    async (req) => {
      await service.admin.remark(req.params.id, req.body.remark);
      return detail(req.params.id);
    });

  app.post('/api/admin/orders/:id/adjust', { preValidation: manage, schema: { ...admin, summary: '改价: change an unpaid order\'s amount (audited)', params: ZId, body: ZOrderAdjustInput, response: { 200: ZAdminOrderDetail } } },
    async (req) => {
      const me = staffOf(req);
      await service.admin.adjust(req.params.id, { id: me.id, name: await deps.staffName(me.id) }, req.body);
      return detail(req.params.id);
    });

  app.post('/api/admin/orders/:id/close', { preValidation: manage, schema: { ...admin, summary: 'Close an unpaid order', params: ZId, body: ZOrderCloseInput, response: { 200: ZAdminOrderDetail } } },
    async (req) => {
      await service.queries.one(req.params.id, null);
      await service.closeByMerchant(req.params.id, req.body.reason);
      return detail(req.params.id);
    });
}
