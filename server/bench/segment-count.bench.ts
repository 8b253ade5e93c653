/**
 * Segment count (issue 7 "Done when"): a 3-condition rule — 浙江 (region 33…) AND spent ≥ ¥500 in
 * 365 days AND ≥ 2 product views in 30 days — counted by the compiled SQL on PostgreSQL
 * (DATABASE_URL; skipped without it) over generated customers, orders and behaviour events; target
 * < 500 ms at 1,000,000 customers and 10,000,000 events. p50/p95 over several runs, against a naive
 * baseline in the same run: load every customer's facts in batches of 10,000 and evaluate the
 * reference evaluator in Node (measured on up to KOI_BENCH_BASELINE_CUSTOMERS customers and
 * extrapolated linearly beyond, labelled so; KOI_BENCH_BASELINE_CUSTOMERS=0 skips it).
 * KOI_BENCH_EXPLAIN=1 prints the count's EXPLAIN (ANALYZE, BUFFERS).
 *
 * Sizes: KOI_BENCH_CUSTOMERS (1,000,000), KOI_BENCH_EVENTS (10,000,000), KOI_BENCH_ORDERS (3 per
 * customer), KOI_BENCH_RUNS (9). The data are generated with generate_series straight into the
 * tables (audience-data.ts, a benchmark fixture): regions over 6 provinces, orders over 2 years,
 * events over a year, and the per-day event rollup (behaviour_daily_counts) rebuilt from those events.
 * KOI_BENCH_DB=<name> keeps the generated database and reuses it on the next run of the same size.
 */
import { sql } from 'drizzle-orm';
import type { TSegmentRule } from '@koi/contracts';
import { migrate } from '../src/platform/migrate.ts';
import { segmentCount, tuneForSegments } from '../src/modules/audience/segment-query.ts';
import { compileSegment } from '../src/modules/audience/segment-sql.ts';
import { loadSegmentFacts } from '../src/modules/audience/facts-load.ts';
import { matches } from '../src/modules/audience/segment-rule.rules.ts';
import pg from 'pg';
import { openPostgres, type Db } from '../src/platform/db.ts';
import { openTestDb } from '../test/databases.ts';
import { generateAudience, generateBehaviour } from './audience-data.ts';
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

/**
 * The benchmark's database: a fresh scratch database dropped at the end, or, with KOI_BENCH_DB=<name>,
 * a named one that is kept and reused: generated once for a size (a marker row records the size and
 * the generation time, written last, so an interrupted generation is redone), later runs only apply
 * new migrations and measure — a 1,000,000-customer database takes many minutes to generate.
 */
async function openBenchDb(): Promise<{ db: Db; close: () => Promise<void>; kept: string | null }> {
  const name = process.env.KOI_BENCH_DB;
  if (!name) {
    const t = await openTestDb('postgres');
    return { db: t.db, close: t.close, kept: null };
  }
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error('KOI_BENCH_DB: a lower-case identifier');
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!exists.rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 10);
  return { db, close: () => db.close(), kept: name };
}

/** Generates the data unless the (kept) database already holds this size; returns the `now` they were generated at. */
async function ensureData(db: Db): Promise<Date> {
  const size = `${CUSTOMERS}/${ORDERS}/${EVENTS}`;
  await db.run((q) => q.execute(sql`create table if not exists bench_generated (bench text primary key, size text not null, generated_at timestamptz not null)`));
  const marker = await db.rows<{ size: string; generated_at: Date | string }>(sql`select size, generated_at from bench_generated where bench = 'segment-count'`);
  if (marker[0]?.size === size) {
    emit({ bench: 'segment-count', phase: 'generate', reused: true, customers: CUSTOMERS, orders: ORDERS, events: EVENTS });
    return new Date(marker[0].generated_at);
  }
  await db.run((q) => q.execute(sql`truncate audience_customers, audience_orders, behaviour_events, behaviour_daily_counts, bench_generated`));
  const now = new Date();
  const audience = await generateAudience(db, { customers: CUSTOMERS, orders: ORDERS }, now);
  const behaviour = await generateBehaviour(db, { customers: CUSTOMERS, events: EVENTS }, now);
  await db.run((q) => q.execute(sql`insert into bench_generated values ('segment-count', ${size}, ${now})`));
  emit({ bench: 'segment-count', phase: 'generate', customers: CUSTOMERS, orders: ORDERS, events: EVENTS,
    audienceSeconds: audience.seconds, behaviourSeconds: behaviour.seconds });
  return now;
}

export async function run(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    emit({ bench: 'segment-count', skipped: 'DATABASE_URL not set (PostgreSQL only)' });
    return;
  }
  const t = await openBenchDb();
  const db = t.db;
  try {
    await migrate(db);
    const now = await ensureData(db);

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

    if (process.env.KOI_BENCH_EXPLAIN) {
      const s = compileSegment(RULE, now);
      // As segmentCount runs it: in a transaction with the segment settings.
      const plan = await db.tx(async (q) => {
        await tuneForSegments(q);
        return db.rows<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) select count(*)::int as n from ${s.from} where ${s.where}`, q);
      });
      console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    }

    // Naive baseline: every customer's facts into Node, batch by batch, and the reference evaluator.
    if (BASELINE_MAX <= 0) return;
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
    if (t.kept) emit({ bench: 'segment-count', keptDatabase: t.kept });
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
