import { eq } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { localDeliveries } from './local-delivery.tables.ts';

/** PIPL erasure: local deliveries keep store, slot and status; the recipient becomes the pseudonym, the address text goes. */
export async function eraseLocalDeliveryRecipient(q: Q, customerId: string, pseudonym: string): Promise<number> {
  const rows = await q.update(localDeliveries).set({ recipient: pseudonym, addressText: null }).where(eq(localDeliveries.customerId, customerId)).returning({ id: localDeliveries.id });
  return rows.length;
}
