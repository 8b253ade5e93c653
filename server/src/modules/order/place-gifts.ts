import { eq } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { InventoryService } from '../inventory/index.ts';
import type { CheckoutDraft } from './checkout-draft.ts';
import { draftGiftLines } from './checkout-draft.ts';
import { orderLines, orders } from './order.tables.ts';

/**
 * 满赠 when the order is written (inside its transaction, after the bought lines were reserved):
 * each gift's stock is reserved with inventory's conditional update, so of parallel checkouts for the
 * last unit exactly one gets it. A gift whose stock went meanwhile is left out and the order proceeds
 * without it (a gift changes no payable, so nothing else moves); its note leaves the order's
 * explanation. Kept gifts become ¥0 lines with `gift` set: reserved now, deducted when paid, shipped
 * with the order, released when it is closed unpaid — like every line. Returns the gifts kept.
 */
export async function placeGifts(q: Q, inventory: InventoryService, d: CheckoutDraft, orderId: string, firstPosition: number): Promise<number> {
  const lines = draftGiftLines(d);
  const kept: typeof lines = [];
  for (const l of lines) {
    try {
      await inventory.reserve(q, [{ skuId: l.skuId, qty: l.quantity }]);
      kept.push(l);
    } catch (e) {
      if (!(e instanceof KoiError && e.code === 'inventory.insufficient_stock')) throw e;
    }
  }
  if (kept.length) {
    await q.insert(orderLines).values(kept.map((l, i) => ({
      id: newId(), orderId, position: firstPosition + i, skuId: l.skuId, productId: l.productId, title: l.title, specValues: l.specValues, image: l.image,
      quantity: l.quantity, listPriceFen: l.listPriceFen, unitPriceFen: 0, subtotalFen: 0, discounts: [], discountFen: 0, payableFen: 0, balanceFen: 0, gift: l.gift ?? null,
    })));
  }
  if (kept.length < lines.length) {
    const given = new Set(kept.map((l) => l.gift!.promotionId));
    const dropped = new Set(lines.map((l) => l.gift!.promotionId).filter((id) => !given.has(id)));
    const applied = d.quote.applied.filter((n) => !(n.sourceId && dropped.has(n.sourceId) && d.gifts.some((g) => g.gift.promotionId === n.sourceId)));
    await q.update(orders).set({ applied }).where(eq(orders.id, orderId));
  }
  return kept.length;
}
