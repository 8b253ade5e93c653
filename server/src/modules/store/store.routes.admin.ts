import { z } from 'zod';
import { ZStoreProfile, ZStoreProfileInput, ZStoreProfileList } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { assertStoreScope, requireStaff, staffOf } from '../../platform/auth.ts';
import type { StoreProfiles } from './store-profiles.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const ZId = z.object({ id: z.uuid() });

/** The store editor: address, coordinates, hours, pickup and local delivery settings. */
export function registerStoreAdminRoutes(app: App, deps: { profiles: StoreProfiles }) {
  const { profiles } = deps;

  app.get('/api/admin/store-profiles', {
    preValidation: requireStaff('store:view'),
    schema: { ...admin, summary: 'Stores with their pickup and local delivery settings', response: { 200: ZStoreProfileList } },
  }, async (req) => {
    const me = staffOf(req);
    const all = await profiles.list({ fresh: true });
    return { items: me.storeId ? all.filter((s) => s.id === me.storeId) : all };
  });

  app.get('/api/admin/store-profiles/:id', {
    preValidation: requireStaff('store:view'),
    schema: { ...admin, summary: 'One store', params: ZId, response: { 200: ZStoreProfile } },
  }, async (req) => {
    assertStoreScope(staffOf(req), req.params.id);
    return profiles.get(req.params.id);
  });

  app.post('/api/admin/store-profiles', {
    preValidation: requireStaff('store:manage'),
    schema: { ...admin, summary: 'Open a store', body: ZStoreProfileInput, response: { 201: ZStoreProfile } },
  }, async (req, reply) => reply.code(201).send(await profiles.create(req.body)));

  app.put('/api/admin/store-profiles/:id', {
    preValidation: requireStaff('store:manage'),
    schema: { ...admin, summary: 'Edit a store (address, coordinates, hours, pickup, local delivery)', params: ZId, body: ZStoreProfileInput, response: { 200: ZStoreProfile } },
  }, async (req) => {
    assertStoreScope(staffOf(req), req.params.id);
    return profiles.update(req.params.id, req.body);
  });
}
