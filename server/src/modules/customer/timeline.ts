import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { TTimelineList } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { behaviourEvents } from './behaviour.tables.ts';
import { decodeCursor, encodeCursor } from './privacy.rules.ts';
import { timelineLabel } from './timeline.rules.ts';
import type { BehaviourProps } from './record-behaviour.ts';

/**
 * A customer's behaviour, newest first, keyset paged on (occurred_at, id) within the customer's key
 * (one index range of the partition-ready primary key).
 */
export async function customerTimeline(db: Db, customerId: string, query: { cursor?: string; limit: number }): Promise<TTimelineList> {
  const conds: SQL[] = [eq(behaviourEvents.customerKey, customerId)];
  const after = decodeCursor(query.cursor);
  if (after) conds.push(or(lt(behaviourEvents.occurredAt, after.at), and(eq(behaviourEvents.occurredAt, after.at), sql`${behaviourEvents.id} < ${after.id}`))!);
  const rows = await db.run((q) => q.select().from(behaviourEvents).where(and(...conds))
    .orderBy(desc(behaviourEvents.occurredAt), desc(behaviourEvents.id)).limit(query.limit + 1));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const props = r.props as BehaviourProps;
      return { id: r.id, type: r.type, source: r.source, at: r.occurredAt.toISOString(), label: timelineLabel(r.type, props), props };
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.occurredAt, last.id) : null,
  };
}
