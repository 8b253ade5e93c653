import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { loyaltyAccounts, loyaltyEntries, loyaltyMembers, loyaltyPostings, loyaltyRecharges } from './loyalty.tables.ts';

/** A customer's membership, balances and ledger (entries with their postings), for their own data download. */
export async function loyaltyCustomerData(db: Db, customerId: string) {
  const [member, accounts, entries, postings, recharges] = await Promise.all([
    db.run((q) => q.select().from(loyaltyMembers).where(eq(loyaltyMembers.customerId, customerId))),
    db.run((q) => q.select().from(loyaltyAccounts).where(eq(loyaltyAccounts.customerId, customerId))),
    db.run((q) => q.select().from(loyaltyEntries).where(eq(loyaltyEntries.customerId, customerId)).orderBy(asc(loyaltyEntries.createdAt))),
    db.run((q) => q.select().from(loyaltyPostings).where(eq(loyaltyPostings.customerId, customerId)).orderBy(asc(loyaltyPostings.createdAt))),
    db.run((q) => q.select().from(loyaltyRecharges).where(eq(loyaltyRecharges.customerId, customerId)).orderBy(asc(loyaltyRecharges.createdAt))),
  ]);
  return { member: member[0] ?? null, accounts, entries, postings, recharges };
}
