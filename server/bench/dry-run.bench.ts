/**
 * The promotion dry-run (issue 8 point 7) over 100,000 sold orders on PostgreSQL (DATABASE_URL; skipped
 * without it): a 满300减40 draft replayed through the pricing engine by the streaming dry-run
 * (one lean keyset statement per page of orders with their lines, SKU facts once per SKU, args parsed
 * once per run, the engine's two results remembered per cart shape, next page read while this one
 * is priced) — also without the shape memo, since this fixture's carts repeat far more than a real
 * shop's (its SKUs cycle: at most 12 × the demo's SKU count distinct shapes) — against two naive
 * baselines in the same run: (1) every order and line of the window loaded into memory at once, then
 * priced; (2) one catalog query per order (measured on the first 2,000 orders, rate extrapolated to
 * the whole window and labelled so). Heap is sampled every 20 ms; target < 5 s for 100k orders.
 * The orders are generated with SQL straight into the order tables (a benchmark fixture, not a path
 * the server has): 1–4 lines of the demo's SKUs, 5,000 customers, spread over 29 days.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { TDryRunResult } from '@koi/contracts';
import { startKoi, type TestKoi } from '../test/harness.ts';
import { clock } from '../src/platform/clock.ts';
import { createPromotionDryRun, draftOf, type DryRunRequest } from '../src/modules/promotion/dry-run.ts';
import { addEffect, newTally, replayOrder, summarize, type SkuFacts, type SoldOrder } from '../src/modules/promotion/dry-run.rules.ts';
import { emit } from './lib.ts';

const ORDERS = Number(process.env.KOI_BENCH_DRY_RUN_ORDERS ?? 100_000);
const PER_ORDER_SAMPLE = 2_000;

const request: DryRunRequest = {
  target: 'promotion', days: 30, sampleSize: 20,
  draft: {
    kind: 'full_reduction', name: '满300减40', args: { tiers: [{ thresholdFen: 30000, discountFen: 4000 }], repeat: false },
    scope: { type: 'all', ids: [], excludeProductIds: [] }, startsAt: new Date().toISOString(), endsAt: null, priority: 0, status: 'draft',
  },
};

/** Runs `f` and reports its wall time and the heap's peak above where it started. */
async function measured<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; peakHeapMb: number }> {
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 20);
  const t0 = performance.now();
  try {
    const value = await f();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { value, ms: Math.round(performance.now() - t0), peakHeapMb: Math.round((peak - start) / 1048576) };
  } finally {
    clearInterval(timer);
  }
}

