import { sql, type SQL } from 'drizzle-orm';
import type { TSegmentComparator, TSegmentCondition, TSegmentNode, TSegmentRule } from '@koi/contracts';
import { behaviourCountsSql } from '../customer/index.ts';
import { DAY_MS } from './audience-time.ts';
import { compare } from './segment-rule.rules.ts';

/**
 * Compiles a segment rule (issue 7 §5) to SQL over `audience_customers c`, with the same meaning as
 * the reference evaluator (`segment-rule.rules.ts`; the property test in segment-sql.test.ts holds
 * them equal on random data):
 *
 * - profile conditions filter columns of `c` (each has an index);
 * - event conditions LEFT JOIN one per-customer count over their window (the customer module's
 *   daily rollup for the whole days, raw events for the partial days at the edges; index-only
 *   ranges, see behaviourCountsSql). When a customer with no event fails the condition (count ≥ 1 …)
 *   the predicate is strict (`a.n >= 1`), so at the top AND level PostgreSQL turns the join into an
 *   inner join from the customers that have events; when none passes, it reads `coalesce(a.n, 0)`.
 *   The count's row estimate comes from the tables' statistics, so PostgreSQL hashes a wide window
 *   against the customers the profile filters keep, and probes the primary key only for a narrow one;
 * - order and category conditions are correlated subqueries per candidate customer, guarded by the
 *   all-history aggregates of `c` (see `perCustomer`) and run after everything else has filtered
 *   (the two-level form of compileSegment), so the expensive part runs last and rarely;
 * - `tag` conditions are (anti-)semi-joins on `audience_customer_tags` (tags module's table).
 *
 * A paid order refunded in full is not a paid order; an order's fen is what the customer kept
 * (total − refunded) — the same facts `loadSegmentFacts` hands the reference evaluator.
 * Erased customers (PIPL) are in no segment.
 */

export type CompiledSegment = {
  /** `audience_customers c` and the aggregate joins. */
  from: SQL;
  /** The rule's predicate, erased customers excluded. */
  where: SQL;
};

const OPS: Record<TSegmentComparator, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<', eq: '=' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuidList = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

/**
 * `pass` 'single': one level, everything on `c` and its joins. With order conditions the rule
 * compiles twice (see compileSegment): 'inner' on `c` and the joins, each order condition replaced
 * by its necessary guard; 'outer' on the fenced rows, where event measures are columns `c.n<i>`.
 */
type Ctx = { now: Date; customerIds: readonly string[] | null; joins: SQL[]; pass: 'single' | 'inner' | 'outer'; events: number; orders: number };

