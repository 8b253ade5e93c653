import { sql } from 'drizzle-orm';
import { SEGMENT_SAMPLE_SIZE, type TSegmentCustomer, type TSegmentExplanation, type TSegmentPreview, type TSegmentRule } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import { loadSegmentFacts } from './facts-load.ts';
import { matches } from './segment-rule.rules.ts';
import { segmentCount, segmentPage } from './segment-query.ts';
import { uuidList } from './segment-sql.ts';
import './segments.errors.ts';

/** Names of customers, from the customer module when it is bound (a port: audience does not read profiles). */
export type CustomerNames = (customerIds: readonly string[]) => Promise<Map<string, string>>;

type Row = { customer_id: string; gender: TSegmentCustomer['gender']; region_code: string | null; source_channel: string | null; paid_orders: number; spend_fen: string | number; last_order_at: Date | string | null };

/** The audience facts of some customers as the admin shows them, in the order of `customerIds`. */
export async function segmentCustomers(db: Db, customerIds: readonly string[], names: CustomerNames | null, q?: Q): Promise<TSegmentCustomer[]> {
  if (!customerIds.length) return [];
  const rows = await db.rows<Row>(sql`select customer_id, gender, region_code, source_channel, paid_orders, spend_fen, last_order_at
    from audience_customers where customer_id = any(${uuidList(customerIds)})`, q);
  const byId = new Map(rows.map((r) => [r.customer_id, r]));
  const named = names ? await names(customerIds) : new Map<string, string>();
  return customerIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{
      customerId: id, name: named.get(id) ?? null, gender: r.gender, regionCode: r.region_code, sourceChannel: r.source_channel,
      paidOrders: Number(r.paid_orders), spendFen: Number(r.spend_fen), lastOrderAt: r.last_order_at === null ? null : new Date(r.last_order_at).toISOString(),
    }];
  });
}

/** The live preview of an unsaved rule: the count and the first 20 members (two statements + names). */
export async function previewSegment(db: Db, rule: TSegmentRule, now: Date, names: CustomerNames | null): Promise<TSegmentPreview> {
  const started = performance.now();
  const [count, ids] = await Promise.all([segmentCount(db, rule, now), segmentPage(db, rule, now, { after: null, limit: SEGMENT_SAMPLE_SIZE })]);
  const sample = await segmentCustomers(db, ids, names);
  return { count, sample, at: now.toISOString(), tookMs: Math.round(performance.now() - started) };
}

/**
 * "Why is this customer in it": the reference evaluator on the customer's facts. The tree shows
 * every condition with the value it compared, whether or not the customer is in the segment.
 */
export async function explainSegment(db: Db, rule: TSegmentRule, customerId: string, now: Date, names: CustomerNames | null): Promise<TSegmentExplanation> {
  const facts = (await loadSegmentFacts(db, [customerId], rule, now)).get(customerId);
  const [customer] = await segmentCustomers(db, [customerId], names);
  if (!facts || !customer) throw new KoiError('audience.customer_not_in_audience');
  const { matched, explanation } = matches(rule, facts, now);
  // An erased customer (PIPL) is in no segment, whatever the facts left say.
  const erased = await db.rows(sql`select 1 from audience_customers where customer_id = ${customerId} and erased_at is not null`);
  return { customer, matched: matched && !erased.length, explanation, at: now.toISOString() };
}
