import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { TOrderShipping, TShipment, TShippingQueue, TShippingQueueQuery, TShopTracking } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { Lang } from '../../platform/errors.ts';
import { clock } from '../../platform/clock.ts';
import type { OrderService } from '../order/index.ts';
import { shipmentEvents, shipments } from './shipment.tables.ts';
import { exceptionReason, STALE_DAYS, trackingLabel } from './tracking.rules.ts';
import { isExpressOrder, shippedUnits, toShipUnits, type WithheldUnits } from './ship-order.ts';
import type { Tracking } from './tracking.ts';

type Row = typeof shipments.$inferSelect;
/** The queue shows mobiles as the order list does: 139****0001. */
const mask = (m: string | null) => (m && m.length >= 7 ? `${m.slice(0, 3)}****${m.slice(-4)}` : m);
type EventRow = typeof shipmentEvents.$inferSelect;

function view(p: Row, events: EventRow[], lang: Lang): TShipment {
  return {
    id: p.id, orderId: p.orderId, orderNo: p.orderNo, courierCode: p.courierCode, courierName: p.courierName, trackingNo: p.trackingNo,
    lines: p.lines.map((l) => ({ lineId: l.lineId, title: l.title, specValues: l.specValues, image: l.image, quantity: l.quantity })),
    trackingState: p.trackingState, trackingLabel: trackingLabel(p.deliveredAt ? 3 : p.trackingState, lang),
    exception: !!exceptionReason({ state: p.trackingState, lastEventAt: p.lastEventAt, shippedAt: p.shippedAt, deliveredAt: p.deliveredAt }, clock.now(), lang),
    shippedAt: p.shippedAt.toISOString(), deliveredAt: p.deliveredAt?.toISOString() ?? null, lastEventAt: p.lastEventAt?.toISOString() ?? null,
    events: events.map((e) => ({ at: e.at.toISOString(), context: e.context, state: e.state, areaName: e.areaName })),
  };
}

/** Reads for the shipping screens and the shopper's order page. */
export function createShipmentViews(deps: { db: Db; orders: OrderService; tracking: Tracking; withheld: WithheldUnits }) {
  const { db } = deps;

  async function packagesOf(orderId: string, lang: Lang): Promise<TShipment[]> {
    const pkgs = await db.run((q) => q.select().from(shipments).where(eq(shipments.orderId, orderId)).orderBy(shipments.shippedAt));
    if (!pkgs.length) return [];
    const events = await db.run((q) => q.select().from(shipmentEvents).where(inArray(shipmentEvents.shipmentId, pkgs.map((p) => p.id))).orderBy(desc(shipmentEvents.at)));
    return pkgs.map((p) => view(p, events.filter((e) => e.shipmentId === p.id), lang));
  }

  return {
    packagesOf,

    async orderShipping(orderId: string, lang: Lang): Promise<TOrderShipping> {
      const { order, lines } = await deps.orders.queries.one(orderId, null);
      const shipped = await shippedUnits(db, orderId);
      const asked = new Map(toShipUnits(lines, await deps.withheld(orderId)).map((u) => [u.lineId, u.quantity]));
      const due = await deps.tracking.autoConfirmAt(orderId);
      return {
        orderId, orderNo: order.orderNo, status: order.status, shippable: isExpressOrder(order) && order.status === 'paid',
        lines: lines.map((l) => {
          const s = shipped.get(l.id) ?? 0;
          return { lineId: l.id, title: l.title, specValues: l.specValues, image: l.image, quantity: l.quantity, shipped: s, remaining: Math.max(0, (asked.get(l.id) ?? l.quantity) - s) };
        }),
        shipments: await packagesOf(orderId, lang),
        autoConfirmAt: order.status === 'shipped' ? (due?.toISOString() ?? null) : null,
      };
    },

    /** The shopper's own order only: another shopper's order id is a 404 (the order module checks). */
    async shopTracking(orderId: string, customerId: string, lang: Lang): Promise<TShopTracking> {
      const { order } = await deps.orders.queries.one(orderId, customerId);
      const due = await deps.tracking.autoConfirmAt(orderId);
      return {
        orderId,
        shipments: (await packagesOf(orderId, lang)).map(({ orderNo: _n, ...s }) => s),
        autoConfirmAt: order.status === 'shipped' ? (due?.toISOString() ?? null) : null,
      };
    },

    async queue(f: TShippingQueueQuery, lang: Lang): Promise<TShippingQueue> {
      const now = clock.now();
      const stale = new Date(now.getTime() - STALE_DAYS * 86_400_000);
      const term = f.q?.replace(/\s+/g, '').replace(/[%_\\]/g, '');
      const match: SQL | undefined = term ? or(sql`${shipments.orderNo} like ${`${term}%`}`, eq(shipments.trackingNo, term.toUpperCase()), eq(shipments.mobile, term)) : undefined;
      const exceptional = and(isNull(shipments.deliveredAt), or(
        sql`${shipments.trackingState} in (2, 4, 6, 13, 14)`,
        lt(sql`coalesce(${shipments.lastEventAt}, ${shipments.shippedAt})`, stale),
      ));
      const count = async (where: SQL | undefined) => Number((await db.run((q) => q.select({ n: sql<number>`count(*)` }).from(shipments).where(where)))[0]?.n ?? 0);
      const toShip = await deps.orders.queries.adminList({ status: 'paid', q: f.q, deliveryMethod: 'express' }, f.tab === 'to_ship' ? f.page : 1, f.tab === 'to_ship' ? f.pageSize : 1);
      const counts = { to_ship: toShip.total, shipped: await count(undefined), exception: await count(exceptional) };

      if (f.tab === 'to_ship') {
        return {
          counts, total: toShip.total,
          items: toShip.rows.map((r) => ({
            orderId: r.order.id, orderNo: r.order.orderNo, orderStatus: r.order.status,
            recipient: r.order.address?.recipient ?? null, mobile: mask(r.order.address?.mobile ?? null),
            region: r.order.address ? `${r.order.address.province} ${r.order.address.city} ${r.order.address.district}` : null,
            itemCount: r.itemCount, firstTitle: r.firstTitle, paidAt: r.order.paidAt?.toISOString() ?? null, shipment: null, exceptionReason: null,
          })),
        };
      }
      const where = and(match, f.tab === 'exception' ? exceptional : undefined);
      const rows = await db.run((q) => q.select().from(shipments).where(where).orderBy(desc(shipments.shippedAt), desc(shipments.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize));
      return {
        counts, total: await count(where),
        items: rows.map((p) => {
          const { events: _e, ...s } = view(p, [], lang);
          return {
            orderId: p.orderId, orderNo: p.orderNo, orderStatus: null, recipient: p.recipient, mobile: mask(p.mobile), region: p.region?.replace(/,/g, ' ') ?? null,
            itemCount: p.lines.reduce((n, l) => n + l.quantity, 0), firstTitle: p.lines[0]?.title ?? '', paidAt: null,
            shipment: { ...s, lastContext: p.lastContext },
            exceptionReason: exceptionReason({ state: p.trackingState, lastEventAt: p.lastEventAt, shippedAt: p.shippedAt, deliveredAt: p.deliveredAt }, now, lang),
          };
        }),
      };
    },
  };
}
export type ShipmentViews = ReturnType<typeof createShipmentViews>;

