import { ADDRESS_BOOK_LIMIT, ZAddress, ZAddressInput, ZAddressList, ZDefaultAddress, ZIdParam, ZOk } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';
import type { AddressBook } from './address-book.ts';

const signedIn = { tags: ['shop'], security: [{ bearer: [] }] };

/** The shopper's own addresses. Another shopper's id answers 404, exactly like a missing one. */
export function registerAddressRoutes(app: App, book: AddressBook) {
  const guard = { preValidation: requireShopper };

  app.get('/api/shop/addresses', { schema: { ...signedIn, summary: 'My addresses, the default first', response: { 200: ZAddressList } }, ...guard },
    async (req) => ({ items: await book.list(shopperOf(req).id), limit: ADDRESS_BOOK_LIMIT }));

  app.get('/api/shop/addresses/default', { schema: { ...signedIn, summary: 'My default address (null when I have none)', response: { 200: ZDefaultAddress } }, ...guard },
    async (req) => ({ address: await book.getDefault(shopperOf(req).id) }));

  app.post('/api/shop/addresses', { schema: { ...signedIn, summary: 'Add an address (region names come from the codes)', body: ZAddressInput, response: { 201: ZAddress } }, ...guard },
    async (req, reply) => reply.code(201).send(await book.create(shopperOf(req).id, req.body)));

  app.get('/api/shop/addresses/:id', { schema: { ...signedIn, summary: 'One of my addresses', params: ZIdParam, response: { 200: ZAddress } }, ...guard },
    async (req) => book.get(shopperOf(req).id, req.params.id));

  app.put('/api/shop/addresses/:id', { schema: { ...signedIn, summary: 'Replace one of my addresses', params: ZIdParam, body: ZAddressInput, response: { 200: ZAddress } }, ...guard },
    async (req) => book.update(shopperOf(req).id, req.params.id, req.body));

  app.post('/api/shop/addresses/:id/default', { schema: { ...signedIn, summary: 'Make it my default address', params: ZIdParam, response: { 200: ZAddress } }, ...guard },
    async (req) => book.setDefault(shopperOf(req).id, req.params.id));

  app.delete('/api/shop/addresses/:id', { schema: { ...signedIn, summary: 'Delete one of my addresses (the default passes to the latest other)', params: ZIdParam, response: { 200: ZOk } }, ...guard },
    async (req) => {
      await book.remove(shopperOf(req).id, req.params.id);
      return { ok: true as const };
    });
}
