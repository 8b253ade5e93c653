/**
 * Segment count (issue 7 "Done when"): a 3-condition rule — 浙江 (region 33…) AND spent ≥ ¥500 in
 * 365 days AND ≥ 2 product views in 30 days — counted by the compiled SQL on PostgreSQL
 * (DATABASE_URL; skipped without it) over generated customers, orders and behaviour events; target
 * < 500 ms at 1,000,000 customers and 10,000,000 events. p50/p95 over several runs, against a naive
 * baseline in the same run: load every customer's facts in batches of 10,000 and evaluate the
 * reference evaluator in Node (measured on up to KOI_BENCH_BASELINE_CUSTOMERS customers and
 * extrapolated linearly beyond, labelled so).
 *
 * Sizes: KOI_BENCH_CUSTOMERS (1,000,000), KOI_BENCH_EVENTS (10,000,000), KOI_BENCH_ORDERS (3 per
 * customer), KOI_BENCH_RUNS (9). The data are generated with generate_series straight into the
 * tables (a benchmark fixture): regions over 6 provinces, orders over 2 years, events over a year,
 * and the per-day event rollup (behaviour_daily_counts) rebuilt from those events.
 */
import { sql } from 'drizzle-orm';
import type { TSegmentRule } from '@koi/contracts';
import { migrate } from '../src/platform/migrate.ts';
import { segmentCount } from '../src/modules/audience/segment-query.ts';
import { loadSegmentFacts } from '../src/modules/audience/facts-load.ts';
import { matches } from '../src/modules/audience/segment-rule.rules.ts';
import { openTestDb } from '../test/databases.ts';
import { emit } from './lib.ts';

const CUSTOMERS = Number(process.env.KOI_BENCH_CUSTOMERS ?? 1_000_000);
const EVENTS = Number(process.env.KOI_BENCH_EVENTS ?? 10_000_000);
const ORDERS = Number(process.env.KOI_BENCH_ORDERS ?? CUSTOMERS * 3);
const RUNS = Number(process.env.KOI_BENCH_RUNS ?? 9);
const BASELINE_MAX = Number(process.env.KOI_BENCH_BASELINE_CUSTOMERS ?? 100_000);
const BATCH = 10_000;

const RULE: TSegmentRule = {
  type: 'group', op: 'and', items: [
    { type: 'region', prefix: '33' },
    { type: 'order_spend', withinDays: 365, cmp: 'gte', valueFen: 50_000 },
    { type: 'event_count', eventType: 'product_view', withinDays: 30, cmp: 'gte', value: 2 },
  ],
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! * 10) / 10;
};

