import { and, desc, eq } from 'drizzle-orm';
import { FulfilmentEvents, type TAdminLocalDelivery, type TDeliverySlot, type TShipmentDeliveredEvent, type TShipmentShippedEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import { localDeliveries } from './local-delivery.tables.ts';
import type { FulfilmentOrders } from './pickup-orders.port.ts';
import type { PickupStaff } from './pickup-service.ts';
import './pickup.errors.ts';

type Row = typeof localDeliveries.$inferSelect;

function adminView(r: Row): TAdminLocalDelivery {
  return {
    orderId: r.orderId, orderNo: r.orderNo, status: r.status, storeId: r.storeId, storeName: r.storeName, slot: r.slot,
    distanceMetres: r.distanceMetres, recipient: r.recipient, addressText: r.addressText, createdAt: r.createdAt.toISOString(),
    outAt: r.outAt?.toISOString() ?? null, deliveredAt: r.deliveredAt?.toISOString() ?? null,
  };
}

/**
 * Local delivery (同城配送) after payment, kept simple: the store sees the paid orders with their
 * slot, marks 已出发 (the order ships; `shipment.shipped` with method local_delivery) and 已送达
 * (`shipment.delivered`, which starts the auto-confirm countdown of the shipment work).
 */
export function createLocalDelivery(deps: { db: Db; orders: FulfilmentOrders }) {
  const { db, orders } = deps;

  /** One conditional move of the staff's own store's delivery; 404 outside the scope, 409 in the wrong state. */
  async function move(q: Q, staff: PickupStaff, orderId: string, from: Row['status'], to: Row['status'], at: Partial<Row>): Promise<Row> {
    const scope = and(eq(localDeliveries.orderId, orderId), staff.storeId ? eq(localDeliveries.storeId, staff.storeId) : undefined);
    const [row] = await q.update(localDeliveries).set({ status: to, ...at }).where(and(scope, eq(localDeliveries.status, from))).returning();
    if (row) return row;
    const [exists] = await q.select({ id: localDeliveries.id }).from(localDeliveries).where(scope);
    throw exists ? new KoiError('local_delivery.wrong_status') : new KoiError('resource.not_found', { what: 'local_delivery' });
  }

  return {
    /** A paid local-delivery order joins its store's list (inside the `order.paid` handler). Idempotent. */
    async open(q: Q, o: { orderId: string; orderNo: string; customerId: string; storeId: string; storeName: string; slot: TDeliverySlot; distanceMetres: number; recipient: string | null; addressText: string | null }): Promise<void> {
      await q.insert(localDeliveries).values({ id: newId(), ...o, status: 'waiting', createdAt: clock.now() }).onConflictDoNothing({ target: localDeliveries.orderId });
    },

    /** The order was refunded in full before the rider left: off the store's list. Idempotent. */
    async cancel(q: Q, orderId: string): Promise<void> {
      await q.update(localDeliveries).set({ status: 'cancelled' }).where(and(eq(localDeliveries.orderId, orderId), eq(localDeliveries.status, 'waiting')));
    },

    async list(staff: PickupStaff, status: Row['status'] | 'all', limit = 100): Promise<TAdminLocalDelivery[]> {
      const rows = await db.run((q) => q.select().from(localDeliveries)
        .where(and(status === 'all' ? undefined : eq(localDeliveries.status, status), staff.storeId ? eq(localDeliveries.storeId, staff.storeId) : undefined))
        .orderBy(desc(localDeliveries.createdAt)).limit(limit));
      return rows.map(adminView);
    },

    async markOut(staff: PickupStaff, orderId: string): Promise<TAdminLocalDelivery> {
      return adminView(await db.tx(async (q) => {
        const now = clock.now();
        const row = await move(q, staff, orderId, 'waiting', 'out_for_delivery', { outAt: now });
        if (!(await orders.ship(q, orderId))) throw new KoiError('local_delivery.order_not_paid');
        const o = await orders.view(orderId, q);
        await publish<TShipmentShippedEvent>(q, FulfilmentEvents.shipped, {
          shipmentId: row.id, orderId, orderNo: row.orderNo, customerId: row.customerId, method: 'local_delivery',
          courierCode: null, courierName: null, trackingNo: null,
          lines: o.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })), orderFullyShipped: true, at: now.toISOString(),
        });
        return row;
      }));
    },

    async markDelivered(staff: PickupStaff, orderId: string): Promise<TAdminLocalDelivery> {
      return adminView(await db.tx(async (q) => {
        const now = clock.now();
        const row = await move(q, staff, orderId, 'out_for_delivery', 'delivered', { deliveredAt: now });
        await publish<TShipmentDeliveredEvent>(q, FulfilmentEvents.delivered, {
          shipmentId: row.id, orderId, orderNo: row.orderNo, customerId: row.customerId, at: now.toISOString(),
        });
        return row;
      }));
    },
  };
}
export type LocalDelivery = ReturnType<typeof createLocalDelivery>;
