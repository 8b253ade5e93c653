import { sql, type SQL } from 'drizzle-orm';
import type { TRfmThresholds, TTagSettings } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { DAY_MS } from './audience-time.ts';
import { cutPoint } from './rfm.rules.ts';

/**
 * System tags, set-based (issue 7 §4): RFM group, lifecycle stage and spend level for a range of
 * customers in ONE statement — facts aggregated from `audience_orders`, decided in SQL, stale tags
 * deleted and current ones upserted with their explanation — so a full pass over 1,000,000 customers
 * is a few hundred statements and Node holds no customer in memory.
 *
 * The SQL mirrors rfm.rules.ts, lifecycle.rules.ts and `spendLevel`; system-tags-sql.test.ts checks
 * it against them on random data. Facts, as in the segments helper's aggregates: a paid order refunded
 * in full is not a paid order; spend is total − refunded; orders "paid" after `now` are ignored.
 * Activity for lifecycle is the profile's `last_seen_at` (the audience copy has no event stream).
 */

/** Which customers a statement covers: a keyset range `(after, upTo]` (null = open) or a list. */
export type CustomerScope = { after: string | null; upTo: string | null } | { ids: readonly string[] };

export function scopeSql(col: SQL, scope: CustomerScope): SQL {
  if ('ids' in scope) return sql`${col} = any(${sql.param([...scope.ids])}::uuid[])`;
  const parts: SQL[] = [sql`true`];
  if (scope.after !== null) parts.push(sql`${col} > ${scope.after}::uuid`);
  if (scope.upTo !== null) parts.push(sql`${col} <= ${scope.upTo}::uuid`);
  return sql.join(parts, sql` and `);
}

/** Whole days from `col` to `now`, never negative: `daysSince` of audience-time.ts. */
const days = (col: SQL, now: Date) => sql`greatest(0, floor((extract(epoch from ${now.toISOString()}::timestamptz) - extract(epoch from ${col})) / 86400))::int`;
const kept = sql`(o.refunded_fen = 0 or o.refunded_fen < o.total_fen)`;
const net = sql`greatest(o.total_fen - o.refunded_fen, 0)`;
const since = (now: Date, d: number) => new Date(now.getTime() - d * DAY_MS).toISOString();

/**
 * The RFM cut points from the merchant's own customers: percentiles over every customer who paid,
 * computed by the database in one aggregate. `percentile_cont` is exactly the type-7 quantile of
 * `quantile()` in rfm.rules.ts, so SQL and the reference agree to the fen; a fixed value overrides.
 */
export async function rfmThresholdsSql(db: Db, config: TTagSettings['rfm'], now: Date, q?: Q): Promise<TRfmThresholds | null> {
  const [row] = await db.rows<{ n: number | string; r: number | string | null; f: number | string | null; m: number | string | null }>(sql`
    with f as (
      select o.customer_id, max(o.paid_at) as last_paid,
        count(*) filter (where o.paid_at >= ${since(now, config.windowDays)}::timestamptz) as f,
        coalesce(sum(${net}) filter (where o.paid_at >= ${since(now, config.windowDays)}::timestamptz), 0) as m
      from audience_orders o
      join audience_customers c on c.customer_id = o.customer_id and c.erased_at is null
      where ${kept} and o.paid_at <= ${now.toISOString()}::timestamptz
      group by o.customer_id)
    select count(*) as n,
      percentile_cont(${config.recency.quantile}::float8) within group (order by ${days(sql`last_paid`, now)}) as r,
      percentile_cont(${config.frequency.quantile}::float8) within group (order by f) as f,
      percentile_cont(${config.monetary.quantile}::float8) within group (order by m) as m
    from f`, q);
  const n = Number(row?.n ?? 0);
  // cutPoint decides fixed vs quantile; the sample it sees is the one number SQL computed.
  const axis = (v: number | string | null | undefined, c: TTagSettings['rfm']['recency']) => {
    const cut = cutPoint(n > 0 && v !== null && v !== undefined ? [Number(v)] : [], c);
    return cut === null ? null : { ...cut, sampleSize: n };
  };
  const recency = axis(row?.r, config.recency);
  const frequency = axis(row?.f, config.frequency);
  const monetary = axis(row?.m, config.monetary);
  return recency && frequency && monetary ? { recency, frequency, monetary } : null;
}

export type SystemPassResult = { customers: number; added: number; removed: number };

/**
 * Recomputes the system tags of the customers in `scope`: one statement. A tag still deserved keeps
 * its `set_at` (when it was first set) and gets today's facts as its explanation — rewritten only when
 * the facts changed, so a second pass on the same day writes nothing; a tag no longer deserved (or
 * held by an erased or unknown customer in the scope) is removed; a newly deserved one is set.
 */
