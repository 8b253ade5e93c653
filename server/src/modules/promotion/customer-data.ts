import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { promotionCoupons } from './coupon.tables.ts';

/** A customer's coupons, for their own data download. */
export async function couponCustomerData(db: Db, customerId: string) {
  return db.run((q) => q.select().from(promotionCoupons).where(eq(promotionCoupons.customerId, customerId)).orderBy(asc(promotionCoupons.id)));
}
