import { randomInt } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { FulfilmentEvents, type TAdminPickup, type TPickedUpEvent, type TPickupReadyEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import { maskPhone } from '../../platform/log.ts';
import { isPickupCode, mayVerifyPickup, pickupCodeFrom, PICKUP_CODE_SPACE, WRONG_CODE_LIMIT } from './pickup-code.rules.ts';
import { pickupOrders, pickupWrongCodes } from './pickup.tables.ts';
import type { FulfilmentOrders } from './pickup-orders.port.ts';
import './pickup.errors.ts';

type Row = typeof pickupOrders.$inferSelect;
export type PickupStaff = { id: string; storeId: string | null };

/**
 * Store pickup (到店自提) after payment: a code per paid pickup order, and the handover that store
 * staff confirm with it. Handing over is one conditional update (ready → picked_up) and the order's
 * paid → completed in the same transaction, so two verifications at once hand over once.
 */
export function createPickup(deps: { db: Db; orders: FulfilmentOrders; staffName: (id: string) => Promise<string> }) {
  const { db, orders } = deps;

  const windowStart = () => {
    const s = Math.floor(clock.now().getTime() / 1000);
    return s - (s % WRONG_CODE_LIMIT.windowSeconds);
  };
  async function assertNotLocked(staffId: string): Promise<void> {
    const [row] = await db.run((q) => q.select({ count: pickupWrongCodes.count }).from(pickupWrongCodes)
      .where(and(eq(pickupWrongCodes.staffId, staffId), eq(pickupWrongCodes.windowStart, windowStart()))));
    if ((row?.count ?? 0) >= WRONG_CODE_LIMIT.max) throw new KoiError('pickup.too_many_wrong_codes', { minutes: WRONG_CODE_LIMIT.windowSeconds / 60 });
  }
  async function countWrong(staffId: string): Promise<void> {
    await db.run((q) => q.insert(pickupWrongCodes).values({ staffId, windowStart: windowStart(), count: 1 })
      .onConflictDoUpdate({ target: [pickupWrongCodes.staffId, pickupWrongCodes.windowStart], set: { count: sql`${pickupWrongCodes.count} + 1` } }));
  }

  /** The open pickup with this code that `staff` may hand over; wrong codes count towards the lock. */
  async function findForStaff(staff: PickupStaff, code: string): Promise<Row> {
    await assertNotLocked(staff.id);
    const [open] = isPickupCode(code) ? await db.run((q) => q.select().from(pickupOrders).where(and(eq(pickupOrders.code, code), eq(pickupOrders.status, 'ready')))) : [];
    if (open && mayVerifyPickup(staff.storeId, open.storeId)) return open;
    if (!open) {
      const [done] = isPickupCode(code) ? await db.run((q) => q.select().from(pickupOrders)
        .where(and(eq(pickupOrders.code, code), eq(pickupOrders.status, 'picked_up'))).orderBy(desc(pickupOrders.pickedUpAt)).limit(1)) : [];
      // A code just used at this store: say so rather than "wrong code" (the second of two clicks).
      if (done && mayVerifyPickup(staff.storeId, done.storeId) && clock.now().getTime() - (done.pickedUpAt?.getTime() ?? 0) < 86_400_000) {
        throw new KoiError('pickup.already_picked_up');
      }
    }
    await countWrong(staff.id);
    // Another store's open code: forbidden, and counted like a wrong one so codes cannot be probed.
    throw open ? new KoiError('auth.store_scope') : new KoiError('pickup.code_not_found');
  }

  async function view(row: Row): Promise<TAdminPickup> {
    const o = await orders.view(row.orderId);
    return {
      orderId: row.orderId, orderNo: row.orderNo, status: row.status, storeId: row.storeId, storeName: row.storeName,
      buyerMobile: maskPhone(o.buyerMobile), payableFen: o.payableFen,
      lines: o.lines.map((l) => ({ title: l.title, specValues: l.specValues, quantity: l.quantity, image: l.image })),
      readyAt: row.readyAt.toISOString(), pickedUpAt: row.pickedUpAt?.toISOString() ?? null,
      pickedUpBy: row.pickedUpBy ? await deps.staffName(row.pickedUpBy) : null,
    };
  }

  return {
    /**
     * A paid pickup order gets its code (inside the `order.paid` handler's transaction) and
     * `pickup.ready` goes out. Idempotent: a replayed event finds the row and publishes nothing.
     */
    async open(q: Q, o: { orderId: string; orderNo: string; customerId: string; storeId: string; storeName: string }): Promise<string> {
      const now = clock.now();
      for (let tries = 0; tries < 10; tries++) {
        const code = pickupCodeFrom(randomInt(0, PICKUP_CODE_SPACE));
        const [row] = await q.insert(pickupOrders).values({ ...o, code, status: 'ready', readyAt: now }).onConflictDoNothing().returning({ code: pickupOrders.code });
        if (row) {
          await publish<TPickupReadyEvent>(q, FulfilmentEvents.pickupReady, { ...o, pickupCode: code, at: now.toISOString() });
          return code;
        }
        const [existing] = await q.select({ code: pickupOrders.code }).from(pickupOrders).where(eq(pickupOrders.orderId, o.orderId));
        if (existing) return existing.code;
      }
      throw new Error('could not draw a free pickup code');
    },

    async lookup(staff: PickupStaff, code: string): Promise<TAdminPickup> {
      return view(await findForStaff(staff, code));
    },

    /** Hands the goods over: the order completes and `pickup.picked_up` goes out, once. */
    async verify(staff: PickupStaff, code: string): Promise<TAdminPickup> {
      const found = await findForStaff(staff, code);
      const row = await db.tx(async (q) => {
        const now = clock.now();
        const [done] = await q.update(pickupOrders).set({ status: 'picked_up', pickedUpAt: now, pickedUpBy: staff.id })
          .where(and(eq(pickupOrders.orderId, found.orderId), eq(pickupOrders.status, 'ready'))).returning();
        if (!done) throw new KoiError('pickup.already_picked_up');
        if (!(await orders.completePickup(q, done.orderId))) throw new KoiError('pickup.order_not_ready');
        await publish<TPickedUpEvent>(q, FulfilmentEvents.pickedUp, {
          orderId: done.orderId, orderNo: done.orderNo, customerId: done.customerId, storeId: done.storeId, staffId: staff.id, at: now.toISOString(),
        });
        return done;
      });
      return view(row);
    },

    /** The order closed (refunded) before pickup: its code stops working. Idempotent. */
    async cancel(q: Q, orderId: string): Promise<void> {
      await q.update(pickupOrders).set({ status: 'cancelled' }).where(and(eq(pickupOrders.orderId, orderId), eq(pickupOrders.status, 'ready')));
    },

    /** Open (or recent) pickups of the staff's store, newest first. */
    async list(staff: PickupStaff, status: 'ready' | 'picked_up', limit = 50): Promise<TAdminPickup[]> {
      const rows = await db.run((q) => q.select().from(pickupOrders)
        .where(and(eq(pickupOrders.status, status), staff.storeId ? eq(pickupOrders.storeId, staff.storeId) : undefined))
        .orderBy(desc(pickupOrders.readyAt)).limit(limit));
      return Promise.all(rows.map(view));
    },

    /** The shopper's own pickup of an order, or null. */
    async ofOrder(orderId: string, customerId: string): Promise<Row | null> {
      if (!/^[0-9a-f-]{36}$/i.test(orderId)) return null;
      const [row] = await db.run((q) => q.select().from(pickupOrders).where(and(eq(pickupOrders.orderId, orderId), eq(pickupOrders.customerId, customerId))));
      return row ?? null;
    },
  };
}
export type Pickup = ReturnType<typeof createPickup>;
