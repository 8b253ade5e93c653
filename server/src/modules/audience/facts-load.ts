import { sql } from 'drizzle-orm';
import type { TCustomerGender, TSegmentNode, TSegmentRule } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { behaviourEventsOfSql } from '../customer/index.ts';
import { DAY_MS } from './audience-time.ts';
import type { SegmentFacts } from './segment-rule.rules.ts';
import { uuidList } from './segment-sql.ts';

/** The event types a rule reads and the longest window it looks back. */
export function eventNeeds(rule: TSegmentRule): { types: string[]; days: number } {
  const types = new Set<string>();
  let days = 0;
  const walk = (n: TSegmentNode) => {
    if (n.type === 'group') n.items.forEach(walk);
    else if (n.type === 'event_count') {
      types.add(n.eventType);
      days = Math.max(days, n.withinDays);
    }
  };
  walk(rule);
  return { types: [...types], days };
}

const at = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/**
 * What the reference evaluator knows of each customer (issue 7 §5 "why is this customer in it"),
 * in four statements whatever the number of customers. Orders are the paid ones not refunded in
 * full, each with what the customer kept (total − refunded); events only those of `rule`'s types
 * within its longest window. Customers without a row in `audience_customers` are left out.
 */
export async function loadSegmentFacts(db: Db, customerIds: readonly string[], rule: TSegmentRule, now: Date, q?: Q): Promise<Map<string, SegmentFacts>> {
  const out = new Map<string, SegmentFacts>();
  if (!customerIds.length) return out;
  const ids = uuidList(customerIds);
  const profiles = await db.rows<{ customer_id: string; gender: TCustomerGender; region_code: string | null; source_channel: string | null; birthday_month: number | null }>(
    sql`select customer_id, gender, region_code, source_channel, birthday_month from audience_customers where customer_id = any(${ids})`, q);
  const orders = await db.rows<{ customer_id: string; paid_at: unknown; fen: string | number; category_ids: string[] }>(
    sql`select customer_id, paid_at, greatest(total_fen - refunded_fen, 0) as fen, category_ids from audience_orders
      where customer_id = any(${ids}) and (refunded_fen = 0 or refunded_fen < total_fen)`, q);
  const tags = await db.rows<{ customer_id: string; tag_id: string }>(
    sql`select customer_id, tag_id::text as tag_id from audience_customer_tags where customer_id = any(${ids})`, q);
  const needs = eventNeeds(rule);
  const events = needs.types.length
    ? await db.rows<{ customer_id: string; type: string; at: unknown }>(behaviourEventsOfSql(customerIds, needs.types, new Date(now.getTime() - needs.days * DAY_MS)), q)
    : [];
  for (const p of profiles) {
    out.set(p.customer_id, {
      tagIds: new Set(), gender: p.gender, regionCode: p.region_code, sourceChannel: p.source_channel,
      birthdayMonth: p.birthday_month === null ? null : Number(p.birthday_month), paidOrders: [], events: [],
    });
  }
  for (const o of orders) {
    const f = out.get(o.customer_id);
    if (f) (f.paidOrders as { paidAt: Date; totalFen: number; categoryIds: string[] }[]).push({ paidAt: at(o.paid_at), totalFen: Number(o.fen), categoryIds: o.category_ids });
  }
  for (const t of tags) (out.get(t.customer_id)?.tagIds as Set<string> | undefined)?.add(t.tag_id);
  for (const e of events) {
    const f = out.get(e.customer_id);
    if (f) (f.events as { type: string; at: Date }[]).push({ type: e.type, at: at(e.at) });
  }
  return out;
}