export function systemTagsStatement(args: {
  scope: CustomerScope; settings: TTagSettings; thresholds: TRfmThresholds | null; now: Date;
}): SQL {
  const { scope, settings, thresholds, now } = args;
  const { rfm, lifecycle: lc, spend } = settings;
  const at = now.toISOString();
  const thr = thresholds ?? { recency: { value: 0 }, frequency: { value: 0 }, monetary: { value: 0 } };
  return sql`
    with page as (
      select c.customer_id, coalesce(c.first_seen_at, c.updated_at) as first_seen, c.last_seen_at
      from audience_customers c where c.erased_at is null and ${scopeSql(sql`c.customer_id`, scope)}
    ),
    agg as (
      select o.customer_id, count(*)::int as cnt, max(o.paid_at) as last_paid,
        count(*) filter (where o.paid_at >= ${since(now, rfm.windowDays)}::timestamptz)::int as f,
        coalesce(sum(${net}) filter (where o.paid_at >= ${since(now, rfm.windowDays)}::timestamptz), 0)::bigint as m,
        coalesce(sum(${net}) filter (where o.paid_at >= ${since(now, spend.windowDays)}::timestamptz), 0)::bigint as spent
      from audience_orders o
      where ${scopeSql(sql`o.customer_id`, scope)} and ${kept} and o.paid_at <= ${at}::timestamptz
      group by o.customer_id
    ),
    facts as (
      select p.customer_id, coalesce(a.cnt, 0) as cnt, coalesce(a.f, 0) as f, coalesce(a.m, 0) as m, coalesce(a.spent, 0) as spent,
        ${days(sql`least(p.first_seen, a.last_paid)`, now)} as d_first,
        case when a.last_paid is null then null else ${days(sql`a.last_paid`, now)} end as d_order,
        case when p.last_seen_at is null then null else ${days(sql`p.last_seen_at`, now)} end as d_act
      from page p left join agg a on a.customer_id = p.customer_id
    ),
    lc as (
      select f.*, least(d_first, d_order, d_act) as d_touch from facts f
    ),
    stage as (
      select lc.*, case
          when d_touch >= ${lc.churnedAfterDays} then 'churned'
          when d_touch >= ${lc.dormantAfterDays} then 'dormant'
          when d_order < ${lc.dormantAfterDays} and cnt >= ${lc.loyalMinOrders} then 'loyal'
          when d_first < ${lc.newWithinDays} and cnt <= 1 then 'new'
          when d_order < ${lc.dormantAfterDays} then 'active'
          else 'potential' end as stage
      from lc
    ),
    score as (
      select s.customer_id, s.d_order, s.f, s.m,
        (case when s.d_order < ${thr.recency.value}::float8 then 'H' else 'L' end)
          || (case when s.f > ${thr.frequency.value}::float8 then 'H' else 'L' end)
          || (case when s.m > ${thr.monetary.value}::float8 then 'H' else 'L' end) as score
      from stage s where s.d_order is not null and ${thresholds !== null}::boolean
    ),
    rfm as (
      select sc.*, case sc.score
          when 'HHH' then 'important_value' when 'HLH' then 'important_development' when 'LHH' then 'important_retention'
          when 'LLH' then 'important_winback' when 'HHL' then 'general_value' when 'HLL' then 'general_development'
          when 'LHL' then 'general_retention' else 'general_winback' end as grp
      from score sc
    ),
    spend as (
      select s.customer_id, s.spent,
        case when s.spent >= ${spend.highFromFen} then 'high' when s.spent >= ${spend.midFromFen} then 'mid' else 'low' end as level
      from stage s where s.spent > 0
    ),
    desired as (
      select 'lifecycle:' || s.stage as code, s.customer_id, jsonb_build_object(
          'kind', 'lifecycle', 'stage', s.stage,
          'reason', case s.stage when 'churned' then 'no_touch_since_churn_threshold' when 'dormant' then 'no_touch_since_dormant_threshold'
            when 'loyal' then 'recent_orders_at_loyal_count' when 'new' then 'first_seen_recently' when 'active' then 'bought_recently'
            else 'engaged_without_recent_order' end,
          'facts', jsonb_build_object('daysSinceFirstSeen', s.d_first, 'daysSinceLastOrder', s.d_order, 'daysSinceLastActivity', s.d_act,
            'daysSinceLastTouch', s.d_touch, 'paidOrderCount', s.cnt),
          'config', ${JSON.stringify(lc)}::jsonb, 'computedAt', ${at}::text) as e
      from stage s
      union all
      select 'rfm:' || r.grp, r.customer_id, jsonb_build_object('kind', 'rfm', 'group', r.grp, 'score', r.score,
          'facts', jsonb_build_object('recencyDays', r.d_order, 'frequency', r.f, 'monetaryFen', r.m, 'windowDays', ${rfm.windowDays}::int),
          'thresholds', ${JSON.stringify(thresholds)}::jsonb, 'computedAt', ${at}::text)
      from rfm r
      union all
      select 'spend:' || x.level, x.customer_id, jsonb_build_object('kind', 'spend', 'level', x.level, 'spentFen', x.spent,
          'config', ${JSON.stringify(spend)}::jsonb, 'computedAt', ${at}::text)
      from spend x
    ),
    wanted as (
      select t.id as tag_id, d.customer_id, d.e from desired d join audience_tags t on t.code = d.code and t.kind = 'system'
    ),
    del as (
      delete from audience_customer_tags ct using audience_tags t
      where t.id = ct.tag_id and t.kind = 'system' and ${scopeSql(sql`ct.customer_id`, scope)}
        and not exists (select 1 from wanted w where w.tag_id = ct.tag_id and w.customer_id = ct.customer_id)
      returning 1
    ),
    ins as (
      insert into audience_customer_tags (tag_id, customer_id, set_at, set_by, explanation)
      select w.tag_id, w.customer_id, ${at}::timestamptz, 'system', w.e from wanted w
      on conflict (tag_id, customer_id) do update set explanation = excluded.explanation
        where (audience_customer_tags.explanation - 'computedAt') is distinct from (excluded.explanation - 'computedAt')
      returning (xmax = 0) as inserted
    )
    select (select count(*) from page) as customers, (select count(*) from ins where inserted) as added, (select count(*) from del) as removed`;
}

export async function recomputeSystemTags(db: Db, args: Parameters<typeof systemTagsStatement>[0], q?: Q): Promise<SystemPassResult> {
  const [row] = await db.rows<{ customers: number | string; added: number | string; removed: number | string }>(systemTagsStatement(args), q);
  return { customers: Number(row?.customers ?? 0), added: Number(row?.added ?? 0), removed: Number(row?.removed ?? 0) };
}
