import { and, eq, sql } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import { afterSaleSlots } from './aftersale.tables.ts';
import { hold, type Slot } from './refund-amount.rules.ts';

export type OrderMoney = { orderId: string; payableFen: number; lines: { id: string; quantity: number; payableFen: number }[] };
export type SlotRow = typeof afterSaleSlots.$inferSelect;

/**
 * The order's slots — one per line, and one for the shipping fee keyed by the order id (what the
 * order took beyond its lines) — created at the first after-sale of the order. Concurrent first
 * requests agree through the primary key.
 */
export async function ensureSlots(q: Q, o: OrderMoney): Promise<void> {
  const linesFen = o.lines.reduce((n, l) => n + l.payableFen, 0);
  await q.insert(afterSaleSlots).values([
    ...o.lines.map((l) => ({ slotId: l.id, orderId: o.orderId, quantity: l.quantity, payableFen: l.payableFen })),
    { slotId: o.orderId, orderId: o.orderId, quantity: 1, payableFen: Math.max(0, o.payableFen - linesFen) },
  ]).onConflictDoNothing();
}

export async function slotsOf(q: Q, orderId: string): Promise<{ lines: Map<string, SlotRow>; shipping: SlotRow | null }> {
  const rows = await q.select().from(afterSaleSlots).where(eq(afterSaleSlots.orderId, orderId));
  return { lines: new Map(rows.filter((r) => r.slotId !== orderId).map((r) => [r.slotId, r])), shipping: rows.find((r) => r.slotId === orderId) ?? null };
}

export const asSlot = (r: SlotRow): Slot => ({ quantity: r.quantity, payableFen: r.payableFen, heldQty: r.heldQty, heldFen: r.heldFen });

/**
 * Holds (or gives back) units and fen of a slot, conditional on the values the caller priced from:
 * a concurrent request that changed them first makes this one fail with `quantity_exceeded`.
 */
export async function moveSlot(q: Q, r: SlotRow, qty: number, fen: number, sign: 1 | -1): Promise<void> {
  if (!hold(asSlot(r), qty, fen, sign)) throw new KoiError('aftersale.quantity_exceeded');
  const [hit] = await q.update(afterSaleSlots)
    .set({ heldQty: sql`${afterSaleSlots.heldQty} + ${sign * qty}`, heldFen: sql`${afterSaleSlots.heldFen} + ${sign * fen}` })
    .where(and(eq(afterSaleSlots.slotId, r.slotId),
      sign === 1 ? and(eq(afterSaleSlots.heldQty, r.heldQty), eq(afterSaleSlots.heldFen, r.heldFen)) : sql`${afterSaleSlots.heldQty} >= ${qty} and ${afterSaleSlots.heldFen} >= ${fen}`))
    .returning({ id: afterSaleSlots.slotId });
  if (!hit) throw new KoiError('aftersale.quantity_exceeded');
}

/** Marks held units as refunded (the refund reached the shopper). */
export async function markRefunded(q: Q, slotId: string, qty: number, fen: number): Promise<void> {
  await q.update(afterSaleSlots)
    .set({ refundedQty: sql`${afterSaleSlots.refundedQty} + ${qty}`, refundedFen: sql`${afterSaleSlots.refundedFen} + ${fen}` })
    .where(eq(afterSaleSlots.slotId, slotId));
}
