import {
  DEFAULT_PRICING_POLICY, type TDryRunResult, type TDryRunSampleOrder, type TLocalText, type TPricedOrder, type TPricingCoupon, type TPricingInput,
  type TPricingPromotion,
} from '@koi/contracts';
import { KINDS, priceCart, type AnyKind, type KindRegistry } from '../pricing/index.ts';

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
export function replayOrder(
  order: SoldOrder, facts: (skuId: string) => SkuFacts | undefined, running: TPricingPromotion[], draft: DryRunDraft, now: string, opts: ReplayOptions = {},
): OrderEffect {
  const found = order.lines.map((l) => facts(l.skuId));
  const { before, after } = priceBoth(order.lines, found, order.customerId, order.shippingFen, running, draft, now, opts);
  return { order, before, after, costs: found.map((f) => f?.costPriceFen ?? null) };
}

/**
 * How one run replays many orders faster with the same engine: `registry` (from `parseOnce`) parses
 * each promotion's args once per run instead of once per order, and `memo` keeps the engine's two
 * results per cart shape — the lines (SKU, quantity, prices), the shipping fee and whether there is
 * a customer — since within a run nothing else of the engine's input differs between two orders:
 * the context holds no member level and no first order, and kinds read the customer only as
 * signed in or not. The engine is pure, so a remembered result is the result.
 */
export type ReplayOptions = { registry?: KindRegistry; memo?: Map<string, { before: TPricedOrder; after: TPricedOrder }> };
/** Shapes remembered at most (a run over 100,000 orders of few distinct carts stays small; a varied one stops remembering). */
const MEMO_MAX = 50_000;

/** The engine's input for lines as given, with and without the draft (no coupon, points or member level besides). */
function priceBoth(
  lines: SoldLine[], found: (SkuFacts | undefined)[], customerId: string | null, shippingFen: number, running: TPricingPromotion[], draft: DryRunDraft, now: string,
  opts: ReplayOptions = {},
): { before: TPricedOrder; after: TPricedOrder } {
  let key: string | null = null;
  if (opts.memo) {
    key = `${customerId === null ? 0 : 1}|${shippingFen}`;
    for (const l of lines) key += `|${l.skuId}:${l.quantity}:${l.unitPriceFen}:${l.listPriceFen ?? ''}`;
    const seen = opts.memo.get(key);
    if (seen) return seen;
  }
  const registry = opts.registry ?? KINDS;
  const base: TPricingInput = {
    lines: lines.map((l, i) => ({
      lineId: String(i), skuId: l.skuId, productId: l.productId, categoryIds: found[i]?.categoryIds ?? [], quantity: l.quantity,
      unitPriceFen: l.unitPriceFen, listPriceFen: l.listPriceFen, weightGrams: found[i]?.weightGrams ?? 0,
    })),
    context: { customerId, memberLevelId: null, isFirstOrder: false, now },
    promotions: running, coupons: [], points: null, shippingFen, storedValue: null, policy: DEFAULT_PRICING_POLICY,
  };
  const before = priceCart(base, registry);
  const after = draft.promotion ? priceCart({ ...base, promotions: [...running, draft.promotion] }, registry) : priceCart({ ...base, coupons: [draft.coupon] }, registry);
  if (key !== null && opts.memo!.size < MEMO_MAX) opts.memo!.set(key, { before, after });
  return { before, after };
}

/**
 * The same kinds, each with its args' parse remembered per args object (the running promotions and
 * the draft keep theirs for the whole run): the engine still checks every candidate's args, the
 * schema runs once per promotion instead of once per order.
 */
export function parseOnce(registry: KindRegistry): KindRegistry {
  function remembered<K extends AnyKind>(k: K): K {
    const seen = new WeakMap<object, unknown>();
    const args = Object.create(k.args) as K['args'];
    Object.defineProperty(args, 'safeParse', {
      value: (data: unknown) => {
        if (typeof data !== 'object' || data === null) return k.args.safeParse(data);
        if (!seen.has(data)) seen.set(data, k.args.safeParse(data));
        return seen.get(data);
      },
    });
    return { ...k, args };
  }
  return {
    promotions: new Map([...registry.promotions].map(([name, k]) => [name, remembered(k)])),
    coupons: new Map([...registry.coupons].map(([name, k]) => [name, remembered(k)])),
  };
}

/** An open cart: its selected lines at today's prices (SKUs gone or off sale are left out), no shipping. */
export type OpenCartLine = { skuId: string; productId: string; quantity: number; unitPriceFen: number; listPriceFen: number | null; facts: SkuFacts };
export type CartTally = { cartsScanned: number; cartsTouched: number; customers: Set<string>; discountCostFen: number; valueBeforeFen: number; valueAfterFen: number };

export const newCartTally = (): CartTally => ({ cartsScanned: 0, cartsTouched: 0, customers: new Set(), discountCostFen: 0, valueBeforeFen: 0, valueAfterFen: 0 });

/** Prices an open cart with and without the draft, like an order, and adds it to the carts' tally. */
export function replayCart(
  t: CartTally, shopperId: string | null, lines: OpenCartLine[], running: TPricingPromotion[], draft: DryRunDraft, now: string, opts: ReplayOptions = {},
): void {
  if (!lines.length) return;
  const { before, after } = priceBoth(lines, lines.map((l) => l.facts), shopperId, 0, running, draft, now, opts);
  const delta = before.totals.payableFen - after.totals.payableFen;
  t.cartsScanned++;
  t.valueBeforeFen += before.totals.payableFen;
  t.valueAfterFen += after.totals.payableFen;
  t.discountCostFen += delta;
  if (delta === 0) return;
  t.cartsTouched++;
  if (shopperId) t.customers.add(shopperId);
}

export function summarizeCarts(t: CartTally): TDryRunResult['openCarts'] {
  const { cartsScanned, cartsTouched, discountCostFen, valueBeforeFen, valueAfterFen } = t;
  return { cartsScanned, cartsTouched, customersTouched: t.customers.size, discountCostFen, valueBeforeFen, valueAfterFen };
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

export type DryRunFigures = Omit<TDryRunResult, 'target' | 'days' | 'from' | 'to' | 'elapsedMs' | 'openCarts'>;

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
