import { z } from 'zod';
import { ZMallItem, ZMallItemInput, ZMallItemList, ZMallRecordPage, ZMallRecordQuery, ZOk } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff } from '../../platform/auth.ts';
import { presentItem, type MallItems } from './mall-items.ts';
import type { MallRecords } from './mall-records.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
// The same permissions as the loyalty module's rules and levels: the points mall is marketing.
const view = requireStaff('marketing:view');
const manage = requireStaff('marketing:manage');
const ZUuidParam = z.object({ id: z.string().uuid() });

export function registerAdminPointsMallRoutes(app: App, deps: { items: MallItems; records: MallRecords }) {
  const { items, records } = deps;

  app.get('/api/admin/points-mall/items', { schema: { ...admin, summary: 'Points mall items (on and off the shelf)', response: { 200: ZMallItemList } }, preValidation: view },
    async () => ({ items: await items.list() }));
  app.get('/api/admin/points-mall/items/:id', { schema: { ...admin, summary: 'One points mall item', params: ZUuidParam, response: { 200: ZMallItem } }, preValidation: view },
    async (req) => presentItem(await items.one(req.params.id)));
  app.post('/api/admin/points-mall/items', {
    schema: { ...admin, summary: 'Add an item: a coupon template or a SKU for points (422 points_mall.ref_invalid at body.refId)', body: ZMallItemInput, response: { 200: ZMallItem } }, preValidation: manage,
  }, async (req) => items.save(null, req.body));
  app.put('/api/admin/points-mall/items/:id', {
    schema: { ...admin, summary: 'Change an item (stock is what is left)', params: ZUuidParam, body: ZMallItemInput, response: { 200: ZMallItem } }, preValidation: manage,
  }, async (req) => items.save(req.params.id, req.body));
  app.delete('/api/admin/points-mall/items/:id', {
    schema: { ...admin, summary: 'Remove an item (its exchanges stay on record)', params: ZUuidParam, response: { 200: ZOk } }, preValidation: manage,
  }, async (req) => {
    await items.remove(req.params.id);
    return { ok: true as const };
  });

  app.get('/api/admin/points-mall/exchanges', {
    schema: { ...admin, summary: 'Exchange records, newest first, with masked phones', querystring: ZMallRecordQuery, response: { 200: ZMallRecordPage } }, preValidation: view,
  }, async (req) => records.list(req.query));
}
