import { sql, type SQL } from 'drizzle-orm';

const DAY_MS = 86_400_000;

/**
 * How many behaviour events of one type each signed-in customer had in [since, until], as a SQL
 * subquery with columns (customer_id uuid, n int) — for the audience module's segment and tag
 * counts, which join it without reading `behaviour_events` themselves. Anonymous events (no shopper)
 * belong to no customer. `customerIds` narrows it to some customers (one customer's explanation).
 *
 * Exact, from two sources: the whole UTC days inside the window from `behaviour_daily_counts` (a
 * (type, day) range of its window index), and the partial days at both ends — [since, first
 * midnight) and [last midnight, until] — from the raw events on their (type, occurred_at,
 * shopper_id) index. Each source is grouped by its own table's customer column and the two are
 * full-joined (rather than grouped after a union), so PostgreSQL estimates the number of customers
 * from the columns' statistics instead of a default of 200: with a right estimate it hashes a wide
 * window instead of sorting it, and joins a large result to the customers by hash instead of one
 * primary-key look-up per customer.
 */
export function behaviourCountsSql(args: { eventType: string; since: Date; until: Date; customerIds?: readonly string[] | null }): SQL {
  const ids = args.customerIds ? sql.param([...args.customerIds]) : null;
  const rawOnly = ids ? sql` and shopper_id = any(${ids}::uuid[])` : sql``;
  const raw = (from: Date, to: SQL) => sql`select shopper_id from behaviour_events
    where type = ${args.eventType} and occurred_at >= ${from} and ${to} and shopper_id is not null${rawOnly}`;
  const rawCounts = (parts: SQL[]) => sql`select shopper_id as customer_id, count(*)::int as n from (${sql.join(parts, sql` union all `)}) r group by shopper_id`;
  const firstFull = Math.ceil(args.since.getTime() / DAY_MS) * DAY_MS;
  const lastFull = Math.floor(args.until.getTime() / DAY_MS) * DAY_MS; // the start of the day `until` is in
  if (firstFull >= lastFull) return rawCounts([raw(args.since, sql`occurred_at <= ${args.until}`)]);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const rollOnly = ids ? sql` and customer_id = any(${ids}::uuid[])` : sql``;
  const days = sql`select customer_id, sum(n)::int as n from behaviour_daily_counts
    where type = ${args.eventType} and day >= ${day(firstFull)}::date and day < ${day(lastFull)}::date${rollOnly} group by customer_id`;
  const edges: SQL[] = [];
  if (args.since.getTime() < firstFull) edges.push(raw(args.since, sql`occurred_at < ${new Date(firstFull)}`));
  edges.push(raw(new Date(lastFull), sql`occurred_at <= ${args.until}`));
  return sql`select coalesce(d.customer_id, r.customer_id) as customer_id, (coalesce(d.n, 0) + coalesce(r.n, 0))::int as n
    from (${days}) d full join (${rawCounts(edges)}) r on r.customer_id = d.customer_id`;
}

/**
 * Some customers' events of some types since `since` (columns customer_id, type, at): the facts an
 * explanation shows. A signed-in customer's `customer_key` is their id, so this is a primary-key range.
 */
export function behaviourEventsOfSql(customerIds: readonly string[], types: readonly string[], since: Date): SQL {
  return sql`select shopper_id as customer_id, type, occurred_at as at from behaviour_events
    where customer_key = any(${sql.param([...customerIds])}::text[]) and shopper_id is not null
      and type = any(${sql.param([...types])}::text[]) and occurred_at >= ${since}`;
}
