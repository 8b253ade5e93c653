import {
  DEFAULT_PRICING_POLICY, type TDryRunResult, type TDryRunSampleOrder, type TLocalText, type TPricedOrder, type TPricingCoupon, type TPricingInput,
  type TPricingPromotion,
} from '@koi/contracts';
import { priceCart } from '../pricing/index.ts';

/** The id the draft carries inside the engine (it is never stored). */
export const DRAFT_ID = 'dry-run-draft';

export type DryRunDraft = { promotion: TPricingPromotion; coupon?: undefined } | { coupon: TPricingCoupon; promotion?: undefined };
/** A line as it was sold (the order module's snapshot). */
export type SoldLine = { skuId: string; productId: string; quantity: number; unitPriceFen: number; listPriceFen: number | null };
export type SoldOrder = { id: string; orderNo: string; customerId: string; createdAt: string; shippingFen: number; lines: SoldLine[] };
/** What the catalog knows of a SKU now; undefined when the SKU is gone (no category, no cost). */
export type SkuFacts = { categoryIds: string[]; costPriceFen: number | null; weightGrams: number };
export type OrderEffect = { order: SoldOrder; before: TPricedOrder; after: TPricedOrder; costs: (number | null)[] };

/**
 * Prices one past order twice with the one pricing engine — with today's running promotions, then
 * with the draft added (a promotion among them, or a coupon template as if the shopper held one of
 * its coupons) — at `now`, on the lines as sold (their unit prices and quantities). The difference
 * is the draft's effect; no second formula.
 */
export function replayOrder(order: SoldOrder, facts: (skuId: string) => SkuFacts | undefined, running: TPricingPromotion[], draft: DryRunDraft, now: string): OrderEffect {
  const found = order.lines.map((l) => facts(l.skuId));
  const base: TPricingInput = {
    lines: order.lines.map((l, i) => ({
      lineId: String(i), skuId: l.skuId, productId: l.productId, categoryIds: found[i]?.categoryIds ?? [], quantity: l.quantity,
      unitPriceFen: l.unitPriceFen, listPriceFen: l.listPriceFen, weightGrams: found[i]?.weightGrams ?? 0,
    })),
    context: { customerId: order.customerId, memberLevelId: null, isFirstOrder: false, now },
    promotions: running, coupons: [], points: null, shippingFen: order.shippingFen, storedValue: null, policy: DEFAULT_PRICING_POLICY,
  };
  const before = priceCart(base);
  const after = draft.promotion ? priceCart({ ...base, promotions: [...running, draft.promotion] }) : priceCart({ ...base, coupons: [draft.coupon] });
  return { order, before, after, costs: found.map((f) => f?.costPriceFen ?? null) };
}

export type DryRunTally = {
  sampleSize: number; ordersScanned: number; customers: Set<string>; ordersTouched: number; touchedCustomers: Set<string>;
  discountCostFen: number; revenueBeforeFen: number; revenueAfterFen: number; marginBeforeFen: number; marginAfterFen: number;
  costedRevenueBeforeFen: number; costedRevenueAfterFen: number; costFen: number; lines: number; linesWithoutCost: number;
  applied: number; notApplied: Map<string, { count: number; text: TLocalText }>; sample: TDryRunSampleOrder[];
};

export function newTally(sampleSize: number): DryRunTally {
  return {
    sampleSize, ordersScanned: 0, customers: new Set(), ordersTouched: 0, touchedCustomers: new Set(), discountCostFen: 0, revenueBeforeFen: 0, revenueAfterFen: 0,
    marginBeforeFen: 0, marginAfterFen: 0, costedRevenueBeforeFen: 0, costedRevenueAfterFen: 0, costFen: 0, lines: 0, linesWithoutCost: 0,
    applied: 0, notApplied: new Map(), sample: [],
  };
}

const bySample = (a: TDryRunSampleOrder, b: TDryRunSampleOrder) => b.deltaFen - a.deltaFen || (a.orderNo < b.orderNo ? -1 : a.orderNo > b.orderNo ? 1 : 0);

