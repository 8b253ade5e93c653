import { z } from 'zod';
import { ZShopPage } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { DecorationPages } from './pages.ts';

export function registerShopDecorationRoutes(app: App, pages: DecorationPages) {
  app.get('/api/shop/pages/:slug', {
    schema: { tags: ['shop'], summary: 'A published page (`home` is the home page), products and names resolved', params: z.object({ slug: z.string().max(40) }), response: { 200: ZShopPage } },
  }, async (req) => pages.shopPage(req.params.slug));
}
