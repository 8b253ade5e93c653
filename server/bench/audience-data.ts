/**
 * Generated audience facts for the tag and segment benchmarks (issue 7 "Done when": 1,000,000
 * customers). Written with generate_series straight into `audience_customers` and `audience_orders`
 * (a benchmark fixture, not a path the app uses), deterministic for a given size:
 * - customer i has id md5('c' || i)::uuid (uniform, as UUIDv7s of many ages are across a keyset);
 * - first seen 0–699 days ago, last seen between then and now; regions over 6 provinces;
 * - orders spread over customers by a multiplicative hash, paid over the last 2 years, 1 in 20
 *   partly refunded, 1 in 50 refunded in full; categories 紫砂壶 / 茶叶 / 茶具;
 * - the per-customer aggregates the segments helper keeps, recomputed at the end.
 * Shared by tag-recompute.bench.ts (tags helper) and segment-count.bench.ts (with generateBehaviour below).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db.ts';

export type AudienceSize = { customers: number; orders: number };

export async function generateAudience(db: Db, size: AudienceSize, now: Date): Promise<{ seconds: number }> {
  const t0 = performance.now();
  const { customers, orders } = size;
  await db.run((q) => q.execute(sql`insert into audience_customers (customer_id, gender, birthday_month, region_code, source_channel, first_seen_at, last_seen_at, updated_at)
    select md5('c' || i)::uuid, (array['male','female','female','unknown'])[1 + i % 4], 1 + i % 12,
      (array['330106','330102','110101','440305','320106','510104','310104','330203'])[1 + (i * 7) % 8],
      (array['shop','wechat','taobao','jd','douyin','youzan'])[1 + (i * 13) % 6],
      ${now}::timestamptz - make_interval(days => (i % 700)::int),
      ${now}::timestamptz - make_interval(days => ((i * 37) % (1 + i % 700))::int),
      ${now}
    from generate_series(1::bigint, ${customers}::bigint) i`));
  await db.run((q) => q.execute(sql`insert into audience_orders (source, order_ref, customer_id, paid_at, total_fen, refunded_fen, category_ids, updated_at)
    select 'bench', 'O' || o, md5('c' || (1 + (o * 2654435761) % ${customers}::bigint))::uuid,
      ${now}::timestamptz - make_interval(secs => (o * 7919) % (730 * 86400)),
      1000 + (o * 104729) % 60000 as total,
      case when o % 50 = 0 then 1000 + (o * 104729) % 60000 when o % 20 = 0 then 1000 else 0 end,
      array[(array['紫砂壶','茶叶','茶具'])[1 + o % 3]], ${now}
    from generate_series(1::bigint, ${orders}::bigint) o`));
  await db.run((q) => q.execute(sql`update audience_customers c set paid_orders = a.n, spend_fen = a.fen, first_order_at = a.f, last_order_at = a.l
    from (select customer_id, count(*) n, sum(greatest(total_fen - refunded_fen, 0)) fen, min(paid_at) f, max(paid_at) l from audience_orders
      where refunded_fen = 0 or refunded_fen < total_fen group by customer_id) a
    where a.customer_id = c.customer_id`));
  await db.run((q) => q.execute(sql`vacuum analyze audience_customers`));
  await db.run((q) => q.execute(sql`vacuum analyze audience_orders`));
  return { seconds: Math.round((performance.now() - t0) / 100) / 10 };
}

export type BehaviourSize = { customers: number; events: number };

/**
 * Generated behaviour events for the segment benchmark: `events` rows over the last 365 days, spread
 * over the customers of `generateAudience` by a multiplicative hash, 3 in 8 of them product views;
 * then the per-day rollup (behaviour_daily_counts) rebuilt from them in day order, as ingest writes it.
 */
export async function generateBehaviour(db: Db, size: BehaviourSize, now: Date): Promise<{ seconds: number }> {
  const t0 = performance.now();
  const { customers, events } = size;
  await db.run((q) => q.execute(sql`insert into behaviour_events (customer_key, id, shopper_id, anonymous_id, type, props, occurred_at, received_at, source)
    select k::text, md5('e' || e)::uuid, k, null, (array['product_view','product_view','product_view','search','add_to_cart','share','page_view','message_open'])[1 + (e * 31) % 8],
      '{}'::jsonb, ${now}::timestamptz - make_interval(secs => (e * 6151) % (365 * 86400)), ${now}, 'shop'
    from (select e, md5('c' || (1 + (e * 40503) % ${customers}::bigint))::uuid as k from generate_series(1::bigint, ${events}::bigint) e) x`));
  await db.run((q) => q.execute(sql`insert into behaviour_daily_counts (type, day, customer_id, n)
    select type, (occurred_at at time zone 'UTC')::date, shopper_id, count(*)::int from behaviour_events
    where shopper_id is not null group by 1, 2, 3 order by 2, 1, 3`));
  await db.run((q) => q.execute(sql`vacuum analyze behaviour_events`));
  await db.run((q) => q.execute(sql`vacuum analyze behaviour_daily_counts`));
  return { seconds: Math.round((performance.now() - t0) / 100) / 10 };
}
