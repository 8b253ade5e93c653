import { eq, sql } from 'drizzle-orm';
import { FulfilmentEvents, type TShipPackage, type TShipmentShippedEvent, type TOrderStatus } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import type { OrderService } from '../order/index.ts';
import { shipmentLineUnits, shipments } from './shipment.tables.ts';
import { findCourier, normaliseTrackingNo, type Courier } from './couriers.rules.ts';
import { fullyShipped, planPackages } from './ship-plan.rules.ts';

type OrderRow = Awaited<ReturnType<OrderService['queries']['one']>>['order'];

/** Only express orders ship by courier here; pickup and 同城配送 orders have their own flows. */
export function isExpressOrder(order: OrderRow): boolean {
  return order.deliveryMethod === 'express';
}

/** The courier and the number as couriers print it, or a 422 naming what is wrong. */
export function checkParcel(courierCodeOrName: string, trackingNo: string): { courier: Courier; trackingNo: string } {
  const courier = findCourier(courierCodeOrName);
  if (!courier) throw new KoiError('shipment.courier_unknown', { courier: courierCodeOrName });
  const no = normaliseTrackingNo(courier, trackingNo);
  if (!no) throw new KoiError('shipment.tracking_invalid', { trackingNo, courier: courier.name });
  return { courier, trackingNo: no };
}

/**
 * Units of each line the shipment must not send: refunded or being refunded by an after-sale
 * (仅退款 before shipping). Set by app.ts from the after-sales service; none until then.
 */
export type WithheldUnits = (orderId: string, q?: Q) => Promise<ReadonlyMap<string, number>>;
export const noneWithheld: WithheldUnits = async () => new Map();

/** What each line still asks to ship: ordered minus withheld (never below zero). */
export function toShipUnits(lines: { id: string; quantity: number }[], withheld: ReadonlyMap<string, number>) {
  return lines.map((l) => ({ lineId: l.id, quantity: Math.max(0, l.quantity - (withheld.get(l.id) ?? 0)) }));
}

export async function shippedUnits(db: Db, orderId: string, q?: Q): Promise<Map<string, number>> {
  const rows = await db.run((x) => x.select().from(shipmentLineUnits).where(eq(shipmentLineUnits.orderId, orderId)), q);
  return new Map(rows.map((r) => [r.orderLineId, r.shipped]));
}

/**
 * Ships packages of one paid order in one transaction: each line's units are added with a
 * conditional upsert (never beyond what was ordered, whoever else ships at the same moment), each
 * package is recorded and announced (`shipment.shipped`), and when no unit is left the order moves
 * to `shipped` through the order lifecycle.
 */
export async function shipOrder(
  deps: { db: Db; orders: OrderService; withheld: WithheldUnits },
  orderId: string, packages: TShipPackage[], staffId: string | null,
): Promise<{ shipmentIds: string[]; orderStatus: TOrderStatus }> {
  const parcels = packages.map((p) => checkParcel(p.courierCode, p.trackingNo));
  const seen = new Set<string>();
  for (const p of parcels) {
    const k = `${p.courier.code}:${p.trackingNo}`;
    if (seen.has(k)) throw new KoiError('shipment.duplicate_tracking', { trackingNo: p.trackingNo });
    seen.add(k);
  }
  return deps.db.tx(async (q) => {
    const { order, lines } = await deps.orders.queries.one(orderId, null, q);
    if (!isExpressOrder(order)) throw new KoiError('shipment.not_express');
    if (order.status !== 'paid') throw new KoiError('shipment.order_not_paid');
    const units = toShipUnits(lines, await deps.withheld(orderId, q));
    const before = await shippedUnits(deps.db, orderId, q);
    const plan = planPackages(units, before, packages.map((p) => p.lines));
    if (!plan.ok) {
      const e = plan.error;
      throw new KoiError(e.code, e.code === 'shipment.over_ship' ? { remaining: e.remaining } : {});
    }
    const byId = new Map(lines.map((l) => [l.id, l]));
    const now = clock.now();
    const a = order.address;
    const ids: string[] = [];
    const after = new Map(before);
    for (const [i, pkg] of plan.packages.entries()) {
      for (const l of pkg) {
        const ordered = byId.get(l.lineId)!.quantity;
        // The bound itself: a concurrent shipment of the same line makes this update match nothing.
        const [row] = await deps.db.rows<{ shipped: number }>(sql`insert into shipment_line_units (order_line_id, order_id, ordered, shipped)
          values (${l.lineId}, ${orderId}, ${ordered}, ${l.quantity})
          on conflict (order_line_id) do update set shipped = shipment_line_units.shipped + excluded.shipped
          where shipment_line_units.shipped + excluded.shipped <= shipment_line_units.ordered
          returning shipped`, q);
        if (!row) throw new KoiError('shipment.over_ship', { remaining: Math.max(0, ordered - (after.get(l.lineId) ?? 0)) });
        after.set(l.lineId, Number(row.shipped));
      }
      const parcel = parcels[i]!;
      const id = newId();
      const [created] = await q.insert(shipments).values({
        id, orderId, orderNo: order.orderNo, customerId: order.customerId,
        recipient: a?.recipient ?? null, mobile: a?.mobile ?? null, region: a ? `${a.province},${a.city},${a.district}` : null,
        courierCode: parcel.courier.code, courierName: parcel.courier.name, trackingNo: parcel.trackingNo,
        lines: pkg.map((l) => {
          const line = byId.get(l.lineId)!;
          return { lineId: l.lineId, quantity: l.quantity, title: line.title, specValues: line.specValues, image: line.image };
        }),
        shippedAt: now, createdBy: staffId,
      }).onConflictDoNothing().returning({ id: shipments.id });
      if (!created) throw new KoiError('shipment.duplicate_tracking', { trackingNo: parcel.trackingNo });
      ids.push(id);
    }
    const complete = fullyShipped(units, after);
    if (complete && !(await deps.orders.lifecycle.ship(q, orderId))) throw new KoiError('shipment.order_not_paid');
    for (const [i, pkg] of plan.packages.entries()) {
      await publish<TShipmentShippedEvent>(q, FulfilmentEvents.shipped, {
        shipmentId: ids[i]!, orderId, orderNo: order.orderNo, customerId: order.customerId, method: 'express',
        courierCode: parcels[i]!.courier.code, courierName: parcels[i]!.courier.name, trackingNo: parcels[i]!.trackingNo,
        lines: pkg, orderFullyShipped: complete && i === plan.packages.length - 1, at: now.toISOString(),
      });
    }
    return { shipmentIds: ids, orderStatus: complete ? 'shipped' : order.status };
  });
}
