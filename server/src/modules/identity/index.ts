import type { Config } from '../../platform/config.ts';
import type { Db, Q } from '../../platform/db.ts';
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
import { eraseShopper } from './erase-shopper.ts';
import { shopperData } from './shopper-data.ts';
import { shopperLookup } from './shopper-lookup.ts';
import { loginCount, moveShopperLogins } from './customer-merge.ts';
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
    /** Batch look-ups of shoppers by phone or id (coupon issuance to a list). */
    lookup: shopperLookup(db),
    /** PIPL erasure of the account (logins deleted, nickname → pseudonym, sessions revoked), inside the job's transaction. */
    eraseShopper: (q: Q, shopperId: string, pseudonym: string) => eraseShopper(q, sessions, shopperId, pseudonym),
    /** The shopper's own account, logins and devices, unmasked (their data download). */
    shopperData: (shopperId: string) => shopperData(db, shopperId),
    /** Customer merge (customer.merged follower): logins move to the kept account, the old one's sessions end. */
    moveShopper: (q: Q, fromId: string, intoId: string) => moveShopperLogins(q, sessions, fromId, intoId),
    loginCount: (shopperId: string, q?: Q) => db.run((r) => loginCount(r, shopperId), q),
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
