import { z } from 'zod';
import {
  ZHotWords, ZOk, ZProductCardPage, ZSearchHistory, ZSearchQuery, ZSearchResult, ZShopProductQuery, ZSuggestions, ZSuggestQuery, ZIdParam,
} from '@koi/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import type { SearchService } from './index.ts';

const shop = { tags: ['shop'] };
const signedIn = { tags: ['shop'], security: [{ bearer: [] }] };
const ZCollectionPageQuery = ZShopProductQuery.pick({ sort: true, page: true, pageSize: true });
/** The device's anonymous id (the same one the behaviour batches carry), so a search joins its other events. */
const ZAnonymousHeader = z.object({ 'x-anonymous-id': z.string().min(8).max(64).optional() });

function searcher(req: FastifyRequest, anonymousId: string | undefined) {
  return { shopperId: req.principal?.kind === 'shopper' ? req.principal.id : null, anonymousId: anonymousId ?? null };
}

export function registerShopSearchRoutes(app: App, search: SearchService) {
  app.get('/api/shop/catalog/products', {
    schema: { ...shop, summary: 'Products on sale, filtered and sorted', querystring: ZShopProductQuery, response: { 200: ZProductCardPage } },
  }, async (req) => {
    const { sort, page, pageSize, inStock, ...filter } = req.query;
    const res = await search.list({ ...filter, inStock: inStock === 'true' }, sort, page, pageSize);
    if (!res) throw new KoiError('resource.not_found', { what: req.lang === 'en' ? 'Collection' : '分组' });
    return res;
  });

  app.get('/api/shop/catalog/collections/:id/products', {
    schema: { ...shop, summary: 'Products on sale in a collection, in its order', params: ZIdParam, querystring: ZCollectionPageQuery, response: { 200: ZProductCardPage } },
  }, async (req) => {
    const res = await search.list({ collectionId: req.params.id }, req.query.sort, req.query.page, req.query.pageSize);
    if (!res) throw new KoiError('resource.not_found', { what: req.lang === 'en' ? 'Collection' : '分组' });
    return res;
  });

  app.get('/api/shop/search', {
    schema: {
      ...shop, summary: 'Search products (Chinese words, pinyin, initials, synonyms) with filters and facets',
      description: 'Records the query in the signed-in shopper\'s history and as a behaviour event (first page only). Send `X-Anonymous-Id` to join it to the device\'s other events.',
      security: [{}, { bearer: [] }], querystring: ZSearchQuery, headers: ZAnonymousHeader, response: { 200: ZSearchResult },
    },
  }, async (req) => search.search(req.query, searcher(req, req.headers['x-anonymous-id'])));

  app.get('/api/shop/search/suggest', {
    schema: { ...shop, summary: 'Suggestions while typing', querystring: ZSuggestQuery, response: { 200: ZSuggestions } },
  }, async (req) => search.suggest(req.query.q));

  app.get('/api/shop/search/hot-words', {
    schema: { ...shop, summary: 'Hot search words', response: { 200: ZHotWords } },
  }, async () => search.settings.hotWords());

  app.get('/api/shop/search/history', {
    schema: { ...signedIn, summary: 'My recent searches (newest first, at most 20)', response: { 200: ZSearchHistory } }, preValidation: requireShopper,
  }, async (req) => search.history(shopperOf(req).id));

  app.delete('/api/shop/search/history', {
    schema: { ...signedIn, summary: 'Clear my search history', response: { 200: ZOk } }, preValidation: requireShopper,
  }, async (req) => {
    await search.clearHistory(shopperOf(req).id);
    return { ok: true as const };
  });
}
