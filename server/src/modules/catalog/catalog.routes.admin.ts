import {
  ZAdminProductQuery, ZBatchPriceRequest, ZBatchResult, ZBatchStatusRequest, ZCategory, ZCategoryInput, ZCategoryTree, ZCollection,
  ZCategoryPatch, ZCollectionInput, ZCollectionList, ZIdParam, ZOk, ZProduct, ZProductInput, ZProductRowList,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff } from '../../platform/auth.ts';
import type { Catalog } from './index.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const view = requireStaff('product:view');
const manage = requireStaff('product:manage');

/** The operator's catalog: categories, products, batch operations, collections. */
export function registerAdminCatalogRoutes(app: App, catalog: Catalog) {
  const { categories, products, collections } = catalog;

  app.get('/api/admin/catalog/categories', { schema: { ...admin, summary: 'Category tree (counts all products)', response: { 200: ZCategoryTree } }, preValidation: view },
    async () => ({ items: await categories.adminTree() }));
  app.post('/api/admin/catalog/categories', { schema: { ...admin, summary: 'Create a category', body: ZCategoryInput, response: { 200: ZCategory } }, preValidation: manage },
    async (req) => categories.create(req.body));
  app.patch('/api/admin/catalog/categories/:id', {
    schema: { ...admin, summary: 'Change a category (renaming republishes its products)', params: ZIdParam, body: ZCategoryPatch, response: { 200: ZCategory } },
    preValidation: manage,
  }, async (req) => categories.update(req.params.id, req.body));
  app.delete('/api/admin/catalog/categories/:id', { schema: { ...admin, summary: 'Delete an empty category', params: ZIdParam, response: { 200: ZOk } }, preValidation: manage },
    async (req) => {
      await categories.remove(req.params.id);
      return { ok: true as const };
    });

  app.get('/api/admin/catalog/products', { schema: { ...admin, summary: 'Product list', querystring: ZAdminProductQuery, response: { 200: ZProductRowList } }, preValidation: view },
    async (req) => catalog.list(req.query, req.query.page, req.query.pageSize));
  app.get('/api/admin/catalog/products/:id', { schema: { ...admin, summary: 'A product with its SKUs', params: ZIdParam, response: { 200: ZProduct } }, preValidation: view },
    async (req) => products.get(req.params.id));
  app.post('/api/admin/catalog/products', { schema: { ...admin, summary: 'Create a product', body: ZProductInput, response: { 200: ZProduct } }, preValidation: manage },
    async (req) => products.create(req.body));
  app.put('/api/admin/catalog/products/:id', {
    schema: { ...admin, summary: 'Replace a product (SKUs matched by code; missing codes are removed)', params: ZIdParam, body: ZProductInput, response: { 200: ZProduct } },
    preValidation: manage,
  }, async (req) => products.update(req.params.id, req.body));
  app.delete('/api/admin/catalog/products/:id', { schema: { ...admin, summary: 'Remove a product', params: ZIdParam, response: { 200: ZOk } }, preValidation: manage },
    async (req) => {
      await products.remove(req.params.id);
      return { ok: true as const };
    });
  app.post('/api/admin/catalog/products/batch-status', { schema: { ...admin, summary: 'Put products on or off sale', body: ZBatchStatusRequest, response: { 200: ZBatchResult } }, preValidation: manage },
    async (req) => ({ updated: await products.batchStatus(req.body.ids, req.body.status) }));
  app.post('/api/admin/catalog/products/batch-price', { schema: { ...admin, summary: 'Change the prices of products', body: ZBatchPriceRequest, response: { 200: ZBatchResult } }, preValidation: manage },
    async (req) => ({ updated: await products.batchPrice(req.body) }));

  app.get('/api/admin/catalog/collections', { schema: { ...admin, summary: 'Collections (分组)', response: { 200: ZCollectionList } }, preValidation: view },
    async () => ({ items: await collections.list() }));
  app.post('/api/admin/catalog/collections', { schema: { ...admin, summary: 'Create a collection', body: ZCollectionInput, response: { 200: ZCollection } }, preValidation: manage },
    async (req) => collections.create(req.body));
  app.put('/api/admin/catalog/collections/:id', { schema: { ...admin, summary: 'Replace a collection', params: ZIdParam, body: ZCollectionInput, response: { 200: ZCollection } }, preValidation: manage },
    async (req) => collections.update(req.params.id, req.body));
  app.delete('/api/admin/catalog/collections/:id', { schema: { ...admin, summary: 'Delete a collection', params: ZIdParam, response: { 200: ZOk } }, preValidation: manage },
    async (req) => {
      await collections.remove(req.params.id);
      return { ok: true as const };
    });
}
