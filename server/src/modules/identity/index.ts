import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { App } from '../../platform/http.ts';
import type { MessagingService } from '../messaging/index.ts';
import type { StoreService } from '../store/index.ts';
import { fetchTransport } from '../messaging/providers/http-transport.ts';
import { shopperAuth } from './shopper-auth.ts';
import { staffAccountsService } from './staff-accounts.ts';
import { createSessions } from './sessions.ts';
import { SessionCache } from './session-cache.ts';
import { wechatAuth, WECHAT_API } from './providers/wechat-auth.ts';
import { wechatAuthSimulator } from './providers/wechat-auth.simulator.ts';
import { registerShopIdentityRoutes } from './identity.routes.shop.ts';
import { registerAdminIdentityRoutes } from './identity.routes.admin.ts';
import { registerWechatSimRoutes } from './wechat-sim.routes.ts';
import { shopperContacts } from './shopper-contacts.ts';
import './identity.errors.ts';

export { IdentityEvents, type ShopperRegistered } from './shopper-auth.ts';

type Deps = { db: Db; config: Config; log: Logger; limiter: RateLimiter; messaging: MessagingService; stores: StoreService };

/** Accounts and sign-in: shoppers (phone + code, WeChat), staff (email + password), sessions, roles. */
export function createIdentity(deps: Deps) {
  const { db, config } = deps;
  const apps = config.wechat;
  const sim = config.providers === 'simulator' ? wechatAuthSimulator(db, apps, config.secret) : null;
  const wechat = sim ? wechatAuth(apps, sim.transport, { api: WECHAT_API, open: '/sim/wechat' }) : wechatAuth(apps, fetchTransport);
  // In-memory session cache only where one process owns the database (see SessionCache).
  const sessions = createSessions(db, db.kind === 'pglite' ? new SessionCache() : null);
  const shoppers = shopperAuth({ ...deps, wechat });
  const staff = staffAccountsService({ ...deps, sessions });

  return {
    resolver: sessions.resolver,
    shoppers,
    staff,
    wechatSimulator: sim,
    /** The shopper's sign-in phone and mini-program openid (for order contact and WeChat Pay JSAPI). */
    contactsOf: (shopperId: string) => shopperContacts(db, shopperId, apps.mpAppId),
    /** A staff member's display name (audit records keep it). */
    staffName: async (staffId: string) => (await staff.me(staffId)).name,
    registerRoutes(app: App) {
      registerShopIdentityRoutes(app, { db, sessions, auth: shoppers, wechat, publicUrl: config.publicUrl });
      registerAdminIdentityRoutes(app, { db, sessions, staff, stores: deps.stores });
      if (sim) registerWechatSimRoutes(app, sim, apps, config.aliyunSms.signName);
    },
  };
}
export type Identity = ReturnType<typeof createIdentity>;
