import type { Config } from './platform/config.ts';
import { openDb, type Db } from './platform/db.ts';
import { migrate } from './platform/migrate.ts';
import { createLogger, type Logger } from './platform/log.ts';
import { createHttp, type App } from './platform/http.ts';
import { registerAuth } from './platform/auth.ts';
import { registerIdempotencyStore, pruneIdempotencyKeys } from './platform/idempotency.ts';
import { dbRateLimiter, redisRateLimiter, pruneRateLimits } from './platform/rate-limit.ts';
import { openRedis, type Redis } from './platform/redis.ts';
import { EventBus } from './platform/events.ts';
import { Jobs } from './platform/jobs.ts';
import { registerPlatformRoutes } from './platform/platform.routes.ts';
import { createMessaging, createNotifications } from './modules/messaging/index.ts';
import { linkOrderNotifications } from './links/order-notifications.ts';
import { linkPointsNotifications } from './links/points-notifications.ts';
import { registerDevSmsRoutes } from './modules/messaging/dev-sms.routes.ts';
import { createStoreService } from './modules/store/index.ts';
import { createIdentity } from './modules/identity/index.ts';
import { createInventory } from './modules/inventory/index.ts';
import { createCatalog } from './modules/catalog/index.ts';
import { createSearch } from './modules/search/index.ts';
import { createDecoration } from './modules/decoration/index.ts';
import { createCustomer } from './modules/customer/index.ts';
import { createAudience } from './modules/audience/index.ts';
import { createCustomerImport } from './modules/customer-import/index.ts';
import { createCart } from './modules/cart/index.ts';
import { createOrders } from './modules/order/index.ts';
import { orderPricing } from './links/order-pricing.ts';
import { orderPorts } from './links/order-ports.ts';
import { linkOrderEvents } from './links/order-events.ts';
import { linkOrderDelivery } from './links/order-delivery.ts';
import { createPayment } from './modules/payment/index.ts';
import { createPromotion } from './modules/promotion/index.ts';
import { registerPromotionDryRun } from './modules/promotion/dry-run.routes.admin.ts';
import { registerProductCouponRoutes } from './modules/promotion/coupon-for-product.ts';
import { linkCouponIssuance } from './links/coupon-issuance.ts';
import { createFulfilment } from './modules/fulfilment/index.ts';
import { createReviews } from './modules/review/index.ts';
import { createLoyalty } from './modules/loyalty/index.ts';
import { createPointsMall } from './modules/points-mall/index.ts';
import { createAfterSales } from './modules/aftersale/index.ts';
import { createShipments } from './modules/shipment/index.ts';
import { linkCustomerMerge } from './links/customer-merge.ts';
import { linkCustomerPrivacy } from './links/customer-privacy.ts';
import { linkCustomerBehaviour } from './links/customer-behaviour.ts';

export const VERSION = '0.1.0';

export type Koi = {
  config: Config;
  db: Db;
  log: Logger;
  redis: Redis | null;
  app: App;
  jobs: Jobs;
  bus: EventBus;
  identity: ReturnType<typeof createIdentity>;
  stores: ReturnType<typeof createStoreService>;
  messaging: ReturnType<typeof createMessaging>;
  notifications: ReturnType<typeof createNotifications>;
  inventory: ReturnType<typeof createInventory>;
  catalog: ReturnType<typeof createCatalog>;
  search: ReturnType<typeof createSearch>;
  decoration: Awaited<ReturnType<typeof createDecoration>>;
  customer: ReturnType<typeof createCustomer>;
  audience: ReturnType<typeof createAudience>;
  customerImport: ReturnType<typeof createCustomerImport>;
  cart: ReturnType<typeof createCart>;
  orders: ReturnType<typeof createOrders>;
  payment: ReturnType<typeof createPayment>;
  promotion: ReturnType<typeof createPromotion>;
  fulfilment: ReturnType<typeof createFulfilment>;
  reviews: ReturnType<typeof createReviews>;
  loyalty: ReturnType<typeof createLoyalty>;
  pointsMall: ReturnType<typeof createPointsMall>;
  aftersales: ReturnType<typeof createAfterSales>;
  shipments: ReturnType<typeof createShipments>;
  /** Starts the outbox dispatcher and job workers (per KOI_ROLE). */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
};

export type BuildOptions = {
  /** An already open database (tests share one); otherwise opened from config. */
  db?: Db;
  /** In-memory PGlite instead of KOI_DATA_DIR (tests). */
  memory?: boolean;
  logger?: Logger;
  /** Extra route registration before the app is sealed (tests, static front ends). */
  extend?: (koi: Omit<Koi, 'startWorkers' | 'close'>) => void | Promise<void>;
};

