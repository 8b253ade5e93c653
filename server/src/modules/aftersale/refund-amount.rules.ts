import type { TAfterSaleKind } from '@koi/contracts';
import { allocate } from '../pricing/index.ts';

/**
 * What an after-sale may ask back, exact to the fen (pure).
 *
 * Each order line is a slot: its units and its allocated `payableFen` (checkout allocated every
 * discount to the lines by largest remainder, so the lines sum to the order). A slot also records
 * what after-sales hold of it — units and fen of open after-sales plus those already refunded.
 * Asking for k of the U units still free gets the largest-remainder share of the R fen still free:
 * `allocate(R, [k, U − k])[0]`; the last units get exactly what is left. So however the refunds
 * of a line are split, they never exceed its allocation, and a line refunded unit by unit adds
 * up to its allocation exactly. A request that ends (rejected, withdrawn) gives its units and fen back.
 *
 * The shipping fee is a slot of its own (one unit). Explicit rule: it comes back only with a
 * refund-only request made before the order shipped that, with what is already held, covers every
 * unit of the order — once the parcel left, the courier was paid.
 */
export type Slot = { quantity: number; payableFen: number; heldQty: number; heldFen: number };
export type QuoteLine = { lineId: string; quantity: number; amountFen: number };
export type AmountError = 'aftersale.line_unknown' | 'aftersale.quantity_exceeded';

/** Fen of k more units of a slot. */
export function shareOf(slot: Slot, k: number): number {
  const units = slot.quantity - slot.heldQty;
  const fen = slot.payableFen - slot.heldFen;
  if (k < 1 || k > units) throw new RangeError(`shareOf: ${k} of ${units} free units`);
  if (fen <= 0) return 0;
  return allocate(fen, [k, units - k], { beyondWeights: true })[0]!;
}

export function shippingRefundable(p: { orderStatus: string; kind: TAfterSaleKind; coversEveryUnit: boolean; shipping: Slot }): number {
  if (p.orderStatus !== 'paid' || p.kind !== 'refund_only' || !p.coversEveryUnit) return 0;
  if (p.shipping.heldQty > 0) return 0;
  return p.shipping.payableFen - p.shipping.heldFen;
}

export type Quote = { lines: QuoteLine[]; shippingFen: number; maxAmountFen: number };

/** The most these units may bring back, line by line, plus shipping by the rule above. */
export function quoteAfterSale(p: {
  orderStatus: string;
  kind: TAfterSaleKind;
  slots: ReadonlyMap<string, Slot>;
  shipping: Slot;
  items: readonly { lineId: string; quantity: number }[];
}): Quote | AmountError {
  const asked = new Map<string, number>();
  for (const it of p.items) asked.set(it.lineId, (asked.get(it.lineId) ?? 0) + it.quantity);
  const lines: QuoteLine[] = [];
  for (const [lineId, k] of asked) {
    const slot = p.slots.get(lineId);
    if (!slot) return 'aftersale.line_unknown';
    if (k > slot.quantity - slot.heldQty) return 'aftersale.quantity_exceeded';
    lines.push({ lineId, quantity: k, amountFen: p.kind === 'exchange' ? 0 : shareOf(slot, k) });
  }
  const coversEveryUnit = [...p.slots].every(([id, s]) => s.heldQty + (asked.get(id) ?? 0) === s.quantity);
  const shippingFen = shippingRefundable({ orderStatus: p.orderStatus, kind: p.kind, coversEveryUnit, shipping: p.shipping });
  return { lines, shippingFen, maxAmountFen: lines.reduce((n, l) => n + l.amountFen, 0) + shippingFen };
}

/**
 * The shopper asked for `askedFen` ≤ the quote's maximum: spread over the lines (and shipping) in
 * proportion to their maximums by largest remainder, so no part exceeds its own maximum.
 */
export function splitAsked(q: Quote, askedFen: number): Quote {
  if (!Number.isSafeInteger(askedFen) || askedFen < 0 || askedFen > q.maxAmountFen) throw new RangeError(`splitAsked: ${askedFen} of ${q.maxAmountFen}`);
  if (askedFen === q.maxAmountFen) return q;
  const parts = allocate(askedFen, [...q.lines.map((l) => l.amountFen), q.shippingFen]);
  return {
    lines: q.lines.map((l, i) => ({ ...l, amountFen: parts[i]! })),
    shippingFen: parts[q.lines.length]!,
    maxAmountFen: askedFen,
  };
}

/** A slot after holding (or, with sign −1, giving back) units and fen; null when that would overrun it. */
export function hold(slot: Slot, qty: number, fen: number, sign: 1 | -1 = 1): Slot | null {
  const heldQty = slot.heldQty + sign * qty;
  const heldFen = slot.heldFen + sign * fen;
  if (heldQty < 0 || heldFen < 0 || heldQty > slot.quantity || heldFen > slot.payableFen) return null;
  return { ...slot, heldQty, heldFen };
}
