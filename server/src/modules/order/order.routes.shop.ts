import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZCheckoutInput, ZCheckoutPreview, ZOrderCounts, ZOrderDetail, ZPayInput, ZPayResult, ZShopOrderPage, ZShopOrderQuery } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { requireShopper, shopperOf, subjectKey } from '../../platform/auth.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { pickLang } from '../../platform/errors.ts';
import { orderDetail, orderSummary } from './order-views.ts';
import type { OrderService } from './index.ts';

const shop = { tags: ['shop'], security: [{ bearer: [] }] };
const ZId = z.object({ id: z.uuid() });

export function registerShopOrderRoutes(app: App, deps: { db: Db; service: OrderService; publicUrl: string }) {
  const { service } = deps;
  const lang = (req: FastifyRequest) => pickLang(req.headers['accept-language']);
  const detail = async (id: string, customerId: string) => {
    const { order, lines } = await service.queries.one(id, customerId);
    return orderDetail(order, lines);
  };

  app.post('/api/shop/checkout/preview', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'The confirm page: lines, address, coupons, shipping and totals, computed by the server', body: ZCheckoutInput, response: { 200: ZCheckoutPreview } },
  }, async (req) => service.preview(shopperOf(req).id, req.body, lang(req)));

  app.post('/api/shop/orders', {
    preValidation: requireShopper,
    preHandler: idempotent(deps.db, { subject: subjectKey }),
    schema: {
      ...shop, summary: 'Place an order (send an Idempotency-Key: a retry returns the same order)',
      description: 'Prices come from the server only; price-like fields a client adds are dropped by the schema.',
      body: ZCheckoutInput, response: { 201: ZOrderDetail },
    },
  }, async (req, reply) => {
    const me = shopperOf(req);
    const id = await service.submit(me.id, req.body, lang(req));
    return reply.code(201).send(await detail(id, me.id));
  });

  app.get('/api/shop/orders', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'My orders by status tab', querystring: ZShopOrderQuery, response: { 200: ZShopOrderPage } },
  }, async (req) => {
    const { status, page, pageSize } = req.query;
    const { rows, total } = await service.queries.listForCustomer(shopperOf(req).id, status, page, pageSize);
    return { items: rows.map((r) => orderSummary(r.order, r.lines)), total, hasMore: page * pageSize < total };
  });

  app.get('/api/shop/orders/counts', { preValidation: requireShopper, schema: { ...shop, summary: 'Order counts for the badges on 我的', response: { 200: ZOrderCounts } } },
    async (req) => service.queries.counts(shopperOf(req).id));

  app.get('/api/shop/orders/:id', { preValidation: requireShopper, schema: { ...shop, summary: 'One of my orders', params: ZId, response: { 200: ZOrderDetail } } },
    async (req) => detail(req.params.id, shopperOf(req).id));

  app.post('/api/shop/orders/:id/pay', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'Pay (or pay again): the action that opens the provider\'s cashier', params: ZId, body: ZPayInput, response: { 200: ZPayResult } },
  }, async (req) => {
    const me = shopperOf(req);
    const returnUrl = req.body.returnPath ? `${deps.publicUrl}${req.body.returnPath}` : undefined;
    const action = await service.pay(req.params.id, me.id, req.body.channel, req.ip, returnUrl);
    return { orderId: req.params.id, action };
  });

  app.post('/api/shop/orders/:id/cancel', { preValidation: requireShopper, schema: { ...shop, summary: 'Cancel an unpaid order', params: ZId, response: { 200: ZOrderDetail } } },
    async (req) => {
      const me = shopperOf(req);
      await service.queries.one(req.params.id, me.id);
      await service.cancel(req.params.id, me.id);
      return detail(req.params.id, me.id);
    });

  app.post('/api/shop/orders/:id/confirm-receipt', { preValidation: requireShopper, schema: { ...shop, summary: 'Confirm receipt of a shipped order', params: ZId, response: { 200: ZOrderDetail } } },
    async (req) => {
      const me = shopperOf(req);
      await service.queries.one(req.params.id, me.id);
      await service.lifecycle.confirmReceipt(req.params.id, me.id);
      return detail(req.params.id, me.id);
    });
}
