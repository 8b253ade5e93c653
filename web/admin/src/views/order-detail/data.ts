import type { TAdminOrderDetail, TOrderLine } from '@koi/contracts';
import type { TOrderAdjustInput } from '@/api/orders';
import { fenToYuanText, parseYuan, type TYuanError } from '@/utils/money';

type TDiscount = TOrderLine['discounts'][number];

// ---- allocation: line × discount source ----------------------------------------------------------

/** One discount source as a column: a promotion, a coupon, points, a 改价. */
export interface TAllocationColumn {
  key: string;
  source: TDiscount['source'];
  label: string;
}

export interface TAllocationRow {
  lineId: string;
  title: string;
  spec: string;
  quantity: number;
  unitPriceFen: number;
  subtotalFen: number;
  /** Per column key; a source that did not touch the line is absent. */
  amounts: Record<string, number>;
  discountFen: number;
  payableFen: number;
}

export interface TAllocationTable {
  columns: TAllocationColumn[];
  rows: TAllocationRow[];
  /** Column sums over the lines (what the order-level figures must equal). */
  totals: { subtotalFen: number; amounts: Record<string, number>; discountFen: number; payableFen: number };
}

const columnKey = (d: TDiscount): string => `${d.source}:${d.sourceId ?? d.label}`;

/**
 * The per-line allocation the server made, as a table: a row per line, a column per discount
 * source in the order the sources first appear, and a totals row that adds the server's numbers up.
 */
export function allocationTable(lines: readonly TOrderLine[]): TAllocationTable {
  const columns: TAllocationColumn[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    for (const d of line.discounts) {
      const key = columnKey(d);
      if (seen.has(key)) continue;
      seen.add(key);
      columns.push({ key, source: d.source, label: d.label });
    }
  }
  const totals = { subtotalFen: 0, amounts: Object.fromEntries(columns.map((c) => [c.key, 0])) as Record<string, number>, discountFen: 0, payableFen: 0 };
  const rows = lines.map((line) => {
    const amounts: Record<string, number> = {};
    for (const d of line.discounts) {
      const key = columnKey(d);
      amounts[key] = (amounts[key] ?? 0) + d.amountFen;
      totals.amounts[key] = (totals.amounts[key] ?? 0) + d.amountFen;
    }
    totals.subtotalFen += line.subtotalFen;
    totals.discountFen += line.discountFen;
    totals.payableFen += line.payableFen;
    return {
      lineId: line.id,
      title: line.title,
      spec: line.specValues.join(' / '),
      quantity: line.quantity,
      unitPriceFen: line.unitPriceFen,
      subtotalFen: line.subtotalFen,
      amounts,
      discountFen: line.discountFen,
      payableFen: line.payableFen,
    };
  });
  return { columns, rows, totals };
}

export type TMismatch = 'items' | 'promotion' | 'coupon' | 'adjustment' | 'payable';

/**
 * Where the lines do not add up to the order's own figures (they always should: the server
 * allocates by the largest-remainder method). Shown as a warning, never corrected here.
 */
export function reconcile(order: Pick<TAdminOrderDetail, 'itemsTotalFen' | 'promotionDiscountFen' | 'couponDiscountFen' | 'adjustmentFen' | 'payableFen' | 'shippingFen' | 'shippingDiscountFen'>, table: TAllocationTable): TMismatch[] {
  const bySource = (source: TDiscount['source']) => table.columns.filter((c) => c.source === source).reduce((sum, c) => sum + (table.totals.amounts[c.key] ?? 0), 0);
  const out: TMismatch[] = [];
  if (table.totals.subtotalFen !== order.itemsTotalFen) out.push('items');
  if (bySource('promotion') !== order.promotionDiscountFen) out.push('promotion');
  if (bySource('coupon') !== order.couponDiscountFen) out.push('coupon');
  if (bySource('adjustment') !== order.adjustmentFen) out.push('adjustment');
  if (table.totals.payableFen + order.shippingFen - order.shippingDiscountFen !== order.payableFen) out.push('payable');
  return out;
}

// ---- 改价 ----------------------------------------------------------------------------------------

export interface TAdjustForm {
  /** Yuan text: what the goods cost after the change. */
  items: string;
  /** Yuan text: the shipping after the change. */
  shipping: string;
  reason: string;
}

/** The form starts from what the buyer would pay now: the lines' payable and the shipping after its discount. */
export function adjustFormFor(order: Pick<TAdminOrderDetail, 'lines' | 'shippingFen' | 'shippingDiscountFen'>): TAdjustForm {
  const items = order.lines.reduce((sum, l) => sum + l.payableFen, 0);
  return { items: fenToYuanText(items), shipping: fenToYuanText(order.shippingFen - order.shippingDiscountFen), reason: '' };
}

export type TAdjustResult = { ok: true; body: TOrderAdjustInput } | { ok: false; field: 'items' | 'shipping' | 'reason'; error: TYuanError | 'reason' };

export function toAdjustInput(form: TAdjustForm): TAdjustResult {
  const items = parseYuan(form.items);
  if (!items.ok) return { ok: false, field: 'items', error: items.error };
  const shipping = parseYuan(form.shipping);
  if (!shipping.ok) return { ok: false, field: 'shipping', error: shipping.error };
  const reason = form.reason.trim();
  if (!reason || reason.length > 200) return { ok: false, field: 'reason', error: 'reason' };
  return { ok: true, body: { itemsPayableFen: items.fen, shippingFen: shipping.fen, reason } };
}
