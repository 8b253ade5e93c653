import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZCart, ZCartAddInput, ZCartCount, ZCartLinePatch, ZCartMerge, ZCartRemove, ZCartSelectAll } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';
import { KoiError, pickLang } from '../../platform/errors.ts';
import { shopperOwner, type Carts } from './carts.ts';

const OPTIONAL_BEARER: { [k: string]: string[] }[] = [{}, { bearer: [] }];
const ANON = /^[A-Za-z0-9_-]{8,64}$/;

/** Whose cart: the signed-in shopper's, else the guest device's (its anonymous id). */
export function cartOwner(req: FastifyRequest): string {
  if (req.principal?.kind === 'shopper') return shopperOwner(req.principal.id);
  const raw = req.headers['x-anonymous-id'];
  const anon = Array.isArray(raw) ? raw[0] : raw;
  if (!anon || !ANON.test(anon)) throw new KoiError('cart.no_identity');
  return `a:${anon}`;
}

export function registerCartRoutes(app: App, carts: Carts) {
  const lang = (req: FastifyRequest) => pickLang(req.headers['accept-language']);
  const base = { tags: ['shop'], security: OPTIONAL_BEARER, response: { 200: ZCart } };

  app.get('/api/shop/cart', { schema: { ...base, summary: 'The cart, priced by the server, lines flagged with why they cannot be bought' } },
    async (req) => carts.view(cartOwner(req), lang(req)));

  app.get('/api/shop/cart/count', { schema: { tags: ['shop'], summary: 'Units in the cart', security: OPTIONAL_BEARER, response: { 200: ZCartCount } } },
    async (req) => ({ itemCount: await carts.count(cartOwner(req)) }));

  app.post('/api/shop/cart/lines', { schema: { ...base, summary: 'Add a SKU (adds to its line if present)', body: ZCartAddInput } }, async (req) => {
    const owner = cartOwner(req);
    await carts.add(owner, req.body.skuId, req.body.quantity, lang(req));
    return carts.view(owner, lang(req));
  });

  // PUT as well as PATCH: wx.request (the mini-program) has no PATCH.
  for (const method of ['PATCH', 'PUT'] as const) {
    app.route({
      method, url: '/api/shop/cart/lines/:id',
      schema: { ...base, summary: 'Change a line\'s quantity or selection', params: z.object({ id: z.uuid() }), body: ZCartLinePatch },
      handler: async (req) => {
        const owner = cartOwner(req);
        await carts.patch(owner, req.params.id, req.body, lang(req));
        return carts.view(owner, lang(req));
      },
    });
  }

  app.post('/api/shop/cart/select-all', { schema: { ...base, summary: 'Select or unselect every line', body: ZCartSelectAll } }, async (req) => {
    const owner = cartOwner(req);
    await carts.selectAll(owner, req.body.selected);
    return carts.view(owner, lang(req));
  });

  app.post('/api/shop/cart/remove', { schema: { ...base, summary: 'Remove lines', body: ZCartRemove } }, async (req) => {
    const owner = cartOwner(req);
    await carts.remove(owner, req.body.lineIds);
    return carts.view(owner, lang(req));
  });

  app.post('/api/shop/cart/merge', {
    preValidation: requireShopper,
    schema: { tags: ['shop'], summary: 'Merge the guest cart of this device into the signed-in shopper\'s cart', security: [{ bearer: [] }], body: ZCartMerge, response: { 200: ZCart } },
  }, async (req) => {
    const me = shopperOf(req);
    await carts.merge(me.id, req.body.anonymousId);
    return carts.view(shopperOwner(me.id), lang(req));
  });
}
