/**
 * 改价: an unpaid order's goods amount changes to `targetFen`; the difference is spread over the
 * lines in proportion to what each line pays now, by the largest-remainder method, so the lines
 * still sum to the order exactly and no line goes below zero. A positive share is a further
 * reduction, a negative one a raise. Lines are never raised above their subtotal.
 */
export function spreadAdjustment(linePayables: readonly number[], lineSubtotals: readonly number[], targetFen: number): number[] | null {
  const current = linePayables.reduce((a, b) => a + b, 0);
  const ceiling = lineSubtotals.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(targetFen) || targetFen < 0 || targetFen > ceiling) return null;
  const delta = current - targetFen; // what comes off (negative: what goes on)
  if (delta === 0) return linePayables.map(() => 0);
  // Reductions follow what lines pay; raises follow the room each line has up to its subtotal.
  const weights = delta > 0 ? linePayables : linePayables.map((p, i) => lineSubtotals[i]! - p);
  const shares = largestRemainder(Math.abs(delta), weights);
  return shares.map((s) => (delta > 0 ? s : 0 - s || 0));
}

/** Splits `amount` (fen) over `weights` exactly; ties go to the earlier line. Zero weights get nothing. */
export function largestRemainder(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return weights.map(() => 0);
  const base = weights.map((w) => Math.floor((amount * w) / total));
  let left = amount - base.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => ({ i, r: (amount * w) % total })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (weights[i]! > 0) { base[i]!++; left--; }
  }
  return base;
}
