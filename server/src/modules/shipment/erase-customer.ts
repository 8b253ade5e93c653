import { eq } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { shipments } from './shipment.tables.ts';

/** PIPL erasure: packages keep courier, tracking and region; the recipient becomes the pseudonym, the mobile goes. */
export async function eraseShipmentRecipient(q: Q, customerId: string, pseudonym: string): Promise<number> {
  const rows = await q.update(shipments).set({ recipient: pseudonym, mobile: null }).where(eq(shipments.customerId, customerId)).returning({ id: shipments.id });
  return rows.length;
}
