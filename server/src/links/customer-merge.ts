import { CustomerEvents, type TCustomerMergedEvent } from '@koi/contracts';
import type { Db } from '../platform/db.ts';
import type { EventBus } from '../platform/events.ts';
import type { CustomerService, ShopperSignup } from '../modules/customer/index.ts';
import { IdentityEvents, type Identity } from '../modules/identity/index.ts';
import { createOrderCustomerFacts } from '../modules/order/index.ts';
import { createLoyaltyCustomerMerge, type LoyaltyService } from '../modules/loyalty/index.ts';
import { createCouponCustomerFacts } from '../modules/promotion/index.ts';
import { createAfterSaleCustomerMerge } from '../modules/aftersale/index.ts';
import { createReviewCustomerMerge } from '../modules/review/index.ts';
import { createStoreCustomers } from '../modules/fulfilment/index.ts';

/**
 * One customer across modules: a shopper's sign-up creates their customer (joining an imported one
 * with the same phone); `customer.merged` moves what each module owns — orders, points and balance
 * (balanced ledger entries), coupons, sign-in logins, after-sales, reviews, and the customer module's
 * behaviour events, daily counts and consent records — from the merged-away customer to the kept one;
 * the Customer 360 and the merge preview ask each module through these ports.
 */
export function linkCustomerMerge(deps: { db: Db; bus: EventBus; customer: CustomerService; identity: Identity; loyalty: Pick<LoyaltyService, 'config'> }) {
  const { db, bus, customer, identity } = deps;
  const orders = createOrderCustomerFacts(db);
  const loyalty = createLoyaltyCustomerMerge(db, { config: deps.loyalty.config });
  const coupons = createCouponCustomerFacts(db);
  const afterSales = createAfterSaleCustomerMerge(db);
  const reviews = createReviewCustomerMerge(db);

  customer.profiles.bind({
    orderSummary: orders.summaryOf,
    orderCount: orders.countOf,
    loyalty: loyalty.countsOf,
    coupons: coupons.countsOf,
    loginCount: identity.loginCount,
    afterSaleCount: afterSales.countOf,
    reviewCount: reviews.countOf,
    staffName: identity.staffName,
  });

  // 导购 store scope: a store's customers are those fulfilment served there (pickup, local delivery).
  const storeCustomers = createStoreCustomers(db);
  customer.scope.bind((storeId, among) => storeCustomers.of(storeId, among));

  bus.subscribe(IdentityEvents.shopperRegistered, 'customer.shopper-registered', (e, q) => customer.profiles.onShopperRegistered(q, e.payload as ShopperSignup));

  const merged = (e: { payload: unknown }) => e.payload as TCustomerMergedEvent;
  bus.subscribe(CustomerEvents.merged, 'order.customer-merged', (e, q) => orders.moveCustomer(q, merged(e).fromId, merged(e).intoId));
  bus.subscribe(CustomerEvents.merged, 'loyalty.customer-merged', (e, q) => loyalty.moveCustomer(q, merged(e).fromId, merged(e).intoId));
  bus.subscribe(CustomerEvents.merged, 'promotion.customer-merged', (e, q) => coupons.moveCustomer(q, merged(e).fromId, merged(e).intoId));
  bus.subscribe(CustomerEvents.merged, 'identity.customer-merged', (e, q) => identity.moveShopper(q, merged(e).fromId, merged(e).intoId));
  bus.subscribe(CustomerEvents.merged, 'aftersale.customer-merged', (e, q) => afterSales.moveCustomer(q, merged(e).fromId, merged(e).intoId));
  bus.subscribe(CustomerEvents.merged, 'review.customer-merged', (e, q) => reviews.moveCustomer(q, merged(e).fromId, merged(e).intoId));
  bus.subscribe(CustomerEvents.merged, 'customer.customer-merged', (e, q) => customer.mergeFollower.moveCustomer(q, merged(e).fromId, merged(e).intoId));
}
