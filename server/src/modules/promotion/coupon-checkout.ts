import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';

const uuidArray = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

/**
 * What checkout does with coupons, inside its own transaction `q` (one statement each):
 * freeze when the order is created, consume when it is paid, release when it closes unpaid.
 * Every step is a conditional update on the coupon's status, so one coupon can only ever be held by
 * one order, however many checkouts race for it; repeating consume or release changes nothing.
 */
export function createCouponCheckout(db: Db) {
  return {
    /** available → frozen for `orderId`; any coupon not this customer's, not available or out of date fails the whole call. */
    async freeze(q: Q, couponIds: readonly string[], customerId: string, orderId: string): Promise<void> {
      const ids = [...new Set(couponIds)];
      if (!ids.length) return;
      const now = clock.now();
      const held = await db.rows<{ id: string }>(sql`
        update promotion_coupons set status = 'frozen', order_id = ${orderId}, frozen_at = ${now}, updated_at = ${now}
        where id = any(${uuidArray(ids)}) and customer_id = ${customerId} and status = 'available'
          and valid_from <= ${now} and valid_until > ${now}
        returning id`, q);
      if (held.length < ids.length) {
        const got = new Set(held.map((h) => h.id));
        throw new KoiError('promotion.coupon_unavailable', { couponId: ids.find((id) => !got.has(id))! });
      }
    },

    /** frozen → used when the order is paid (again: nothing changes). */
    async consume(q: Q, orderId: string): Promise<void> {
      const now = clock.now();
      await db.rows(sql`update promotion_coupons set status = 'used', used_at = ${now}, updated_at = ${now}
        where order_id = ${orderId} and status = 'frozen'`, q);
    },

    /** frozen → available when the order closes unpaid (expired if its date passed meanwhile; again: nothing changes). */
    async release(q: Q, orderId: string): Promise<void> {
      const now = clock.now();
      await db.rows(sql`update promotion_coupons
        set status = case when valid_until <= ${now} then 'expired' else 'available' end, order_id = null, frozen_at = null, updated_at = ${now}
        where order_id = ${orderId} and status = 'frozen'`, q);
    },

    /**
     * used → available for the coupons an order used, each one the caller's rule lets back (the
     * after-sales rule by validity; see aftersale/coupon-return.rules.ts). Again: nothing changes.
     */
    async restoreUsed(q: Q, orderId: string, comesBack: (validUntil: Date) => boolean): Promise<number> {
      const used = await db.rows<{ id: string; valid_until: Date | string }>(sql`
        select id, valid_until from promotion_coupons where order_id = ${orderId} and status = 'used'`, q);
      const ids = used.filter((c) => comesBack(new Date(c.valid_until))).map((c) => c.id);
      if (!ids.length) return 0;
      const now = clock.now();
      const back = await db.rows(sql`update promotion_coupons set status = 'available', order_id = null, used_at = null, updated_at = ${now}
        where id = any(${uuidArray(ids)}) and status = 'used' returning id`, q);
      return back.length;
    },
  };
}
export type CouponCheckout = ReturnType<typeof createCouponCheckout>;
