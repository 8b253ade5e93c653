/**
 * Full system-tag recompute (issue 7 "Done when": report customers/s) on PostgreSQL (DATABASE_URL;
 * skipped without it) over KOI_BENCH_CUSTOMERS generated customers (default 1,000,000) with
 * KOI_BENCH_ORDERS orders (default 3 per customer): RFM group (quantile cut points), lifecycle stage
 * and spend level for every customer, through the same `runPass` the nightly job runs — keyset pages
 * of 5,000 customers, one set-based statement each. Peak heap is sampled during the pass to show that
 * memory stays flat.
 *
 * Against a naive baseline in the same run: per customer, load its profile and orders (2 queries),
 * decide with the pure rules in Node (rfm/lifecycle/spend, given the same cut points — the naive way
 * would need a pass of its own to find them), and write per row (delete stale + one upsert per tag).
 * Measured on up to KOI_BENCH_BASELINE_CUSTOMERS (default 20,000) customers and extrapolated linearly
 * beyond (labelled); its decisions are compared with what the set-based pass stored (`mismatches`).
 * Also: an incremental recompute of 1,000 customers (what an import batch triggers).
 */
import { sql } from 'drizzle-orm';
import type { TTagSettings } from '@koi/contracts';
import { migrate } from '../src/platform/migrate.ts';
import { Jobs } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/log.ts';
import { clock } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db.ts';
import { createTagCatalog } from '../src/modules/audience/tag-catalog.ts';
import { createTagRecompute } from '../src/modules/audience/tag-recompute.ts';
import { loadSegmentFacts } from '../src/modules/audience/facts-load.ts';
import { rfmFacts, scoreRfm, type RfmThresholds } from '../src/modules/audience/rfm.rules.ts';
import { lifecycleStage } from '../src/modules/audience/lifecycle.rules.ts';
import { spendLevel } from '../src/modules/audience/system-tags.rules.ts';
import { withinDays } from '../src/modules/audience/audience-time.ts';
import { openTestDb } from '../test/databases.ts';
import { generateAudience } from './audience-data.ts';
import { emit } from './lib.ts';

const CUSTOMERS = Number(process.env.KOI_BENCH_CUSTOMERS ?? 1_000_000);
const ORDERS = Number(process.env.KOI_BENCH_ORDERS ?? CUSTOMERS * 3);
const BASELINE_MAX = Number(process.env.KOI_BENCH_BASELINE_CUSTOMERS ?? 20_000);
const MB = 1024 * 1024;

/** The naive way for one customer: load, decide in Node, write row by row. Returns its tag codes. */
async function naiveOne(db: Db, id: string, settings: TTagSettings, thresholds: RfmThresholds | null, codeToId: Map<string, string>, now: Date): Promise<string[]> {
  const [c] = await db.rows<{ first_seen_at: Date | null; last_seen_at: Date | null; updated_at: Date }>(
    sql`select first_seen_at, last_seen_at, updated_at from audience_customers where customer_id = ${id}::uuid and erased_at is null`);
  if (!c) return [];
  const orders = (await db.rows<{ paid_at: Date; total_fen: string | number; refunded_fen: string | number }>(
    sql`select paid_at, total_fen, refunded_fen from audience_orders where customer_id = ${id}::uuid`))
    .filter((o) => Number(o.refunded_fen) === 0 || Number(o.refunded_fen) < Number(o.total_fen))
    .map((o) => ({ paidAt: new Date(o.paid_at), totalFen: Math.max(Number(o.total_fen) - Number(o.refunded_fen), 0) }))
    .filter((o) => o.paidAt.getTime() <= now.getTime());
  const last = orders.reduce<Date | null>((m, o) => (m === null || o.paidAt > m ? o.paidAt : m), null);
  const codes: string[] = [];
  const stage = lifecycleStage({ firstSeenAt: new Date(c.first_seen_at ?? c.updated_at), paidOrderCount: orders.length, lastPaidOrderAt: last,
    lastActivityAt: c.last_seen_at ? new Date(c.last_seen_at) : null }, settings.lifecycle, now);
  codes.push(`lifecycle:${stage.stage}`);
  if (thresholds) {
    const r = scoreRfm(rfmFacts(orders, now, settings.rfm.windowDays), thresholds);
    if (r.group) codes.push(`rfm:${r.group}`);
  }
  const level = spendLevel(orders.filter((o) => withinDays(o.paidAt, now, settings.spend.windowDays)).reduce((a, o) => a + o.totalFen, 0), settings.spend);
  if (level) codes.push(`spend:${level}`);
  const ids = codes.map((k) => codeToId.get(k)!);
  await db.rows(sql`delete from audience_customer_tags ct using audience_tags t where t.id = ct.tag_id and t.kind = 'system'
    and ct.customer_id = ${id}::uuid and not (ct.tag_id = any(${sql.param(ids)}::uuid[]))`);
  for (let i = 0; i < ids.length; i++) {
    await db.rows(sql`insert into audience_customer_tags (tag_id, customer_id, set_at, set_by, explanation)
      values (${ids[i]}::uuid, ${id}::uuid, ${now.toISOString()}::timestamptz, 'system', ${JSON.stringify({ kind: codes[i]!.split(':')[0], naive: true })}::jsonb)
      on conflict (tag_id, customer_id) do update set explanation = excluded.explanation`);
  }
  return codes;
}

