import { and, eq } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { nextStatus, RELEASING_STATUSES, type Actor, type AfterSaleAction } from './aftersale-state.rules.ts';
import { afterSales, afterSaleSteps } from './aftersale.tables.ts';
import { linesOf, type AfterSaleRow } from './context.ts';
import { moveSlot, slotsOf } from './slots.ts';

type Patch = Partial<Omit<typeof afterSales.$inferInsert, 'id' | 'status'>>;

/**
 * One move of the machine inside `q`: allowed by the rules for this actor, applied with a
 * conditional update on the status read (so two moves at once cannot both happen), recorded as a
 * step. An after-sale that ends without money moving — rejected, withdrawn, or an exchange closed —
 * gives its units and fen back to the order's slots.
 */
export async function move(q: Q, row: AfterSaleRow, action: AfterSaleAction, actor: Actor, patch: Patch = {}, note = ''): Promise<AfterSaleRow> {
  const to = nextStatus(row, action, actor);
  if (!to) throw new KoiError('aftersale.bad_transition');
  const now = clock.now();
  const [u] = await q.update(afterSales).set({ ...patch, status: to, updatedAt: now })
    .where(and(eq(afterSales.id, row.id), eq(afterSales.status, row.status))).returning();
  if (!u) throw new KoiError('aftersale.bad_transition');
  await q.insert(afterSaleSteps).values({ id: newId(), afterSaleId: row.id, status: to, actor, note: note.slice(0, 200), at: now });
  if (RELEASING_STATUSES.includes(to) || (to === 'closed' && row.kind === 'exchange')) {
    const slots = await slotsOf(q, row.orderId);
    for (const l of await linesOf(q, row.id)) await moveSlot(q, slots.lines.get(l.lineId)!, l.quantity, l.amountFen, -1);
    if (row.shippingFen > 0) await moveSlot(q, slots.shipping!, 1, row.shippingFen, -1);
  }
  return u;
}
