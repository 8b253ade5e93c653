import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import type { EventBus } from '../platform/events.ts';
import type { Jobs } from '../platform/jobs.ts';
import type { CustomerService } from '../modules/customer/index.ts';
import { IdentityEvents, type Identity, type ShopperRegistered } from '../modules/identity/index.ts';
import { eraseMessagingCustomer, messagingCustomerData, type Notifications } from '../modules/messaging/index.ts';
import { eraseOrderCustomer, orderCustomerData } from '../modules/order/index.ts';
import { loyaltyCustomerData } from '../modules/loyalty/index.ts';
import { couponCustomerData } from '../modules/promotion/index.ts';
import { eraseReviewAuthor, reviewCustomerData } from '../modules/review/index.ts';
import { eraseShipmentRecipient } from '../modules/shipment/index.ts';
import { eraseLocalDeliveryRecipient } from '../modules/fulfilment/index.ts';

type Deps = { db: Db; config: Config; bus: EventBus; jobs: Jobs; customer: CustomerService; identity: Identity; notifications: Notifications };

/**
 * PIPL across modules (issue 7 §7), declared in one place:
 * - consent at sign-up: identity's registration event carries what the shopper agreed to;
 * - marketing consent has one truth, the customer module's records: messaging's switches read and
 *   write it through a port (its own table keeps transactional switches only);
 * - the data download gathers each module's part through that module's index;
 * - the erasure job calls each module's eraser in one transaction (the job's way, not `customer.erased`
 *   subscribers, so every step is in the audit trail before the request is marked completed;
 *   `customer.erased` then tells the modules that only keep copies — audience — to drop theirs).
 */
export function linkCustomerPrivacy(deps: Deps): void {
  const { db, customer, identity, notifications } = deps;
  const { privacy } = customer;

  privacy.bind({
    secret: deps.config.secret,
    coolingOffDays: deps.config.privacyCoolingOffDays,
    jobs: deps.jobs,
    sources: [
      { section: 'account', read: (id) => identity.shopperData(id) },
      { section: 'orders', read: (id) => orderCustomerData(db, id) },
      { section: 'loyalty', read: (id) => loyaltyCustomerData(db, id) },
      { section: 'coupons', read: (id) => couponCustomerData(db, id) },
      { section: 'reviews', read: (id) => reviewCustomerData(db, id) },
      { section: 'messages', read: async (id) => ({ switches: await notifications.preferences.switches(id), sent: await messagingCustomerData(db, id) }) },
    ],
    erasers: [
      { module: 'identity', erase: (q, id, pseudonym) => identity.eraseShopper(q, id, pseudonym) },
      { module: 'order', erase: eraseOrderCustomer },
      { module: 'shipment', erase: eraseShipmentRecipient },
      { module: 'fulfilment', erase: eraseLocalDeliveryRecipient },
      { module: 'review', erase: eraseReviewAuthor },
      { module: 'messaging', erase: (q, id) => eraseMessagingCustomer(q, id) },
    ],
  });

  notifications.preferences.useMarketingConsent({
    async read(customerId, q) {
      const s = await privacy.consents.state(customerId, q);
      return { sms: s.marketing.sms, wechat: s.marketing.wechat };
    },
    async write(q, customerId, channel, granted, source) {
      await privacy.consents.change(customerId, channel === 'sms' ? 'marketing_sms' : 'marketing_wechat', granted, { capturedVia: source }, q);
    },
  });

  deps.bus.subscribe(IdentityEvents.shopperRegistered, 'customer.privacy.signup-consent', async (event, q) => {
    const p = event.payload as ShopperRegistered;
    if (p.consent) await privacy.consents.captureSignup(q, p.shopperId, p.consent, { ip: p.consent.ip, userAgent: p.consent.userAgent });
  });
}
