import type { Db, Q } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { TMergeResult } from '@koi/contracts';
import { portsHolder, type CustomerPorts } from './profile-ports.ts';
import { mergeCustomers, type MergeInput } from './merge-customers.ts';
import { onShopperRegistered, type ShopperSignup } from './shopper-signup.ts';
import { backfillProfiles, type ShopperAccounts } from './profile-backfill.ts';
import { shopProfiles } from './shop-profile.ts';
import { registerCustomerAdminRoutes } from './customer.routes.admin.ts';
import { registerShopProfileRoutes } from './profile.routes.shop.ts';
import { profileFacts } from './profile-facts.ts';
import type { AddressBook } from './address-book.ts';
import type { Regions } from './regions.ts';
import type { CustomerMergeFollower } from './customer-merge.ts';
import type { CustomerScope } from './store-scope.ts';

/**
 * Profiles and identities (one customer): the staff list and Customer 360 with masked fields and
 * logged reveals, manual merges, the shopper's own profile. Other modules answer through `bind`
 * (links/customer-merge.ts), which also subscribes the followers of `customer.merged`.
 */
export function createProfiles(db: Db, deps: { addresses: AddressBook; regions: Regions; follower: CustomerMergeFollower; scope: CustomerScope }) {
  const ports = portsHolder();
  const shop = shopProfiles(db, deps.regions);
  return {
    bind: (p: CustomerPorts) => ports.bind(p),
    /** Staff merge (audited; publishes `customer.merged`). */
    merge: (input: MergeInput): Promise<TMergeResult> => mergeCustomers(db, input),
    /** `identity.shopper_registered` handler: the shopper's customer, joined with an imported one holding their phone. */
    onShopperRegistered: (q: Q, e: ShopperSignup) => onShopperRegistered(db, q, e),
    /** Profiles for shoppers who signed up before profiles existed (run at worker start). */
    backfill: (shoppers: ShopperAccounts) => backfillProfiles(db, shoppers),
    /** The profile facts of live customers (what `customer.profiles_changed` carries). */
    facts: (ids: string[], q?: Q) => db.run((r) => profileFacts(r, ids), q),
    shop,
    registerRoutes(app: App) {
      registerCustomerAdminRoutes(app, { db, regions: deps.regions, addresses: deps.addresses, ports, follower: deps.follower, scope: deps.scope });
      registerShopProfileRoutes(app, shop);
    },
  };
}
export type Profiles = ReturnType<typeof createProfiles>;
