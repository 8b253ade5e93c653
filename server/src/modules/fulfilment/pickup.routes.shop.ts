import { z } from 'zod';
import QRCode from 'qrcode';
import { ZShopPickup } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import type { StoreProfiles } from '../store/index.ts';
import type { Pickup } from './pickup-service.ts';

const shop = { tags: ['shop'], security: [{ bearer: [] }] };

/** The shopper's pickup code and its QR image (PNG data URL: shows alike in H5 and the mini-program). */
export function registerPickupShopRoutes(app: App, deps: { pickup: Pickup; profiles: StoreProfiles }) {
  app.get('/api/shop/orders/:id/pickup', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'The pickup code of my paid pickup order', params: z.object({ id: z.uuid() }), response: { 200: ZShopPickup } },
  }, async (req) => {
    const row = await deps.pickup.ofOrder(req.params.id, shopperOf(req).id);
    if (!row) throw new KoiError('resource.not_found', { what: 'pickup' });
    const store = await deps.profiles.get(row.storeId).catch(() => null);
    return {
      orderId: row.orderId, status: row.status, code: row.code,
      qrDataUrl: await QRCode.toDataURL(row.code, { errorCorrectionLevel: 'M', margin: 1, width: 240 }),
      storeName: row.storeName, storeAddress: store?.address ?? '', storePhone: store?.phone ?? '', hours: store?.hours ?? [],
      readyAt: row.readyAt.toISOString(), pickedUpAt: row.pickedUpAt?.toISOString() ?? null,
    };
  });
}
