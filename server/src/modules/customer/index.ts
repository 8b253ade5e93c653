import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import { registerBehaviourRoutes } from './behaviour.routes.shop.ts';

export { recordBehaviour, type ServerBehaviour, type BehaviourType, type BehaviourProps } from './record-behaviour.ts';

/**
 * The customer data platform. For now: behaviour events (the shop's batches and the server's own,
 * such as searches), append-only. Profiles, identities and consent come with the CDP issue.
 */
export function createCustomer(deps: { db: Db; limiter: RateLimiter }) {
  return {
    registerRoutes(app: App) {
      registerBehaviourRoutes(app, deps);
    },
  };
}
export type CustomerService = ReturnType<typeof createCustomer>;
