import { createHmac } from 'node:crypto';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { FulfilmentEvents, type TShipmentDeliveredEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import type { OrderService } from '../order/index.ts';
import { shipmentAutoConfirm, shipmentEvents, shipments } from './shipment.tables.ts';
import { autoConfirmAt, isDelivered, nextState, parseKdTime } from './tracking.rules.ts';
import { stateOf, verifyPushSign, ZKdPush, type KdResult } from './providers/kuaidi100.protocol.ts';
import type { Kuaidi100Client } from './providers/kuaidi100.ts';

export type PushOutcome = { ok: true; applied: number } | { ok: false; reason: string };

/**
 * Tracking: subscribes each package with Kuaidi100, takes its pushes (verified, applied once however
 * often they come), records the timeline, marks packages delivered, and completes orders whose
 * auto-confirm countdown ran out.
 */
export function createTracking(deps: {
  db: Db; log: Logger; orders: OrderService; client: Kuaidi100Client; secret: string; publicUrl: string; autoConfirmDays: number;
}) {
  const { db, log } = deps;
  /** One salt per parcel, derived (not stored): the callback recomputes it from com + number. */
  const saltOf = (com: string, num: string) => createHmac('sha256', deps.secret).update(`kuaidi100:${com}:${num}`).digest('hex').slice(0, 32);
  const callbackUrl = (com: string, num: string) => `${deps.publicUrl}/api/shipment/kuaidi100/notify?com=${encodeURIComponent(com)}&nu=${encodeURIComponent(num)}`;

  /** Applies one courier result (push or query) to every package with that number, in one transaction. */
  async function apply(r: KdResult): Promise<number> {
    const traces = r.data
      .map((d) => ({ at: parseKdTime(d.ftime ?? d.time) ?? parseKdTime(d.time), context: d.context.trim().slice(0, 500), areaName: d.areaName ?? null }))
      .filter((d): d is { at: Date; context: string; areaName: string | null } => !!d.at && !!d.context);
    const pushed = stateOf(r.state);
    const signed = isDelivered(pushed) && r.ischeck === '1';
    let applied = 0;
    const orderIds = await db.tx(async (q) => {
      // Locks this parcel's packages: concurrent pushes of one parcel apply one after the other.
      const pkgs = await q.select().from(shipments).where(and(eq(shipments.courierCode, r.com), eq(shipments.trackingNo, r.nu))).for('update');
      const touched = new Set<string>();
      for (const p of pkgs) {
        if (traces.length) {
          const ins = await q.insert(shipmentEvents).values(traces.map((t, i) => ({
            id: newId(), shipmentId: p.id, at: t.at, context: t.context, areaName: t.areaName, state: i === 0 ? pushed : null,
          }))).onConflictDoNothing().returning({ id: shipmentEvents.id });
          applied += ins.length;
        }
        const newest = traces.reduce<(typeof traces)[number] | null>((a, t) => (!a || t.at > a.at ? t : a), null);
        const now = clock.now();
        await q.update(shipments).set({
          trackingState: nextState(p.trackingState, pushed, !!p.deliveredAt),
          ...(newest && (!p.lastEventAt || newest.at >= p.lastEventAt) ? { lastEventAt: newest.at, lastContext: newest.context } : {}),
        }).where(eq(shipments.id, p.id));
        if (signed && !p.deliveredAt) {
          const [d] = await q.update(shipments).set({ deliveredAt: newest?.at ?? now }).where(and(eq(shipments.id, p.id), isNull(shipments.deliveredAt))).returning();
          if (d) {
            await publish<TShipmentDeliveredEvent>(q, FulfilmentEvents.delivered, { shipmentId: d.id, orderId: d.orderId, orderNo: d.orderNo, customerId: d.customerId, at: (d.deliveredAt ?? now).toISOString() });
            touched.add(d.orderId);
          }
        }
      }
      for (const orderId of touched) await startCountdown(q, orderId);
      return touched;
    });
    if (orderIds.size) log.info({ com: r.com, nu: r.nu }, 'parcel delivered');
    return applied;
  }

  /** When every package of the order is delivered and the order is `shipped` (every unit left), the countdown starts once. */
  async function startCountdown(q: Q, orderId: string): Promise<void> {
    const pkgs = await q.select({ deliveredAt: shipments.deliveredAt }).from(shipments).where(eq(shipments.orderId, orderId));
    const { order } = await deps.orders.queries.one(orderId, null, q);
    if (order.status !== 'shipped') return;
    const due = autoConfirmAt(pkgs.map((p) => p.deliveredAt), deps.autoConfirmDays);
    if (!due) return;
    await q.insert(shipmentAutoConfirm).values({ orderId, dueAt: due }).onConflictDoNothing();
  }

  return {
    saltOf,
    callbackUrl,

    /** Subscribes a package's parcel; true when Kuaidi100 took it (or already had it). */
    async subscribe(shipmentId: string): Promise<boolean> {
      const [p] = await db.run((q) => q.select().from(shipments).where(eq(shipments.id, shipmentId)));
      if (!p || p.subscribed) return !!p;
      const out = await deps.client.subscribe({
        com: p.courierCode, num: p.trackingNo, callbackurl: callbackUrl(p.courierCode, p.trackingNo), salt: saltOf(p.courierCode, p.trackingNo),
        to: p.region ?? undefined, phone: p.mobile ?? undefined,
      });
      if (!out.accepted) {
        log.warn({ shipmentId, returnCode: out.returnCode, message: out.message }, 'kuaidi100 subscription refused');
        return false;
      }
      await db.run((q) => q.update(shipments).set({ subscribed: true }).where(eq(shipments.id, shipmentId)));
      return true;
    },

    /** Packages not subscribed yet (a crash between shipping and subscribing leaves some): the sweep. */
    async unsubscribed(limit = 200): Promise<string[]> {
      const rows = await db.run((q) => q.select({ id: shipments.id }).from(shipments).where(and(eq(shipments.subscribed, false), isNull(shipments.deliveredAt))).orderBy(asc(shipments.shippedAt)).limit(limit));
      return rows.map((r) => r.id);
    },

    /** The push callback: `param` and `sign` of the form, `com`/`nu` of our callback URL. */
    async onPush(com: string, nu: string, param: string, sign: string): Promise<PushOutcome> {
      if (!verifyPushSign(param, saltOf(com, nu), sign)) return { ok: false, reason: 'bad_sign' };
      let push;
      try {
        push = ZKdPush.parse(JSON.parse(param));
      } catch {
        return { ok: false, reason: 'bad_param' };
      }
      if (push.lastResult.com !== com || push.lastResult.nu !== nu) return { ok: false, reason: 'parcel_mismatch' };
      return { ok: true, applied: await apply(push.lastResult) };
    },

    /** 实时查询: asks Kuaidi100 now and records what it says (the operator's 刷新物流). */
    async refresh(shipmentId: string): Promise<void> {
      const [p] = await db.run((q) => q.select().from(shipments).where(eq(shipments.id, shipmentId)));
      if (!p) throw new KoiError('resource.not_found', { what: 'shipment' });
      await apply(await deps.client.query({ com: p.courierCode, num: p.trackingNo, phone: p.mobile ?? undefined, to: p.region ?? undefined }));
    },

    /**
     * A delivery that is not one of our parcels (同城配送's rider reported it): the order's countdown
     * starts from that moment, once. Parcels start theirs when their last package is signed for.
     */
    async onDeliveredElsewhere(q: Q, orderId: string, shipmentId: string, at: Date): Promise<void> {
      const [own] = await q.select({ id: shipments.id }).from(shipments).where(eq(shipments.id, shipmentId));
      if (own) return;
      const { order } = await deps.orders.queries.one(orderId, null, q);
      if (order.status !== 'shipped') return;
      const due = autoConfirmAt([at], deps.autoConfirmDays);
      if (due) await q.insert(shipmentAutoConfirm).values({ orderId, dueAt: due }).onConflictDoNothing();
    },

    async autoConfirmAt(orderId: string, q?: Q): Promise<Date | null> {
      const [r] = await db.run((x) => x.select().from(shipmentAutoConfirm).where(eq(shipmentAutoConfirm.orderId, orderId)), q);
      return r?.dueAt ?? null;
    },

    /** Completes orders past their countdown through the order lifecycle; each at most once. */
    async autoConfirmDue(limit = 200): Promise<number> {
      const due = await db.run((q) => q.select().from(shipmentAutoConfirm)
        .where(and(isNull(shipmentAutoConfirm.doneAt), lte(shipmentAutoConfirm.dueAt, clock.now()))).orderBy(asc(shipmentAutoConfirm.dueAt)).limit(limit));
      let done = 0;
      for (const r of due) {
        try {
          await deps.orders.lifecycle.confirmReceipt(r.orderId, null);
          done++;
        } catch (err) {
          // The shopper confirmed first (or an after-sale closed it): nothing left to do for this order.
          if (!(err instanceof KoiError && err.code === 'order.not_shipped')) throw err;
        }
        await db.run((q) => q.update(shipmentAutoConfirm).set({ doneAt: clock.now() }).where(and(eq(shipmentAutoConfirm.orderId, r.orderId), isNull(shipmentAutoConfirm.doneAt))));
      }
      return done;
    },
  };
}
export type Tracking = ReturnType<typeof createTracking>;
