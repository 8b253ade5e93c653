import { sql } from 'drizzle-orm';
import type { Q } from '../../platform/db.ts';
import { behaviourDailyCounts, behaviourEvents } from './behaviour.tables.ts';
import { dailyCountDeltas } from './behaviour.rules.ts';

export type BehaviourRow = typeof behaviourEvents.$inferInsert;

/**
 * The one way events enter `behaviour_events`: inserts them and adds them to `behaviour_daily_counts`
 * (n = n + k) in the caller's transaction, so the rollup never drifts from the events. Deltas go in
 * primary-key order, so two concurrent batches touching the same rows lock them in the same order.
 */
export async function appendBehaviour(q: Q, rows: readonly BehaviourRow[]): Promise<void> {
  if (!rows.length) return;
  await q.insert(behaviourEvents).values([...rows]);
  const deltas = dailyCountDeltas(rows.map((r) => ({ type: r.type, shopperId: r.shopperId ?? null, at: r.occurredAt })));
  if (!deltas.length) return;
  await q.insert(behaviourDailyCounts).values(deltas)
    .onConflictDoUpdate({ target: [behaviourDailyCounts.customerId, behaviourDailyCounts.type, behaviourDailyCounts.day], set: { n: sql`${behaviourDailyCounts.n} + excluded.n` } });
}
