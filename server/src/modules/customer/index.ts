import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import { registerBehaviourRoutes } from './behaviour.routes.shop.ts';
import { createPrivacy } from './privacy.ts';
import { createAddressBook } from './address-book.ts';
import { registerAddressRoutes } from './address.routes.shop.ts';
import { regions } from './regions.ts';
import { registerRegionRoutes } from './regions.routes.shop.ts';
import { resolveCustomers, type ResolveItem, type ResolveOptions } from './identity-resolve.ts';
import type { Q } from '../../platform/db.ts';
import { createProfiles } from './profiles.ts';
import { birthdaysOn } from './birthdays.ts';
import { namesOf } from './profile-names.ts';
import { createCustomerMergeFollower } from './customer-merge.ts';
import { customerScope } from './store-scope.ts';

export { recordBehaviour, type ServerBehaviour, type BehaviourType, type BehaviourProps } from './record-behaviour.ts';
export { regions, type Regions, type RegionChain, type RegionEntry } from './regions.ts';
export { behaviourCountsSql, behaviourEventsOfSql } from './behaviour-facts.ts';
export type { ResolveItem, ResolveResult } from './identity-resolve.ts';
export type { Profiles } from './profiles.ts';
export type { CustomerPorts } from './profile-ports.ts';
export type { ShopperSignup } from './shopper-signup.ts';
export type { AddressBook, AddressInput, AddressSnapshot } from './address-book.ts';
export type { PrivacyService, PrivacyBinding } from './privacy.ts';
export type { CustomerEraser } from './erase.ts';
export type { CustomerDataSource } from './data-export.ts';

/**
 * The customer data platform: one profile per person with all their identities (resolve, merge),
 * addresses, behaviour events (append-only), and PIPL consents, data download and erasure.
 */
export function createCustomer(deps: { db: Db; limiter: RateLimiter }) {
  /** Store scope of the staff pages (导购): bound to fulfilment's store customers in links/customer-merge.ts. */
  const scope = customerScope(deps.db);
  /** Shipping addresses; checkout calls `addresses.addressFor` / `addresses.defaultAddress`. */
  const addresses = createAddressBook(deps.db, regions());
  /** PIPL consents, data download, deletion + erasure, behaviour timeline (bound in links/customer-privacy.ts). */
  const privacy = createPrivacy({ ...deps, scope });
  /** Profiles, identities, merges, the Customer 360 and 我的资料 (ports bound in links/customer-merge.ts). */
  /** The module's own follower of `customer.merged`: behaviour events, daily counts, consents (subscribed in links/customer-merge.ts). */
  const mergeFollower = createCustomerMergeFollower(deps.db, { consents: privacy.consents });
  const profiles = createProfiles(deps.db, { addresses, regions: regions(), follower: mergeFollower, scope });
  return {
    profiles,
    addresses,
    mergeFollower,
    scope,
    privacy,
    /** Checkout: the snapshot of one of the shopper's addresses (404 `resource.not_found` if not theirs). */
    addressFor: addresses.addressFor,
    /** Checkout: the snapshot of the shopper's default address, or null. */
    defaultAddress: addresses.defaultAddress,
    /** China's provinces, cities and districts (in memory). */
    regions: regions(),
    /**
     * Finds or creates the customer of each item (≤ 1,000 per call) by its strong identities; a masked
     * phone is kept but never matched on. One `customer.profiles_changed` per call (`deferTags`: the
     * caller recomputes the customers' tags itself, e.g. an import's closing pass).
     */
    resolveCustomers: (items: ResolveItem[], q?: Q, opts?: ResolveOptions) => resolveCustomers(deps.db, items, q, opts),
    /** The birthday reward: live customers born on 'MM-DD', by id after `after`. */
    /** Display names (else masked phones) by customer id, for segment samples and exports. */
    namesOf: (ids: readonly string[], q?: Q) => namesOf(deps.db, ids, q),
    birthdaysOn: (monthDay: string, after: string | null, limit: number) => birthdaysOn(deps.db, monthDay, after, limit),
    registerRoutes(app: App) {
      registerBehaviourRoutes(app, deps);
      privacy.registerRoutes(app);
      profiles.registerRoutes(app);
      registerAddressRoutes(app, addresses);
      registerRegionRoutes(app, regions());
    },
  };
}
export type CustomerService = ReturnType<typeof createCustomer>;
