import { z } from 'zod';
import { ZMallExchangePage, ZMallExchangeQuery, ZMallExchangeRequest, ZMallExchangeResult, ZShopMallItem, ZShopMallList } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { requireShopper, shopperOf, subjectKey } from '../../platform/auth.ts';
import { idempotent } from '../../platform/idempotency.ts';
import type { MallItems } from './mall-items.ts';
import type { MallRecords } from './mall-records.ts';
import type { Exchange } from './exchange.ts';

const shop = { tags: ['shop'] };
const signedIn = { tags: ['shop'], security: [{ bearer: [] }] };
const ZItemParam = z.object({ id: z.string().uuid() });

export function registerShopPointsMallRoutes(app: App, deps: { db: Db; items: MallItems; records: MallRecords; exchange: Exchange }) {
  const { items, records } = deps;
  const who = (p: { kind: string; id: string } | null) => (p?.kind === 'shopper' ? p.id : null);

  app.get('/api/shop/points-mall/items', {
    schema: { ...shop, summary: '积分商城: items on the shelf, with my points balance and what blocks each (signed in: my counts too)', response: { 200: ZShopMallList } },
  }, async (req) => items.shelf(who(req.principal), req.lang));

  app.get('/api/shop/points-mall/items/:id', {
    schema: { ...shop, summary: 'One item of the points mall', params: ZItemParam, response: { 200: ZShopMallItem } },
  }, async (req) => items.shopDetail(req.params.id, who(req.principal), req.lang));

  app.post('/api/shop/points-mall/exchanges', {
    schema: {
      ...signedIn,
      summary: 'Exchange points for one unit of an item (Idempotency-Key: the same key is one exchange). 409 loyalty.insufficient_points / points_mall.sold_out / points_mall.limit_reached; nothing is spent on any refusal',
      body: ZMallExchangeRequest, response: { 200: ZMallExchangeResult },
    },
    preValidation: requireShopper, preHandler: idempotent(deps.db, { subject: subjectKey }),
  }, async (req) => {
    const raw = req.headers['idempotency-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    return deps.exchange(shopperOf(req).id, { itemId: req.body.itemId, addressId: req.body.addressId, idempotencyKey: key?.slice(0, 200) });
  });

  app.get('/api/shop/points-mall/exchanges', {
    schema: { ...signedIn, summary: 'My exchanges, newest first', querystring: ZMallExchangeQuery, response: { 200: ZMallExchangePage } }, preValidation: requireShopper,
  }, async (req) => records.mine(shopperOf(req).id, req.query.page, req.query.pageSize));
}