export async function run(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    emit({ bench: 'segment-count', skipped: 'DATABASE_URL not set (PostgreSQL only)' });
    return;
  }
  const t = await openTestDb('postgres');
  const db = t.db;
  try {
    await migrate(db);
    const now = new Date();
    const g0 = performance.now();
    // Customer i has id md5('c'||i)::uuid; a generated id is a uniform random uuid, as UUIDv7s are across merchants' ages.
    await db.run((q) => q.execute(sql`insert into audience_customers (customer_id, gender, birthday_month, region_code, source_channel, first_seen_at, updated_at)
      select md5('c' || i)::uuid, (array['male','female','female','unknown'])[1 + i % 4], 1 + i % 12,
        (array['330106','330102','110101','440305','320106','510104','310104','330203'])[1 + (i * 7) % 8],
        (array['shop','wechat','taobao','jd','douyin','youzan'])[1 + (i * 13) % 6], ${now}::timestamptz - make_interval(days => (i % 700)::int), ${now}
      from generate_series(1::bigint, ${CUSTOMERS}::bigint) i`));
    await db.run((q) => q.execute(sql`insert into audience_orders (source, order_ref, customer_id, paid_at, total_fen, refunded_fen, category_ids, updated_at)
      select 'bench', 'O' || o, md5('c' || (1 + (o * 2654435761) % ${CUSTOMERS}::bigint))::uuid, ${now}::timestamptz - make_interval(secs => (o * 7919) % (730 * 86400)),
        1000 + (o * 104729) % 60000, case when o % 20 = 0 then 1000 else 0 end, array[(array['紫砂壶','茶叶','茶具'])[1 + o % 3]], ${now}
      from generate_series(1::bigint, ${ORDERS}::bigint) o`));
    await db.run((q) => q.execute(sql`update audience_customers c set paid_orders = a.n, spend_fen = a.fen, first_order_at = a.f, last_order_at = a.l
      from (select customer_id, count(*) n, sum(total_fen - refunded_fen) fen, min(paid_at) f, max(paid_at) l from audience_orders group by customer_id) a
      where a.customer_id = c.customer_id`));
    const gOrders = performance.now();
    await db.run((q) => q.execute(sql`insert into behaviour_events (customer_key, id, shopper_id, anonymous_id, type, props, occurred_at, received_at, source)
      select k::text, md5('e' || e)::uuid, k, null, (array['product_view','product_view','product_view','search','add_to_cart','share','page_view','message_open'])[1 + (e * 31) % 8],
        '{}'::jsonb, ${now}::timestamptz - make_interval(secs => (e * 6151) % (365 * 86400)), ${now}, 'shop'
      from (select e, md5('c' || (1 + (e * 40503) % ${CUSTOMERS}::bigint))::uuid as k from generate_series(1::bigint, ${EVENTS}::bigint) e) x`));
    // The daily rollup ingest keeps in step (behaviour-append.ts), rebuilt from the generated events in
    // day order, as ingest writes it (the migration's backfill statement, sorted).
    await db.run((q) => q.execute(sql`insert into behaviour_daily_counts (type, day, customer_id, n)
      select type, (occurred_at at time zone 'UTC')::date, shopper_id, count(*)::int from behaviour_events
      where shopper_id is not null group by 1, 2, 3 order by 2, 1, 3`));
    await db.run((q) => q.execute(sql`analyze audience_customers`));
    await db.run((q) => q.execute(sql`analyze audience_orders`));
    await db.run((q) => q.execute(sql`vacuum analyze behaviour_events`));
    await db.run((q) => q.execute(sql`vacuum analyze behaviour_daily_counts`));
    emit({ bench: 'segment-count', phase: 'generate', customers: CUSTOMERS, orders: ORDERS, events: EVENTS,
      ordersSeconds: Math.round((gOrders - g0) / 100) / 10, totalSeconds: Math.round((performance.now() - g0) / 100) / 10 });

    // Compiled SQL: one statement per count.
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      count = await segmentCount(db, RULE, now);
      if (i > 0) times.push(performance.now() - t0); // the first run warms the cache
    }
    const p50 = pct(times, 0.5);
    emit({ bench: 'segment-count', variant: 'compiled-sql', conditions: 3, customers: CUSTOMERS, events: EVENTS, orders: ORDERS, count, runs: times.length,
      p50Ms: p50, p95Ms: pct(times, 0.95), targetMs: 500, withinTarget: pct(times, 0.95) < 500 });

    // Naive baseline: every customer's facts into Node, batch by batch, and the reference evaluator.
    const measuredCustomers = Math.min(CUSTOMERS, BASELINE_MAX);
    const t0 = performance.now();
    let naiveCount = 0;
    let after: string | null = null;
    for (let seen = 0; seen < measuredCustomers; seen += BATCH) {
      const rows: { customer_id: string }[] = await db.rows<{ customer_id: string }>(sql`select customer_id from audience_customers
        where erased_at is null${after ? sql` and customer_id > ${after}::uuid` : sql``} order by customer_id limit ${Math.min(BATCH, measuredCustomers - seen)}`);
      if (!rows.length) break;
      after = rows[rows.length - 1]!.customer_id;
      const facts = await loadSegmentFacts(db, rows.map((r) => r.customer_id), RULE, now);
      for (const f of facts.values()) if (matches(RULE, f, now).matched) naiveCount += 1;
    }
    const naiveMs = performance.now() - t0;
    const full = measuredCustomers === CUSTOMERS;
    const naiveTotalMs = naiveMs * (CUSTOMERS / measuredCustomers);
    emit({ bench: 'segment-count', variant: 'naive-node-evaluator', customersMeasured: measuredCustomers, customers: CUSTOMERS,
      count: full ? naiveCount : null, countOfMeasured: naiveCount, ms: Math.round(naiveTotalMs), extrapolated: !full,
      agrees: full ? naiveCount === count : null, speedup: Math.round(naiveTotalMs / p50) });
  } finally {
    if (process.env.KOI_BENCH_KEEP_DB) emit({ bench: 'segment-count', keptDatabase: t.url });
    else await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
