import { asc, eq } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { reviews } from './review.tables.ts';

/** A customer's reviews, for their own data download. */
export async function reviewCustomerData(db: Db, customerId: string) {
  return db.run((q) => q.select().from(reviews).where(eq(reviews.customerId, customerId)).orderBy(asc(reviews.createdAt)));
}

/** PIPL erasure: reviews stay (they describe products) but under the pseudonym, without the avatar. */
export async function eraseReviewAuthor(q: Q, customerId: string, pseudonym: string): Promise<number> {
  const rows = await q.update(reviews).set({ authorName: pseudonym, avatarUrl: null }).where(eq(reviews.customerId, customerId)).returning({ id: reviews.id });
  return rows.length;
}
