import { z } from 'zod';
import {
  ZAfterSale, ZAfterSaleApplyInput, ZAfterSalePage, ZAfterSaleQuote, ZAfterSaleQuoteInput, ZOrderAfterSales, ZShipBackInput, ZShopAfterSaleQuery,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { requireShopper, shopperOf, subjectKey } from '../../platform/auth.ts';
import { idempotent } from '../../platform/idempotency.ts';
import type { AfterSaleService } from './index.ts';

const shop = { tags: ['shop'], security: [{ bearer: [] }] };
const ZId = z.object({ id: z.uuid() });

export function registerShopAfterSaleRoutes(app: App, deps: { db: Db; service: AfterSaleService }) {
  const { service } = deps;

  app.get('/api/shop/orders/:id/aftersales', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'An order\'s lines as after-sales sees them (left to ask, refunded) and its after-sales', params: ZId, response: { 200: ZOrderAfterSales } },
  }, async (req) => service.views.ofOrder(req.params.id, shopperOf(req).id));

  app.post('/api/shop/aftersales/quote', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'The most these units may bring back (computed by the server)', body: ZAfterSaleQuoteInput, response: { 200: ZAfterSaleQuote } },
  }, async (req) => service.quote(shopperOf(req).id, req.body));

  app.post('/api/shop/aftersales', {
    preValidation: requireShopper,
    preHandler: idempotent(deps.db, { subject: subjectKey }),
    schema: { ...shop, summary: 'Ask for an after-sale (send an Idempotency-Key)', body: ZAfterSaleApplyInput, response: { 201: ZAfterSale } },
  }, async (req, reply) => {
    const me = shopperOf(req);
    const id = await service.apply(me.id, req.body);
    return reply.code(201).send(await service.views.detail(id, me.id));
  });

  app.get('/api/shop/aftersales', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'My after-sales, newest first', querystring: ZShopAfterSaleQuery, response: { 200: ZAfterSalePage } },
  }, async (req) => service.views.mine(shopperOf(req).id, req.query.page, req.query.pageSize));

  app.get('/api/shop/aftersales/:id', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'One of my after-sales with its progress', params: ZId, response: { 200: ZAfterSale } },
  }, async (req) => service.views.detail(req.params.id, shopperOf(req).id));

  app.post('/api/shop/aftersales/:id/withdraw', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'Withdraw a request the merchant has not answered yet', params: ZId, response: { 200: ZAfterSale } },
  }, async (req) => {
    const me = shopperOf(req);
    await service.ops.withdraw(req.params.id, me.id);
    return service.views.detail(req.params.id, me.id);
  });

  app.post('/api/shop/aftersales/:id/ship-back', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'The courier and tracking number of the parcel sent back', params: ZId, body: ZShipBackInput, response: { 200: ZAfterSale } },
  }, async (req) => {
    const me = shopperOf(req);
    await service.ops.shipBack(req.params.id, me.id, req.body);
    return service.views.detail(req.params.id, me.id);
  });

  app.post('/api/shop/aftersales/:id/confirm-exchange', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'Confirm the exchanged item arrived', params: ZId, response: { 200: ZAfterSale } },
  }, async (req) => {
    const me = shopperOf(req);
    await service.ops.confirmExchange(req.params.id, me.id);
    return service.views.detail(req.params.id, me.id);
  });
}
