import { sql } from 'drizzle-orm';
import type { TSegmentRule, TTagExplanation } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { compileSegment } from './segment-sql.ts';
import { matches, type SegmentFacts } from './segment-rule.rules.ts';

/** Loads what the reference evaluator needs for these customers and rule (the segments helper's `loadSegmentFacts`). */
export type SegmentFactsLoader = (customerIds: readonly string[], rule: TSegmentRule, now: Date, q?: Q) => Promise<Map<string, SegmentFacts>>;

export type RuleTag = { id: string; rule: TSegmentRule };
export type RulePassResult = { added: number; removed: number; disagreed: number };

/**
 * Rule tags (issue 7 §4) for one page of customers, set-based: membership is the segments helper's
 * compiled SQL narrowed to the page (`compileSegment(…, { customerIds })`, index lookups per
 * customer), tags no longer deserved are deleted in the same statement, and only the customers who
 * newly qualify are loaded for the reference evaluator, whose explanation tree is stored as the
 * reason — "why", as of when the tag was set. A tag still deserved keeps its first reason and time.
 *
 * If the reference evaluator disagrees with the SQL for a customer (facts changed between the two
 * reads, or a compiler bug) the tag is not set and the disagreement is logged and counted.
 */
export async function recomputeRuleTagsForPage(db: Db, deps: { loadFacts: SegmentFactsLoader; log: Logger }, args: {
  tags: readonly RuleTag[]; customerIds: readonly string[]; now: Date;
}, q: Q): Promise<RulePassResult> {
  const { tags, customerIds, now } = args;
  const result: RulePassResult = { added: 0, removed: 0, disagreed: 0 };
  if (!tags.length || !customerIds.length) return result;
  const fresh = new Map<string, string[]>(); // customer → rule tags newly deserved
  for (const tag of tags) {
    const seg = compileSegment(tag.rule, now, { customerIds });
    const [row] = await db.rows<{ removed: number | string; fresh: string[] | null }>(sql`
      with members as (select c.customer_id from ${seg.from} where ${seg.where}),
      del as (
        delete from audience_customer_tags ct where ct.tag_id = ${tag.id}::uuid
          and ct.customer_id = any(${sql.param([...customerIds])}::uuid[])
          and not exists (select 1 from members m where m.customer_id = ct.customer_id)
        returning 1)
      select (select count(*) from del) as removed,
        (select array_agg(m.customer_id::text) from members m where not exists (
          select 1 from audience_customer_tags ct where ct.tag_id = ${tag.id}::uuid and ct.customer_id = m.customer_id)) as fresh`, q);
    result.removed += Number(row?.removed ?? 0);
    for (const c of row?.fresh ?? []) fresh.set(c, [...(fresh.get(c) ?? []), tag.id]);
  }
  if (!fresh.size) return result;

  const byId = new Map(tags.map((t) => [t.id, t]));
  // One load for every rule involved: an OR of them asks for the events any of them reads.
  const involved = [...new Set([...fresh.values()].flat())].map((id) => byId.get(id)!.rule);
  const facts = await deps.loadFacts([...fresh.keys()], { type: 'group', op: 'or', items: involved }, now, q);
  const rows: Array<{ tag_id: string; customer_id: string; explanation: TTagExplanation }> = [];
  for (const [customerId, tagIds] of fresh) {
    const f = facts.get(customerId);
    for (const tagId of tagIds) {
      const rule = byId.get(tagId)!.rule;
      const m = f ? matches(rule, f, now) : null;
      if (!m?.matched) {
        result.disagreed += 1;
        deps.log.warn({ tagId, customerId }, 'rule tag: SQL and the reference evaluator disagree; tag not set');
        continue;
      }
      rows.push({ tag_id: tagId, customer_id: customerId, explanation: { kind: 'rule', rule, explanation: m.explanation, evaluatedAt: now.toISOString() } });
    }
  }
  if (rows.length) {
    const inserted = await db.rows(sql`
      insert into audience_customer_tags (tag_id, customer_id, set_at, set_by, explanation)
      select x.tag_id, x.customer_id, ${now.toISOString()}::timestamptz, 'rule', x.explanation
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(tag_id uuid, customer_id uuid, explanation jsonb)
      on conflict (tag_id, customer_id) do nothing returning 1`, q);
    result.added += inserted.length;
  }
  return result;
}

/** Every rule tag with its rule. */
export async function ruleTags(db: Db, q?: Q): Promise<RuleTag[]> {
  const rows = await db.rows<{ id: string; rule: TSegmentRule | string }>(sql`select id, rule from audience_tags where kind = 'rule' and rule is not null order by id`, q);
  return rows.map((r) => ({ id: r.id, rule: typeof r.rule === 'string' ? (JSON.parse(r.rule) as TSegmentRule) : r.rule }));
}
