import { ZShopProfile, ZShopProfileUpdate } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';
import type { ShopProfiles } from './shop-profile.ts';

const signedIn = { tags: ['shop'], security: [{ bearer: [] }] };

/** 我的资料: the shopper reads and edits their own name, gender, birthday and region. */
export function registerShopProfileRoutes(app: App, profiles: ShopProfiles) {
  const guard = { preValidation: requireShopper };
  app.get('/api/shop/me/profile', { schema: { ...signedIn, summary: 'My profile', response: { 200: ZShopProfile } }, ...guard },
    async (req) => profiles.get(shopperOf(req).id));
  app.put('/api/shop/me/profile', { schema: { ...signedIn, summary: 'Edit my profile', body: ZShopProfileUpdate, response: { 200: ZShopProfile } }, ...guard },
    async (req) => profiles.update(shopperOf(req).id, req.body));
}