function since(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** `measure cmp value`, null-safe as described above. */
function measured(ctx: Ctx, sub: SQL, cmp: TSegmentComparator, value: number): SQL {
  const i = ctx.events++;
  const alias = sql.raw(`a${i}`);
  // `offset 0` keeps the count a subquery of its own: `a.n` stays a column, so PostgreSQL sees that
  // `a.n >= 1` fails without a row and makes the join inner (not so for the expression it would inline).
  if (ctx.pass !== 'outer') ctx.joins.push(sql` left join (${sub} offset 0) ${alias} on ${alias}.customer_id = c.customer_id`);
  const n = ctx.pass === 'outer' ? sql.raw(`c.n${i}`) : sql`${alias}.n`;
  const op = sql.raw(OPS[cmp]);
  return compare(0, cmp, value) ? sql`coalesce(${n}, 0) ${op} ${value}` : sql`${n} ${op} ${value}`;
}

/**
 * An order measure of one customer in its window, as a correlated subquery on the (customer_id,
 * paid_at, total_fen, refunded_fen) index. When a customer without orders fails the comparison, a
 * necessary condition on `c`'s all-history aggregates goes first (a measure in a window is at most
 * the all-history one, and needs an order at or after the window's start), so PostgreSQL probes
 * the orders of the few customers that can match, after the cheaper filters.
 */
function perCustomer(ctx: Ctx, measure: SQL, filter: SQL, days: number | null, cmp: TSegmentComparator, value: number, kind: 'count' | 'spend'): SQL {
  ctx.orders += 1;
  const op = sql.raw(OPS[cmp]);
  const window = days === null ? sql`o.paid_at <= ${ctx.now}` : sql`o.paid_at >= ${since(ctx.now, days)} and o.paid_at <= ${ctx.now}`;
  const sub = sql`coalesce((select ${measure} from audience_orders o where o.customer_id = c.customer_id and ${window}
    and (o.refunded_fen = 0 or o.refunded_fen < o.total_fen) and ${filter}), 0) ${op} ${value}`;
  if (compare(0, cmp, value)) return ctx.pass === 'inner' ? sql`true` : sub;
  const total = sql.raw(kind === 'count' ? 'c.paid_orders' : 'c.spend_fen');
  const atLeast = cmp === 'gt' ? sql`${total} > ${value}` : sql`${total} >= ${value}`;
  const recent = days === null ? sql`` : sql` and c.last_order_at >= ${since(ctx.now, days)}`;
  return ctx.pass === 'inner' ? sql`(${atLeast}${recent})` : sql`(${atLeast}${recent} and ${sub})`;
}

function condition(c: TSegmentCondition, ctx: Ctx): SQL {
  switch (c.type) {
    case 'tag': {
      // Tag ids are uuids; any other id names no tag, which nobody has.
      if (!UUID.test(c.tagId)) return sql.raw(c.op === 'has' ? 'false' : 'true');
      const holders = sql`select customer_id from audience_customer_tags where tag_id = ${c.tagId}::uuid`;
      return c.op === 'has' ? sql`c.customer_id in (${holders})` : sql`not exists (select 1 from audience_customer_tags t
        where t.tag_id = ${c.tagId}::uuid and t.customer_id = c.customer_id)`;
    }
    case 'gender': return sql`c.gender = any(${sql.param([...c.in])}::text[])`;
    case 'region': return sql`c.region_code like ${`${c.prefix}%`}`;
    case 'source_channel': return sql`c.source_channel = any(${sql.param([...c.in])}::text[])`;
    case 'birthday_month': return sql`c.birthday_month = any(${sql.param([...c.months])}::int[])`;
    case 'order_count':
      return perCustomer(ctx, sql`count(*)`, sql`true`, c.withinDays, c.cmp, c.value, 'count');
    case 'order_spend':
      return perCustomer(ctx, sql`sum(greatest(o.total_fen - o.refunded_fen, 0))`, sql`true`, c.withinDays, c.cmp, c.valueFen, 'spend');
    case 'category_purchase':
      return perCustomer(ctx, sql`count(*)`, sql`o.category_ids @> array[${c.categoryId}]::text[]`, c.withinDays, 'gte', c.minTimes, 'count');
    case 'event_count':
      return measured(ctx, behaviourCountsSql({ eventType: c.eventType, since: since(ctx.now, c.withinDays), until: ctx.now, customerIds: ctx.customerIds }), c.cmp, c.value);
  }
}

function node(n: TSegmentNode, ctx: Ctx): SQL {
  if (n.type !== 'group') return condition(n, ctx);
  if (!n.items.length) return sql.raw(n.op === 'and' ? 'true' : 'false');
  const parts = n.items.map((i) => node(i, ctx));
  return sql`(${sql.join(parts, sql.raw(n.op === 'and' ? ' and ' : ' or '))})`;
}

/**
 * The rule as SQL at `now`. `customerIds` narrows every aggregate to those customers (membership
 * checks of a few customers stay index lookups instead of whole-window aggregates).
 *
 * A rule with order conditions compiles in two levels, so their per-customer subqueries run last,
 * whatever join order PostgreSQL picks: an inner query over `c` and the event joins keeps the
 * customers that pass a necessary condition (the rule with each order condition replaced by its
 * guard on `c`'s all-history aggregates, or by `true`; with only AND and OR, that is implied by
 * the rule), behind `offset 0` (a fence the planner does not pull predicates through); the outer
 * level applies the exact rule to those rows, the event counts passed up as columns `n<i>`. The
 * candidates come up in customer-id order, so the subqueries walk the orders' (customer_id, …)
 * index forwards instead of jumping around it (and keyset pages need no second sort).
 * Without the fence, a hash join plan (right for a wide event window) evaluated the subqueries
 * for every customer the scan of `c` passed, before the join removed most of them.
 */
export function compileSegment(rule: TSegmentRule, now: Date, opts: { customerIds?: readonly string[] } = {}): CompiledSegment {
  const customerIds = opts.customerIds ?? null;
  const only = customerIds ? sql` and c.customer_id = any(${uuidList(customerIds)})` : sql``;
  const single: Ctx = { now, customerIds, joins: [], pass: 'single', events: 0, orders: 0 };
  const predicate = node(rule, single);
  const joins = sql.join(single.joins, sql``);
  if (!single.orders) return { from: sql`audience_customers c${joins}`, where: sql`c.erased_at is null${only} and ${predicate}` };
  const inner: Ctx = { now, customerIds, joins: [], pass: 'inner', events: 0, orders: 0 };
  const necessary = node(rule, inner);
  const outer: Ctx = { now, customerIds, joins: [], pass: 'outer', events: 0, orders: 0 };
  const exact = node(rule, outer);
  const counts = Array.from({ length: single.events }, (_, i) => sql.raw(`, a${i}.n as n${i}`));
  return {
    from: sql`(select c.*${sql.join(counts, sql``)} from audience_customers c${sql.join(inner.joins, sql``)}
      where c.erased_at is null${only} and ${necessary} order by c.customer_id offset 0) c`,
    where: exact,
  };
}