/** The fixture: `count` paid orders of 1–4 lines of the demo's SKUs, 5,000 customers, over 29 days. Returns the line count. */
export async function fillOrders(koi: TestKoi, count: number): Promise<number> {
  await koi.db.run((q) => q.execute(sql`create temp table bench_skus as select id, product_id, price_fen, (row_number() over (order by id) - 1)::int as idx from catalog_skus`));
  const [{ n }] = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from bench_skus`);
  await koi.db.run((q) => q.execute(sql`
    insert into orders (id, order_no, customer_id, status, applied, coupon_ids, created_at, updated_at, paid_at, shipping_fen)
    select gen_random_uuid(), 'BENCH' || g, md5('bench-customer-' || (g % 5000))::uuid, 'paid', '[]'::jsonb, '[]'::jsonb,
           now() - make_interval(secs => (g * 25) % (29 * 86400)), now(), now(), case when g % 3 = 0 then 1000 else 0 end
    from generate_series(1, ${count}) g`));
  await koi.db.run((q) => q.execute(sql`
    insert into order_lines (id, order_id, position, sku_id, product_id, title, spec_values, quantity, unit_price_fen, subtotal_fen, discounts, discount_fen, payable_fen)
    select gen_random_uuid(), o.id, k, s.id, s.product_id, 'bench', '[]'::jsonb, 1 + (o.g + k) % 3, s.price_fen, s.price_fen * (1 + (o.g + k) % 3), '[]'::jsonb, 0,
           s.price_fen * (1 + (o.g + k) % 3)
    from (select id, substr(order_no, 6)::int as g from orders where order_no like 'BENCH%') o
    cross join generate_series(0, 3) k
    join bench_skus s on s.idx = (o.g * 7 + k * 13) % ${n}
    where k <= o.g % 4`));
  await koi.db.run((q) => q.execute(sql`analyze orders; analyze order_lines`));
  const [{ lines }] = await koi.db.rows<{ lines: number }>(sql`select count(*)::int as lines from order_lines`);
  return lines;
}

export async function run(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    emit({ bench: 'dry-run', skipped: 'DATABASE_URL not set (PostgreSQL only)' });
    return;
  }
  const koi = await startKoi('postgres');
  try {
    const t0 = performance.now();
    const lines = await fillOrders(koi, ORDERS);
    const generatedMs = Math.round(performance.now() - t0);

    const dryRun = createPromotionDryRun({ promotion: koi.promotion, orders: koi.orders, catalog: koi.catalog, carts: koi.cart });
    await dryRun.run({ ...request, days: 1 }); // warm up the JIT and the connection pool
    const streaming = await measured(() => dryRun.run(request));
    // The same without remembering results per cart shape (the fixture's carts repeat far more than a real shop's).
    const everyOrder = createPromotionDryRun({ promotion: koi.promotion, orders: koi.orders, catalog: koi.catalog, carts: koi.cart, rememberShapes: false });
    const streamingEveryOrder = await measured(() => everyOrder.run(request));

    // Baseline 1: the whole window in memory at once, SKU facts in one query, then priced the same way.
    const naive = await measured(async () => {
      const now = clock.now();
      const from = new Date(now.getTime() - request.days * 86_400_000);
      const all = await koi.db.rows<{ id: string; order_no: string; customer_id: string; created_at: Date; shipping_fen: string | number; status: string }>(
        sql`select id, order_no, customer_id, created_at, shipping_fen, status from orders where created_at >= ${from} and created_at <= ${now}`);
      const byOrder = await koi.orders.queries.linesFor(all.map((o) => o.id));
      const skuIds = [...new Set([...byOrder.values()].flatMap((ls) => ls.map((l) => l.skuId)))];
      const snaps = await koi.catalog.skuSnapshots(skuIds);
      const facts = (id: string): SkuFacts | undefined => snaps.get(id);
      const draft = draftOf(koi.promotion.registry, request);
      const running = await koi.promotion.activeFor(now);
      const tally = newTally(20);
      for (const o of all) {
        if (!['paid', 'shipped', 'completed'].includes(o.status)) continue;
        const sold: SoldOrder = {
          id: o.id, orderNo: o.order_no, customerId: o.customer_id, createdAt: new Date(o.created_at).toISOString(), shippingFen: Number(o.shipping_fen),
          lines: byOrder.get(o.id)!.map((l) => ({ skuId: l.skuId, productId: l.productId, quantity: l.quantity, unitPriceFen: l.unitPriceFen, listPriceFen: l.listPriceFen })),
        };
        if (sold.lines.length) addEffect(tally, replayOrder(sold, facts, running, draft, now.toISOString()));
      }
      return summarize(tally);
    });

    // Baseline 2: a catalog query per order (what a loop over "load order, look its SKUs up" does).
    const perOrder = await measured(async () => {
      const draft = draftOf(koi.promotion.registry, request);
      const now = clock.now();
      const running = await koi.promotion.activeFor(now);
      let done = 0;
      for await (const page of koi.orders.queries.adminScan({ status: 'all' }, 500)) {
        for (const { order, lines: ls } of page) {
          const snaps = await koi.catalog.skuSnapshots(ls.map((l) => l.skuId));
          replayOrder({ id: order.id, orderNo: order.orderNo, customerId: order.customerId, createdAt: order.createdAt.toISOString(), shippingFen: order.shippingFen, lines: ls },
            (id) => snaps.get(id), running, draft, now.toISOString());
          if (++done >= PER_ORDER_SAMPLE) return done;
        }
      }
      return done;
    });

    // Where the time goes: the same lean keyset scan with no pricing at all (the rest is the engine's two runs per order).
    const scanOnly = await measured(async () => {
      let k = 0;
      const now = clock.now();
      for await (const page of koi.orders.queries.soldScan({ from: new Date(now.getTime() - request.days * 86_400_000), to: now }, 4000)) k += page.length;
      return k;
    });

    const r: TDryRunResult = streaming.value;
    const same = naive.value.discountCostFen === r.discountCostFen && naive.value.ordersTouched === r.ordersTouched && naive.value.marginAfterFen === r.marginAfterFen;
    emit({
      bench: 'dry-run', database: 'postgres', orders: ORDERS, lines, generatedMs,
      streaming: { ms: streaming.ms, peakHeapMb: streaming.peakHeapMb, ordersPerSecond: Math.round(r.ordersScanned / (streaming.ms / 1000)), targetMs: 5000, withinTarget: streaming.ms < 5000 },
      streamingWithoutShapeMemo: {
        ms: streamingEveryOrder.ms, peakHeapMb: streamingEveryOrder.peakHeapMb, withinTarget: streamingEveryOrder.ms < 5000,
        sameFigures: streamingEveryOrder.value.discountCostFen === r.discountCostFen && streamingEveryOrder.value.marginAfterFen === r.marginAfterFen && streamingEveryOrder.value.applied === r.applied,
      },
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
      breakdown: { scanOnlyMs: scanOnly.ms, engineEvaluations: 2 * r.ordersScanned, engineAndTallyMs: streaming.ms - scanOnly.ms },
      naiveAllInMemory: { ms: naive.ms, peakHeapMb: naive.peakHeapMb, ratioToStreaming: Math.round((naive.ms / streaming.ms) * 100) / 100, sameFigures: same },
      naiveQueryPerOrder: {
        measuredOrders: perOrder.value, ms: perOrder.ms,
        extrapolatedMsForAll: Math.round((perOrder.ms / perOrder.value) * r.ordersScanned), ratioToStreaming: Math.round(((perOrder.ms / perOrder.value) * r.ordersScanned / streaming.ms) * 100) / 100,
      },
      figures: {
        ordersScanned: r.ordersScanned, ordersTouched: r.ordersTouched, customersTouched: r.customersTouched, discountCostFen: r.discountCostFen,
        aovBeforeFen: r.aovBeforeFen, aovAfterFen: r.aovAfterFen, marginBeforeFen: r.marginBeforeFen, marginAfterFen: r.marginAfterFen,
      },
    });
  } finally {
    await koi.dispose();
  }
}
