import { z } from 'zod';
import {
  ZAdminAfterSaleQuery, ZAfterSale, ZAfterSalePage, ZAfterSaleSettings, ZAfterSaleTabCounts, ZApproveInput, ZOrderAfterSales, ZReceiveInput, ZRejectInput, ZShipBackInput,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff } from '../../platform/auth.ts';
import type { AfterSaleService } from './index.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const ZId = z.object({ id: z.uuid() });
const view = requireStaff('aftersale:view');
const manage = requireStaff('aftersale:manage');

export function registerAdminAfterSaleRoutes(app: App, service: AfterSaleService) {
  const { views, ops } = service;

  app.get('/api/admin/aftersales', {
    preValidation: view,
    schema: { ...admin, summary: 'The after-sales queue by tab (pending answers show their deadline)', querystring: ZAdminAfterSaleQuery, response: { 200: ZAfterSalePage } },
  }, async (req) => views.admin(req.query));

  app.get('/api/admin/aftersales/counts', {
    preValidation: view, schema: { ...admin, summary: 'After-sales per tab', response: { 200: ZAfterSaleTabCounts } },
  }, async () => views.tabCounts());

  app.get('/api/admin/aftersales/settings', {
    preValidation: view, schema: { ...admin, summary: 'After-sale settings', response: { 200: ZAfterSaleSettings } },
  }, async () => service.settings.get());

  app.put('/api/admin/aftersales/settings', {
    preValidation: manage, schema: { ...admin, summary: 'Change the after-sale settings', body: ZAfterSaleSettings, response: { 200: ZAfterSaleSettings } },
  }, async (req) => service.settings.put(req.body));

  app.get('/api/admin/orders/:id/aftersales', {
    preValidation: view,
    schema: { ...admin, summary: 'An order\'s lines as after-sales sees them and its after-sales', params: ZId, response: { 200: ZOrderAfterSales } },
  }, async (req) => views.ofOrder(req.params.id, null));

  app.get('/api/admin/aftersales/:id', {
    preValidation: view, schema: { ...admin, summary: 'One after-sale with its progress', params: ZId, response: { 200: ZAfterSale } },
  }, async (req) => views.detail(req.params.id));

  const act = <B extends z.ZodType>(path: string, summary: string, body: B, run: (id: string, body: z.infer<B>) => Promise<void>) => {
    app.post(`/api/admin/aftersales/:id/${path}`, {
      preValidation: manage, schema: { ...admin, summary, params: ZId, body, response: { 200: ZAfterSale } },
    }, async (req) => {
      const { id } = req.params as { id: string };
      await run(id, req.body as z.infer<B>);
      return views.detail(id);
    });
  };
  act('approve', 'Approve (a return needs a return address: given here or the default one)', ZApproveInput, (id, b) => ops.approve(id, b.returnAddress));
  act('reject', 'Reject with a reason the shopper sees', ZRejectInput, (id, b) => ops.reject(id, b.reason));
  act('receive', 'The parcel came back (optionally restock); a return\'s refund starts', ZReceiveInput, (id, b) => ops.receive(id, b.restock));
  act('refund', 'Start the refund again (after a failure)', z.strictObject({}), (id) => ops.refund(id));
  act('reship', 'Send the exchanged item (courier and tracking number)', ZShipBackInput, (id, b) => ops.reship(id, b));
}
