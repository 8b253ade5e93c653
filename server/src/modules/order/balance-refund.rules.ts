/**
 * How a refund of an order line (or the shipping slot) splits between the stored-value balance and
 * the provider (WeChat/Alipay) when the order was paid partly from the balance (issue 8).
 *
 * Checkout allocated the balance payment to the lines by largest remainder (`balanceFen` of a line
 * whose allocated payable is `payableFen`). Each refund gives back the balance in proportion to what
 * the line has refunded so far, counted cumulatively: the balance part of refunding `cumulative`
 * fen is ⌊cumulative × balanceFen / payableFen⌋, and all of `balanceFen` once the line is refunded in
 * full. A refund's balance part is the difference between that target after and before it, so
 * partial refunds add up to exactly the line's balance share — never a fen more or less — and the
 * provider part never exceeds what the provider collected for the line.
 */
export type LineMoney = { payableFen: number; balanceFen: number };

function balanceTarget(line: LineMoney, cumulativeFen: number): number {
  if (cumulativeFen >= line.payableFen) return line.balanceFen;
  if (cumulativeFen <= 0 || line.payableFen <= 0) return 0;
  return Math.floor((cumulativeFen * line.balanceFen) / line.payableFen);
}

/**
 * The split of refunding `amountFen` more of `line`, `refundedBeforeFen` having been refunded
 * already. Null when the refund would pass the line's payable (the caller's bug, not the shopper's).
 */
export function splitLineRefund(line: LineMoney, refundedBeforeFen: number, amountFen: number): { balanceFen: number; cashFen: number } | null {
  if (amountFen < 0 || refundedBeforeFen < 0 || refundedBeforeFen + amountFen > line.payableFen) return null;
  const balanceFen = balanceTarget(line, refundedBeforeFen + amountFen) - balanceTarget(line, refundedBeforeFen);
  return { balanceFen, cashFen: amountFen - balanceFen };
}