/** Wires config → database → modules → HTTP. Does not listen and does not start workers. */
export async function buildKoi(config: Config, opts: BuildOptions = {}): Promise<Koi> {
  const log = opts.logger ?? createLogger(config.logLevel);
  const db = opts.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, memory: opts.memory }));
  await migrate(db);
  const redis = await openRedis(config.redisUrl);
  const limiter = redis ? redisRateLimiter(redis, config.redisPrefix) : dbRateLimiter(db);
  const jobs = new Jobs(db, log, config.databaseUrl);
  const bus = new EventBus(db, log, jobs);

  const messaging = createMessaging({ db, config });
  const stores = createStoreService(db);
  const identity = createIdentity({ db, config, log, limiter, messaging, stores });
  const inventory = createInventory(db);
  const catalog = createCatalog({ db, config, log, jobs, bus, inventory });
  const customer = createCustomer({ db, limiter });
  const audience = createAudience({ db, bus, catalog, jobs, log, staffName: identity.staffName });
  const payment = createPayment({ db, config, log, jobs });
  const promotion = createPromotion({ db, limiter, jobs, log });
  const fulfilment = createFulfilment({ db });
  // Cart and order need each other (purchase limits ↔ checkout from the cart): the cart asks late.
  const loyalty = createLoyalty({ db, log, jobs, bus, payment, identity, customer, publicUrl: config.publicUrl });
  const pricing = orderPricing(promotion, loyalty, { hasOrdered: (c) => orders!.hasOrdered(c), giftStock: async (ids) => new Map([...(await inventory.levels(ids))].map(([id, l]) => [id, l.available])) });
  let orders: ReturnType<typeof createOrders> | null = null;
  const cart = createCart({ db, catalog, price: pricing.cartPrice, purchased: (c, p, q) => orders!.purchased(c, p, q) });
  orders = createOrders({
    db, log, jobs, bus, catalog, inventory, cart, payMinutes: config.orderPayMinutes, publicUrl: config.publicUrl,
    staffName: identity.staffName,
  });
  const delivery = linkOrderDelivery({ db, bus, orders, stores, staffName: identity.staffName });
  orders.bind({ ...orderPorts({ pricing: pricing.port, promotion, customer, fulfilment, payment, identity, loyalty }), delivery: delivery.offers });
  linkOrderEvents(bus, { orders, payment, catalog });
  const notifications = createNotifications({ db, config, log, jobs, messaging, contacts: identity.contactsOf });
  linkOrderNotifications(bus, notifications);
  linkPointsNotifications(bus, notifications);
  linkCustomerMerge({ db, bus, customer, identity, loyalty });
  linkCustomerPrivacy({ db, config, bus, jobs, customer, identity, notifications });
  linkCustomerBehaviour(bus);
  linkCouponIssuance(bus, { promotion, identity, audience, customer });
  audience.useCustomerNames((ids) => customer.namesOf(ids));
  const customerImport = createCustomerImport({ db, log, jobs, bus, dataDir: config.dataDir, ports: {
    resolveCustomers: customer.resolveCustomers, recordOrderFacts: audience.recordOrderFacts, recomputeTagsFor: (pages) => audience.recomputeTagsForPages(pages),
    refreshProfileFacts: async (ids) => audience.copyProfileFacts(await customer.profiles.facts([...ids])),
    regionChildren: (p) => customer.regions.children(p) } });
  const search = createSearch({ db, bus, log });
  const decoration = await createDecoration({ db, search });

  const app = await createHttp(log, { trustProxy: config.trustProxy });
  registerAuth(app, identity.resolver);
  registerIdempotencyStore(app, db);
  registerPlatformRoutes(app, { db, redis, jobs, bus, version: VERSION });
  identity.registerRoutes(app);
  registerDevSmsRoutes(app, messaging);
  notifications.registerRoutes(app);
  catalog.registerRoutes(app);
  for (const m of [customer, search, decoration]) m.registerRoutes(app);
  audience.registerRoutes(app);
  customerImport.registerRoutes(app);
  payment.registerRoutes(app);
  promotion.registerRoutes(app);
  fulfilment.registerRoutes(app);
  stores.registerRoutes(app);
  delivery.registerRoutes(app);
  cart.registerRoutes(app);
  orders.registerRoutes(app);
  registerPromotionDryRun(app, { promotion, orders, catalog, carts: cart });
  registerProductCouponRoutes(app, { promotion, catalog });
  const reviews = createReviews({ db, limiter, catalog, orders, identity });
  reviews.registerRoutes(app);
  catalog.useReviewSummary(async (productId) => {
    const s = await reviews.queries.summary(productId);
    return { count: s.total, goodRate: s.goodRatePercent === null ? null : s.goodRatePercent / 100 };
  });
  loyalty.registerRoutes(app);
  const pointsMall = createPointsMall({ db, loyalty, promotion, catalog, identity, orders });
  pointsMall.registerRoutes(app);
  const aftersales = createAfterSales({ db, log, jobs, bus, catalog, orders, payment, inventory, promotion, wallet: loyalty.wallet });
  aftersales.registerRoutes(app);
  const shipments = createShipments({ db, log, jobs, bus, config, orders });
  shipments.useWithheldUnits((orderId, q) => aftersales.withheldUnits(orderId, q));
  shipments.registerRoutes(app);

  jobs.define('platform.prune', { retryLimit: 3 }, async () => {
    await pruneIdempotencyKeys(db);
    await pruneRateLimits(db);
  });

  const koi = { config, db, log, redis, app, jobs, bus, identity, stores, messaging, notifications, inventory, catalog, search, decoration, customer, audience, customerImport, fulfilment, promotion, payment, cart, orders, reviews, loyalty, pointsMall, aftersales, shipments };
  await opts.extend?.(koi);
  await app.ready();

  let workersStarted = false;
  return {
    ...koi,
    async startWorkers() {
      const work = config.role !== 'http';
      await jobs.start({ work });
      workersStarted = true;
      if (work) {
        await jobs.schedule('platform.prune', '17 4 * * *');
        await catalog.schedule();
        await payment.schedule();
        await orders.schedule();
        await notifications.schedule();
        await loyalty.schedule();
        await promotion.schedule();
        await aftersales.schedule();
        await shipments.schedule();
        await audience.schedule();
        await customer.privacy.schedule();
        bus.start();
        // An upgraded install: shoppers from before customer profiles get theirs (idempotent, cheap when done).
        customer.profiles.backfill(identity.lookup).then(
          (n) => { if (n) log.info({ profiles: n }, 'customer profiles backfilled'); },
          (err: unknown) => log.error({ err }, 'customer profile backfill failed'));
      }
    },
    async close() {
      await app.close();
      await bus.stop();
      if (workersStarted) await jobs.stop();
      redis?.disconnect();
      if (!opts.db) await db.close();
    },
  };
}
