import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { TSegmentCondition, TSegmentRule } from '@koi/contracts';
import type { Db } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';
import { matches, type SegmentFacts } from '../src/modules/audience/segment-rule.rules.ts';
import { segmentCount, segmentMembership, segmentPage } from '../src/modules/audience/segment-query.ts';
import { loadSegmentFacts } from '../src/modules/audience/facts-load.ts';
import { recomputeOrderAggregates } from '../src/modules/audience/facts.ts';
import { appendBehaviour } from '../src/modules/customer/behaviour-append.ts';
import { DB_KINDS, openTestDb } from './databases.ts';

/**
 * Issue 7 §5 "segment rule evaluation against a reference implementation on random data": random
 * customers, orders (some refunded), behaviour events and tags go into the real tables; a random
 * rule's SQL (count, keyset pages, membership of given customers) must give exactly the customers
 * the reference evaluator (segment-rule.rules.ts) accepts on the same facts. Events go in through the
 * customer module's writer (which keeps the daily rollup), and rules are evaluated at midday and on
 * and around UTC midnights, so the rollup's whole days and the raw partial days meet exactly.
 */
const NOW = new Date('2026-06-30T12:00:00.000Z');
const DAY = 86_400_000;
const RUNS = Number(process.env.KOI_FC_RUNS ?? 120);
const TAGS = ['0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002', '0190a000-0000-7000-8000-000000000003'];
const CATEGORIES = ['紫砂壶', '茶叶'];
const EVENTS = ['product_view', 'share'];
const CHANNELS = ['wechat', 'taobao', 'douyin'];
const REGIONS = ['110105', '110101', '330106', '330110', '330203', '440305'];
const WINDOWS = [1, 7, 30, 90, 365];
const CUSTOMERS = Array.from({ length: 8 }, (_, i) => `0190b000-0000-7000-8000-00000000000${i}`);

const daysAgo = fc.oneof(fc.integer({ min: -2, max: 400 }), fc.constantFrom(-1, 0, 1, 7, 30, 90, 365));
const when = fc.tuple(daysAgo, fc.constantFrom(0, 0, -1, 1, DAY / 2)).map(([d, jitter]) => new Date(NOW.getTime() - d * DAY - jitter));
const cmp = fc.constantFrom('gte' as const, 'gt' as const, 'lte' as const, 'lt' as const, 'eq' as const);
const window = fc.constantFrom(...WINDOWS);
/** When the rule is evaluated: midday, or on a UTC midnight or just before one (the daily rollup's day edges). */
const AT = fc.constantFrom(NOW, new Date(NOW.getTime() - DAY / 2), new Date(NOW.getTime() - DAY / 2 - 1), new Date(NOW.getTime() + DAY / 2 - 1));

const condition: fc.Arbitrary<TSegmentCondition> = fc.oneof(
  // 'vip' is not a uuid: a tag nobody can hold.
  fc.record({ type: fc.constant('tag' as const), op: fc.constantFrom('has' as const, 'has_not' as const), tagId: fc.constantFrom(...TAGS, 'vip') }),
  fc.record({ type: fc.constant('gender' as const), in: fc.uniqueArray(fc.constantFrom('male' as const, 'female' as const, 'unknown' as const), { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant('region' as const), prefix: fc.constantFrom(...REGIONS).chain((r) => fc.constantFrom(r.slice(0, 2), r.slice(0, 4), r)) }),
  fc.record({ type: fc.constant('source_channel' as const), in: fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 2 }) }),
  fc.record({ type: fc.constant('birthday_month' as const), months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant('order_count' as const), withinDays: window, cmp, value: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ type: fc.constant('order_spend' as const), withinDays: window, cmp, valueFen: fc.constantFrom(0, 1, 5_000, 10_000, 30_000) }),
  fc.record({ type: fc.constant('category_purchase' as const), categoryId: fc.constantFrom(...CATEGORIES), minTimes: fc.integer({ min: 1, max: 3 }), withinDays: fc.option(window) }),
  fc.record({ type: fc.constant('event_count' as const), eventType: fc.constantFrom(...EVENTS), withinDays: window, cmp, value: fc.integer({ min: 0, max: 4 }) }),
);
const groupOf = (depth: number): fc.Arbitrary<TSegmentRule> => fc.record({
  type: fc.constant('group' as const),
  op: fc.constantFrom('and' as const, 'or' as const),
  items: fc.array(depth <= 1 ? condition : fc.oneof({ weight: 3, arbitrary: condition }, { weight: 1, arbitrary: groupOf(depth - 1) }), { minLength: 1, maxLength: 4 }),
});

type StoredOrder = { paidAt: Date; totalFen: number; refund: 'none' | 'part' | 'full'; categoryIds: string[] };
type StoredCustomer = Omit<SegmentFacts, 'paidOrders' | 'events'> & { orders: StoredOrder[]; events: { type: string; at: Date; anonymous: boolean }[] };
const customer: fc.Arbitrary<StoredCustomer> = fc.record({
  tagIds: fc.uniqueArray(fc.constantFrom(...TAGS)).map((t) => new Set(t)),
  gender: fc.constantFrom('male' as const, 'female' as const, 'unknown' as const),
  regionCode: fc.option(fc.constantFrom(...REGIONS)),
  sourceChannel: fc.option(fc.constantFrom(...CHANNELS)),
  birthdayMonth: fc.option(fc.integer({ min: 1, max: 12 })),
  orders: fc.array(fc.record({
    paidAt: when, totalFen: fc.constantFrom(0, 1, 4_999, 5_000, 10_000, 20_000), refund: fc.constantFrom('none' as const, 'none' as const, 'part' as const, 'full' as const),
    categoryIds: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 2 }),
  }), { maxLength: 5 }),
  events: fc.array(fc.record({ type: fc.constantFrom(...EVENTS), at: when, anonymous: fc.boolean() }), { maxLength: 6 }),
});

