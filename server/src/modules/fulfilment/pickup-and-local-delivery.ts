import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { StoreProfiles } from '../store/index.ts';
import { createDeliveryOffers } from './local-delivery-offers.ts';
import { createLocalDelivery } from './local-delivery-service.ts';
import { createPickup } from './pickup-service.ts';
import type { FulfilmentOrders } from './pickup-orders.port.ts';
import { registerPickupAdminRoutes } from './pickup.routes.admin.ts';
import { registerPickupShopRoutes } from './pickup.routes.shop.ts';

/**
 * Store pickup (到店自提) and local delivery (同城配送), issue 6 point 3: what checkout may offer
 * (`offers`), the pickup codes and handover, the local delivery list. Built after the order module
 * because handing over moves the order (`orders`, bound in links/order-delivery.ts).
 */
export function createPickupAndLocalDelivery(deps: { db: Db; profiles: StoreProfiles; orders: FulfilmentOrders; staffName: (id: string) => Promise<string> }) {
  const offers = createDeliveryOffers(deps.profiles);
  const pickup = createPickup({ db: deps.db, orders: deps.orders, staffName: deps.staffName });
  const local = createLocalDelivery({ db: deps.db, orders: deps.orders });
  return {
    offers,
    pickup,
    local,
    registerRoutes(app: App): void {
      registerPickupAdminRoutes(app, { pickup, local });
      registerPickupShopRoutes(app, { pickup, profiles: deps.profiles });
    },
  };
}
export type PickupAndLocalDelivery = ReturnType<typeof createPickupAndLocalDelivery>;
