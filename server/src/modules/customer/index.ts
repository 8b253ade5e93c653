import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import { registerBehaviourRoutes } from './behaviour.routes.shop.ts';
import { createAddressBook } from './address-book.ts';
import { registerAddressRoutes } from './address.routes.shop.ts';
import { regions } from './regions.ts';
import { registerRegionRoutes } from './regions.routes.shop.ts';

export { recordBehaviour, type ServerBehaviour, type BehaviourType, type BehaviourProps } from './record-behaviour.ts';
export { regions, type Regions, type RegionChain, type RegionEntry } from './regions.ts';
export type { AddressBook, AddressInput, AddressSnapshot } from './address-book.ts';

/**
 * The customer data platform. For now: behaviour events (the shop's batches and the server's own,
 * such as searches), append-only. Profiles, identities and consent come with the CDP issue.
 */
export function createCustomer(deps: { db: Db; limiter: RateLimiter }) {
  /** Shipping addresses; checkout calls `addresses.addressFor` / `addresses.defaultAddress`. */
  const addresses = createAddressBook(deps.db, regions());
  return {
    addresses,
    /** Checkout: the snapshot of one of the shopper's addresses (404 `resource.not_found` if not theirs). */
    addressFor: addresses.addressFor,
    /** Checkout: the snapshot of the shopper's default address, or null. */
    defaultAddress: addresses.defaultAddress,
    /** China's provinces, cities and districts (in memory). */
    regions: regions(),
    registerRoutes(app: App) {
      registerBehaviourRoutes(app, deps);
      registerAddressRoutes(app, addresses);
      registerRegionRoutes(app, regions());
    },
  };
}
export type CustomerService = ReturnType<typeof createCustomer>;