export async function run(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    emit({ bench: 'tag-recompute', skipped: 'DATABASE_URL not set (PostgreSQL only)' });
    return;
  }
  const t = await openTestDb('postgres');
  const db = t.db;
  try {
    await migrate(db);
    const now = new Date();
    clock.set(now);
    const gen = await generateAudience(db, { customers: CUSTOMERS, orders: ORDERS }, now);
    emit({ bench: 'tag-recompute', phase: 'generate', customers: CUSTOMERS, orders: ORDERS, seconds: gen.seconds });

    const log = createLogger('silent');
    const catalog = createTagCatalog(db);
    const recompute = createTagRecompute({ db, log, jobs: new Jobs(db, log), catalog, loadFacts: (ids, rule, n, q) => loadSegmentFacts(db, ids, rule, n, q) });
    await catalog.ensureSystemTags();

    // Set-based full pass (twice: the first tags everyone, the second is the nightly steady state).
    for (const pass of ['first', 'steady'] as const) {
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      let peak = heap0;
      const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 50);
      const t0 = performance.now();
      const run = await recompute.recomputeAll('system');
      const ms = performance.now() - t0;
      clearInterval(sampler);
      const [n] = await db.rows<{ n: string | number }>(sql`select count(*) as n from audience_customer_tags`);
      emit({ bench: 'tag-recompute', variant: 'set-based-sql', pass, customers: run.processed, tagRows: Number(n!.n), seconds: Math.round(ms / 100) / 10,
        customersPerSecond: Math.round(run.processed / (ms / 1000)), heapStartMb: Math.round(heap0 / MB), heapPeakMb: Math.round(peak / MB),
        thresholds: { r: run.thresholds?.recency.value, f: run.thresholds?.frequency.value, m: run.thresholds?.monetary.value } });
    }
    const settings = await catalog.settings();
    const [latest] = await db.rows<{ thresholds: RfmThresholds | null }>(sql`select thresholds from audience_tag_runs where status = 'done' order by finished_at desc limit 1`);
    const thresholds = latest?.thresholds ?? null;

    // Incremental: 1,000 customers, as one import batch triggers.
    const some = (await db.rows<{ customer_id: string }>(sql`select customer_id from audience_customers order by md5(customer_id::text) limit 1000`)).map((r) => r.customer_id);
    const i0 = performance.now();
    await recompute.recomputeTagsFor(some);
    emit({ bench: 'tag-recompute', variant: 'incremental', customers: some.length, ms: Math.round(performance.now() - i0) });

    // Naive baseline over the first customers in id order, compared with what the pass stored.
    const measured = Math.min(CUSTOMERS, BASELINE_MAX);
    const stored = new Map<string, string[]>();
    for (const r of await db.rows<{ customer_id: string; code: string }>(sql`select ct.customer_id, t.code from audience_customer_tags ct join audience_tags t on t.id = ct.tag_id
      where t.kind = 'system' and ct.customer_id in (select customer_id from audience_customers order by customer_id limit ${measured})`)) {
      stored.set(r.customer_id, [...(stored.get(r.customer_id) ?? []), r.code]);
    }
    const codeToId = new Map((await db.rows<{ id: string; code: string }>(sql`select id, code from audience_tags where kind = 'system'`)).map((r) => [r.code, r.id]));
    const ids = (await db.rows<{ customer_id: string }>(sql`select customer_id from audience_customers order by customer_id limit ${measured}`)).map((r) => r.customer_id);
    let mismatches = 0;
    const n0 = performance.now();
    for (const id of ids) {
      const codes = await naiveOne(db, id, settings, thresholds, codeToId, now);
      if (codes.sort().join() !== (stored.get(id) ?? []).sort().join()) mismatches += 1;
    }
    const naiveMs = performance.now() - n0;
    const perSecond = ids.length / (naiveMs / 1000);
    emit({ bench: 'tag-recompute', variant: 'naive-per-customer', customersMeasured: ids.length, customers: CUSTOMERS, customersPerSecond: Math.round(perSecond),
      seconds: Math.round((CUSTOMERS / perSecond) * 10) / 10, extrapolated: ids.length < CUSTOMERS, mismatches });
  } finally {
    clock.reset();
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
