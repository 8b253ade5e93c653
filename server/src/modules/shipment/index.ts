import { FulfilmentEvents, type TShipRequest, type TShipmentDeliveredEvent } from '@koi/contracts';
import type { EventBus } from '../../platform/events.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { App } from '../../platform/http.ts';
import type { OrderService } from '../order/index.ts';
import { noneWithheld, shipOrder, type WithheldUnits } from './ship-order.ts';
import { createTracking } from './tracking.ts';
import { createShipmentViews } from './shipment-views.ts';
import { createShipImports } from './ship-import.ts';
import { pickList } from './pick-list.ts';
import { kuaidi100Client } from './providers/kuaidi100.ts';
import { kuaidi100Simulator, SIM_ADVANCE_QUEUE } from './providers/kuaidi100.simulator.ts';
import { formWire } from './providers/wire.ts';
import { registerAdminShipmentRoutes } from './shipment.routes.admin.ts';
import { registerShopShipmentRoutes } from './shipment.routes.shop.ts';
import { registerKuaidi100Routes } from './notify.routes.ts';
import './shipment.errors.ts';

export { COURIERS, findCourier } from './couriers.rules.ts';
export { eraseShipmentRecipient } from './erase-customer.ts';

const SUBSCRIBE_QUEUE = 'shipment.subscribe';
const SWEEP_QUEUE = 'shipment.subscribe-sweep';
const AUTO_CONFIRM_QUEUE = 'shipment.auto-confirm';

/** The simulator's account (demo mode, tests); live mode reads KUAIDI100_CUSTOMER / KUAIDI100_KEY. */
const SIM_ACCOUNT = { customer: 'KOIDEMO0000000000000000000000001', key: 'koiDemoKuaidi100Key' };

/**
 * Express shipping and tracking (issue 6): packages of paid orders, Kuaidi100 subscriptions and
 * pushes (or its local simulator), the shopper's timeline, the auto-confirm countdown, batch shipping
 * and pick lists.
 */
export function createShipments(deps: { db: Db; log: Logger; jobs: Jobs; bus: EventBus; config: Config; orders: OrderService }) {
  const { db, log, jobs, config, orders } = deps;
  let app: App | null = null;
  const post = formWire(config.publicUrl, () => app);
  const simulated = config.providers === 'simulator';
  const live = config.shipment.kuaidi100;
  const account = simulated
    ? { ...SIM_ACCOUNT, gateway: `${config.publicUrl}/sim/kuaidi100` }
    : { customer: live.customer ?? '', key: live.key ?? '', gateway: live.gateway };
  if (!simulated && (!live.customer || !live.key)) log.warn('KUAIDI100_CUSTOMER/KUAIDI100_KEY not set: tracking subscriptions will be refused');
  const client = kuaidi100Client(account, post);
  const simulator = simulated ? kuaidi100Simulator({ db, jobs, log, account, post }) : null;
  const tracking = createTracking({ db, log, orders, client, secret: config.secret, publicUrl: config.publicUrl, autoConfirmDays: config.shipment.autoConfirmDays });
  // Refunded units are not shipped; the after-sales service says which (see `useWithheldUnits`).
  const refunds = { withheld: noneWithheld };
  const withheld: WithheldUnits = (orderId, q) => refunds.withheld(orderId, q);
  const views = createShipmentViews({ db, orders, tracking, withheld });
  deps.bus.subscribe(FulfilmentEvents.delivered, 'shipment.countdown-elsewhere', async (event, q) => {
    const p = event.payload as TShipmentDeliveredEvent;
    await tracking.onDeliveredElsewhere(q, p.orderId, p.shipmentId, new Date(p.at));
  });

  // A package is subscribed right after its shipment commits; `subscribed = false` on the package is
  // the durable record, so the every-minute sweep subscribes whatever a crash or a refusal left.
  jobs.define<{ shipmentId: string }>(SUBSCRIBE_QUEUE, { retryLimit: 3, retryDelaySeconds: 60 }, async ({ shipmentId }) => {
    if (!(await tracking.subscribe(shipmentId))) throw new Error(`kuaidi100 subscription of ${shipmentId} refused`);
  });
  const subscribeSoon = (ids: string[]) => {
    for (const shipmentId of ids) {
      jobs.send(SUBSCRIBE_QUEUE, { shipmentId }, { id: shipmentId })
        .catch((err: unknown) => log.debug({ err, shipmentId }, 'could not queue the tracking subscription; the sweep will do it'));
    }
  };
  const imports = createShipImports({ db, jobs, log, orders, withheld, dataDir: config.dataDir, onShipped: subscribeSoon });
  jobs.define(SWEEP_QUEUE, { retryLimit: 1 }, async () => { await service.subscribePending(); });
  jobs.define(AUTO_CONFIRM_QUEUE, { retryLimit: 2, expireInSeconds: 600 }, async () => {
    const n = await tracking.autoConfirmDue();
    if (n) log.info({ completed: n }, 'orders completed by the auto-confirm countdown');
  });

  const service = {
    tracking,
    views,
    imports,
    /** Demo mode and tests only: the simulated Kuaidi100. */
    simulator,

    async ship(orderId: string, req: TShipRequest, staffId: string | null) {
      const out = await shipOrder({ db, orders, withheld }, orderId, req.packages, staffId);
      subscribeSoon(out.shipmentIds);
      return out;
    },
    /** Where units withheld from shipping (refunded before shipping) come from. */
    useWithheldUnits(port: WithheldUnits): void { refunds.withheld = port; },
    pickList: (orderIds: string, lang: 'zh-CN' | 'en') => pickList({ db, orders }, orderIds, lang),

    /** Subscribes every package not subscribed yet; returns how many Kuaidi100 took. */
    async subscribePending(): Promise<number> {
      let n = 0;
      for (const id of await tracking.unsubscribed()) if (await tracking.subscribe(id)) n++;
      return n;
    },

    async schedule(): Promise<void> {
      await jobs.schedule(AUTO_CONFIRM_QUEUE, '*/10 * * * *');
      await jobs.schedule(SWEEP_QUEUE, '* * * * *');
      if (simulator) await jobs.schedule(SIM_ADVANCE_QUEUE, '* * * * *');
    },

    registerRoutes(target: App): void {
      app = target;
      registerAdminShipmentRoutes(target, service);
      registerShopShipmentRoutes(target, service);
      registerKuaidi100Routes(target, { tracking, simulator });
    },
  };
  return service;
}
export type ShipmentService = ReturnType<typeof createShipments>;