/**
 * Adds one order's effect to the running tally (the accumulator is the only thing it changes, so a
 * scan of any size keeps one tally and the sample's `sampleSize` orders in memory). An order is
 * touched when the draft changed its payable; margin counts only lines whose SKU has a cost price.
 */
export function addEffect(t: DryRunTally, e: OrderEffect): void {
  const before = e.before.totals.payableFen;
  const after = e.after.totals.payableFen;
  const delta = before - after;
  t.ordersScanned++;
  t.customers.add(e.order.customerId);
  t.revenueBeforeFen += before;
  t.revenueAfterFen += after;
  t.discountCostFen += delta;
  e.costs.forEach((unitCost, i) => {
    t.lines++;
    if (unitCost === null) {
      t.linesWithoutCost++;
      return;
    }
    const cost = unitCost * e.order.lines[i]!.quantity;
    const b = e.before.lines[i]!.payableFen;
    const a = e.after.lines[i]!.payableFen;
    t.costFen += cost;
    t.costedRevenueBeforeFen += b;
    t.costedRevenueAfterFen += a;
    t.marginBeforeFen += b - cost;
    t.marginAfterFen += a - cost;
  });
  if (e.after.applied.some((a) => a.sourceId === DRAFT_ID)) t.applied++;
  for (const n of e.after.notApplied) {
    if (n.sourceId !== DRAFT_ID) continue;
    const seen = t.notApplied.get(n.code);
    if (seen) seen.count++;
    else t.notApplied.set(n.code, { count: 1, text: n.text });
  }
  if (delta === 0) return;
  t.ordersTouched++;
  t.touchedCustomers.add(e.order.customerId);
  if (t.sampleSize === 0) return;
  const row = { orderId: e.order.id, orderNo: e.order.orderNo, customerId: e.order.customerId, createdAt: e.order.createdAt, beforeFen: before, afterFen: after, deltaFen: delta };
  if (t.sample.length === t.sampleSize && bySample(row, t.sample[t.sample.length - 1]!) >= 0) return;
  t.sample.push(row);
  t.sample.sort(bySample);
  if (t.sample.length > t.sampleSize) t.sample.pop();
}

export type DryRunFigures = Omit<TDryRunResult, 'target' | 'days' | 'from' | 'to' | 'elapsedMs'>;

/** The tally as the operator sees it; average order values are rounded to the fen. */
export function summarize(t: DryRunTally): DryRunFigures {
  const avg = (fen: number) => (t.ordersScanned ? Math.round(fen / t.ordersScanned) : 0);
  const rate = (margin: number, revenue: number) => (revenue > 0 ? Math.round((margin * 10_000) / revenue) : null);
  return {
    ordersScanned: t.ordersScanned, customersScanned: t.customers.size, ordersTouched: t.ordersTouched, customersTouched: t.touchedCustomers.size,
    discountCostFen: t.discountCostFen, revenueBeforeFen: t.revenueBeforeFen, revenueAfterFen: t.revenueAfterFen,
    aovBeforeFen: avg(t.revenueBeforeFen), aovAfterFen: avg(t.revenueAfterFen), aovChangeFen: avg(t.revenueAfterFen) - avg(t.revenueBeforeFen),
    marginBeforeFen: t.marginBeforeFen, marginAfterFen: t.marginAfterFen, marginChangeFen: t.marginAfterFen - t.marginBeforeFen,
    marginRateBeforeBp: rate(t.marginBeforeFen, t.costedRevenueBeforeFen), marginRateAfterBp: rate(t.marginAfterFen, t.costedRevenueAfterFen), costedRevenueBeforeFen: t.costedRevenueBeforeFen, costedRevenueAfterFen: t.costedRevenueAfterFen,
    costFen: t.costFen, lines: t.lines, linesWithoutCost: t.linesWithoutCost, applied: t.applied,
    notApplied: [...t.notApplied].map(([code, v]) => ({ code, count: v.count, text: v.text })).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
    sample: t.sample.slice(),
  };
}
