import type { TPricedOrder, TRefundItem, TRefundQuote } from '@koi/contracts';
import { cumulativeShare } from './allocate.rules.ts';

type Part = TRefundQuote['totals'];
const ZERO: Part = { amountFen: 0, storedValueFen: 0, cashFen: 0, pointsFen: 0, points: 0 };

export class RefundQuantityError extends RangeError {
  constructor(readonly lineId: string, readonly left: number) {
    super(`refund of line ${lineId}: only ${left} unit(s) left to refund`);
  }
}

/**
 * What goes back when `refund` units are returned, given the units `alreadyRefunded` before. Per
 * line, each part (stored value, cash, points' value, points) is that part's cumulative share of the
 * units refunded so far minus the share already refunded — floor(part × k / quantity) — so any sequence
 * of partial refunds of a line adds up exactly to the line's parts when its last unit comes back.
 * The shipping fee comes back with the last unit of the whole order. Pure.
 */
export function quoteRefund(order: TPricedOrder, refund: readonly TRefundItem[], alreadyRefunded: readonly TRefundItem[] = []): TRefundQuote {
  const sumBy = (items: readonly TRefundItem[]) => {
    const m = new Map<string, number>();
    for (const r of items) m.set(r.lineId, (m.get(r.lineId) ?? 0) + r.quantity);
    return m;
  };
  const done = sumBy(alreadyRefunded);
  const now = sumBy(refund);
  const known = new Set(order.lines.map((l) => l.lineId));
  for (const id of [...done.keys(), ...now.keys()]) if (!known.has(id)) throw new RangeError(`refund: unknown line ${id}`);

  const lines: TRefundQuote['lines'] = [];
  let unitsLeftAfter = 0;
  for (const l of order.lines) {
    const before = done.get(l.lineId) ?? 0;
    const k = now.get(l.lineId) ?? 0;
    if (before > l.quantity) throw new RefundQuantityError(l.lineId, 0);
    if (before + k > l.quantity) throw new RefundQuantityError(l.lineId, l.quantity - before);
    unitsLeftAfter += l.quantity - before - k;
    if (k === 0) continue;
    const share = (amount: number) => cumulativeShare(amount, l.quantity, before, k);
    const pointsFen = l.discounts.filter((d) => d.source === 'points').reduce((a, d) => a + d.amountFen, 0);
    const storedValueFen = share(l.storedValueFen);
    const cashFen = share(l.cashFen);
    lines.push({ lineId: l.lineId, quantity: k, amountFen: storedValueFen + cashFen, storedValueFen, cashFen, pointsFen: share(pointsFen), points: share(l.points) });
  }
  const wasComplete = order.lines.every((l) => (done.get(l.lineId) ?? 0) === l.quantity);
  const s = order.shipping;
  const shipping: Part | null = unitsLeftAfter === 0 && !wasComplete && order.lines.length > 0
    ? { amountFen: s.payableFen, storedValueFen: s.storedValueFen, cashFen: s.cashFen, pointsFen: s.pointsFen, points: s.points }
    : null;
  const totals = [...lines, ...(shipping ? [shipping] : [])].reduce<Part>(
    (t, p) => ({ amountFen: t.amountFen + p.amountFen, storedValueFen: t.storedValueFen + p.storedValueFen, cashFen: t.cashFen + p.cashFen, pointsFen: t.pointsFen + p.pointsFen, points: t.points + p.points }),
    ZERO,
  );
  return { lines, shipping, totals };
}
