/**
 * The price breakdown of a confirm page or an order, as rows to print: goods, each kind of discount
 * that took something off, shipping and its discount. Only the server's numbers, never a sum made
 * here; a discount of zero is left out. Pure (tests/unit/price-rows.test.ts).
 */
export interface PriceBreakdown {
  itemsTotalFen: number;
  promotionDiscountFen: number;
  couponDiscountFen: number;
  /** 改价 on an order: positive takes off, negative adds. */
  adjustmentFen?: number;
  shippingFen: number;
  shippingDiscountFen: number;
  /** 积分抵扣 (issue 8): taken off the payable. */
  pointsFen?: number;
  /** 余额支付: the part of the payable the stored-value balance pays. */
  balanceFen?: number;
}

export type PriceRowKey = 'items' | 'promotion' | 'coupon' | 'adjustment' | 'shipping' | 'shippingDiscount' | 'points' | 'balance';

export interface PriceRow {
  key: PriceRowKey;
  /** Always ≥ 0; `sign` says which way it goes. */
  fen: number;
  sign: '' | '-' | '+';
  /** Shipping of 0: print 免运费 instead of ¥0.00. */
  free?: boolean;
}

export function priceRows(b: PriceBreakdown): PriceRow[] {
  const rows: PriceRow[] = [{ key: 'items', fen: b.itemsTotalFen, sign: '' }];
  if (b.promotionDiscountFen > 0) rows.push({ key: 'promotion', fen: b.promotionDiscountFen, sign: '-' });
  if (b.couponDiscountFen > 0) rows.push({ key: 'coupon', fen: b.couponDiscountFen, sign: '-' });
  const adj = b.adjustmentFen ?? 0;
  if (adj !== 0) rows.push({ key: 'adjustment', fen: Math.abs(adj), sign: adj > 0 ? '-' : '+' });
  rows.push(b.shippingFen > 0 ? { key: 'shipping', fen: b.shippingFen, sign: '+' } : { key: 'shipping', fen: 0, sign: '', free: true });
  if (b.shippingDiscountFen > 0) rows.push({ key: 'shippingDiscount', fen: b.shippingDiscountFen, sign: '-' });
  if ((b.pointsFen ?? 0) > 0) rows.push({ key: 'points', fen: b.pointsFen!, sign: '-' });
  if ((b.balanceFen ?? 0) > 0) rows.push({ key: 'balance', fen: b.balanceFen!, sign: '-' });
  return rows;
}
