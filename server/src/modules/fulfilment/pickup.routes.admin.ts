import { z } from 'zod';
import { ZAdminLocalDelivery, ZAdminLocalDeliveryList, ZAdminLocalDeliveryQuery, ZAdminPickup, ZPickupCodeInput } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import type { Pickup } from './pickup-service.ts';
import type { LocalDelivery } from './local-delivery-service.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const ZOrderId = z.object({ orderId: z.uuid() });

/**
 * Store staff: verify pickup codes (only their store's; staff of every store any) and move local
 * deliveries along. `order:manage` is what store managers, operators and owners hold.
 */
export function registerPickupAdminRoutes(app: App, deps: { pickup: Pickup; local: LocalDelivery }) {
  const { pickup, local } = deps;
  const me = (req: Parameters<typeof staffOf>[0]) => {
    const s = staffOf(req);
    return { id: s.id, storeId: s.storeId };
  };

  app.get('/api/admin/pickups', {
    preValidation: requireStaff('order:view'),
    schema: { ...admin, summary: 'Pickup orders of my store (waiting, or recently handed over)', querystring: z.object({ status: z.enum(['ready', 'picked_up']).default('ready') }), response: { 200: z.object({ items: z.array(ZAdminPickup) }) } },
  }, async (req) => ({ items: await pickup.list(me(req), req.query.status) }));

  app.post('/api/admin/pickups/lookup', {
    preValidation: requireStaff('order:manage'),
    schema: { ...admin, summary: 'Find the order waiting with a pickup code (wrong codes are rate-limited per staff)', body: ZPickupCodeInput, response: { 200: ZAdminPickup } },
  }, async (req) => pickup.lookup(me(req), req.body.code));

  app.post('/api/admin/pickups/verify', {
    preValidation: requireStaff('order:manage'),
    schema: { ...admin, summary: 'Verify a pickup code and hand the goods over (completes the order)', body: ZPickupCodeInput, response: { 200: ZAdminPickup } },
  }, async (req) => pickup.verify(me(req), req.body.code));

  app.get('/api/admin/local-deliveries', {
    preValidation: requireStaff('order:view'),
    schema: { ...admin, summary: 'Local deliveries (同城配送) of my store', querystring: ZAdminLocalDeliveryQuery, response: { 200: ZAdminLocalDeliveryList } },
  }, async (req) => ({ items: await local.list(me(req), req.query.status) }));

  app.post('/api/admin/local-deliveries/:orderId/out', {
    preValidation: requireStaff('order:manage'),
    schema: { ...admin, summary: '已出发: a rider took the order (the order ships)', params: ZOrderId, response: { 200: ZAdminLocalDelivery } },
  }, async (req) => local.markOut(me(req), req.params.orderId));

  app.post('/api/admin/local-deliveries/:orderId/delivered', {
    preValidation: requireStaff('order:manage'),
    schema: { ...admin, summary: '已送达: the rider delivered the order', params: ZOrderId, response: { 200: ZAdminLocalDelivery } },
  }, async (req) => local.markDelivered(me(req), req.params.orderId));
}
