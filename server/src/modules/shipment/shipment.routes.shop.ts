import { z } from 'zod';
import { ZShopTracking } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';
import { pickLang } from '../../platform/errors.ts';
import type { ShipmentService } from './index.ts';

const shop = { tags: ['shop'], security: [{ bearer: [] }] };

export function registerShopShipmentRoutes(app: App, s: ShipmentService) {
  app.get('/api/shop/orders/:id/tracking', {
    preValidation: requireShopper,
    schema: { ...shop, summary: "The packages of the shopper's own order with their tracking timelines", params: z.object({ id: z.string().min(1).max(64) }), response: { 200: ZShopTracking } },
  }, async (req) => s.views.shopTracking(req.params.id, shopperOf(req).id, pickLang(req.headers['accept-language'])));
}