const refunded = (o: StoredOrder) => (o.refund === 'none' ? 0 : o.refund === 'full' ? o.totalFen : Math.floor(o.totalFen / 2));

/** The facts as the reference sees them: orders refunded in full are gone, the rest count what was kept. */
function referenceFacts(c: StoredCustomer): SegmentFacts {
  return {
    tagIds: c.tagIds, gender: c.gender, regionCode: c.regionCode, sourceChannel: c.sourceChannel, birthdayMonth: c.birthdayMonth,
    paidOrders: c.orders.filter((o) => refunded(o) === 0 || refunded(o) < o.totalFen).map((o) => ({ paidAt: o.paidAt, totalFen: o.totalFen - refunded(o), categoryIds: o.categoryIds })),
    events: c.events.filter((e) => !e.anonymous).map((e) => ({ type: e.type, at: e.at })),
  };
}

async function store(db: Db, customers: StoredCustomer[]): Promise<void> {
  await db.tx(async (q) => {
    for (const t of ['audience_customers', 'audience_orders', 'audience_customer_tags', 'behaviour_events', 'behaviour_daily_counts']) await q.execute(sql.raw(`delete from ${t}`));
    const rows = customers.map((c, i) => ({ id: CUSTOMERS[i]!, c }));
    const json = (v: unknown) => JSON.stringify(v);
    await q.execute(sql`insert into audience_customers (customer_id, gender, birthday_month, region_code, source_channel, updated_at)
      select * , ${NOW}::timestamptz from jsonb_to_recordset(${json(rows.map(({ id, c }) => ({ id, g: c.gender, b: c.birthdayMonth, r: c.regionCode, s: c.sourceChannel })))}::jsonb)
      as x(id uuid, g text, b smallint, r text, s text)`);
    const orders = rows.flatMap(({ id, c }) => c.orders.map((o, k) => ({ ref: `${id}-${k}`, id, at: o.paidAt.toISOString(), t: o.totalFen, r: refunded(o), cats: o.categoryIds })));
    await q.execute(sql`insert into audience_orders (source, order_ref, customer_id, paid_at, total_fen, refunded_fen, category_ids, updated_at)
      select 'test', ref, id, at, t, r, cats, ${NOW}::timestamptz from jsonb_to_recordset(${json(orders)}::jsonb)
      as x(ref text, id uuid, at timestamptz, t bigint, r bigint, cats text[])`);
    // The all-history aggregates the compiler's guards read, kept as recordOrderFacts keeps them.
    await recomputeOrderAggregates(q, rows.map((r) => r.id));
    const tags = rows.flatMap(({ id, c }) => [...c.tagIds].map((tag) => ({ tag, id })));
    await q.execute(sql`insert into audience_customer_tags (tag_id, customer_id, set_at, set_by, explanation)
      select tag, id, ${NOW}::timestamptz, 'system', '{}'::jsonb from jsonb_to_recordset(${json(tags)}::jsonb) as x(tag uuid, id uuid)`);
    // Through the customer module's writer, so the daily counts the compiler reads are the ones ingest keeps.
    await appendBehaviour(q, rows.flatMap(({ id, c }) => c.events.map((e, k) => ({
      customerKey: e.anonymous ? `anon:${id}` : id, id: `${id.slice(0, 30)}${String(k).padStart(6, '0')}`, shopperId: e.anonymous ? null : id,
      anonymousId: 'device', type: e.type, props: {}, occurredAt: e.at, receivedAt: e.at, source: 'shop' as const,
    }))));
  });
}

describe.each(DB_KINDS)('segment SQL vs the reference evaluator (%s)', (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const t = await openTestDb(kind);
    db = t.db;
    close = t.close;
    await migrate(db);
  });
  afterAll(async () => close?.());

  it('gives the same members on random customers and rules (count, pages, membership, loaded facts)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(customer, { minLength: 1, maxLength: CUSTOMERS.length }), groupOf(3), AT, async (customers, rule, now) => {
      await store(db, customers);
      const expected = customers.map((c, i) => ({ id: CUSTOMERS[i]!, facts: referenceFacts(c) })).filter((x) => matches(rule, x.facts, now).matched).map((x) => x.id).sort();
      expect(await segmentCount(db, rule, now)).toBe(expected.length);
      const first = await segmentPage(db, rule, now, { after: null, limit: 3 });
      const rest = await segmentPage(db, rule, now, { after: first.at(-1) ?? null, limit: 100 });
      expect(first.length === 3 ? [...first, ...rest] : first).toEqual(expected);
      const some = CUSTOMERS.slice(0, customers.length).filter((_, i) => i % 2 === 0);
      expect([...(await segmentMembership(db, rule, now, some))].sort()).toEqual(expected.filter((id) => some.includes(id)));
      const loaded = await loadSegmentFacts(db, CUSTOMERS.slice(0, customers.length), rule, now);
      expect([...loaded].filter(([, f]) => matches(rule, f, now).matched).map(([id]) => id).sort()).toEqual(expected);
    }), { numRuns: RUNS });
  }, 300_000);
});
