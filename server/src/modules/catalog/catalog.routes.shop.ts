import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { ZCategoryTree, ZIdParam, ZProductDetail } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { Catalog } from './index.ts';

const shop = { tags: ['shop'] };

export function registerShopCatalogRoutes(app: App, catalog: Catalog) {
  app.get('/api/shop/catalog/categories', { schema: { ...shop, summary: 'Category tree (counts products on sale)', response: { 200: ZCategoryTree } } },
    async () => ({ items: await catalog.categories.shopTree() }));
  app.get('/api/shop/catalog/products/:id', { schema: { ...shop, summary: 'Product page (on sale only)', params: ZIdParam, response: { 200: ZProductDetail } } },
    async (req) => catalog.detail(req.params.id));
}

/**
 * Uploaded images at /media/… (originals) and /media/thumbs/… . Uploads have unique names and never
 * change, so they are cached for a year; the demo's generated pictures keep their names across
 * seedings, so only for an hour. @fastify/static may be registered several times: this instance
 * does not decorate the reply (the site's static files do).
 */
export function registerMediaFiles(app: App, dir: string) {
  void app.register(fastifyStatic, {
    root: dir,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    setHeaders(res, file) {
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('cache-control', path.basename(file).startsWith('demo-') ? 'public, max-age=3600' : 'public, max-age=31536000, immutable');
    },
  });
}
