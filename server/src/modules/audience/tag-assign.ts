import { inArray, sql } from 'drizzle-orm';
import { ZTagExplanation, type TCustomerTags, type TTagExplanation } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { audienceTags } from './tag.tables.ts';

export type StaffRef = { id: string; name: string | null };

/**
 * Manual tagging (issue 7 §4): staff tag and untag customers while serving, one or a list at a time.
 * The explanation of a manual tag is who set it, when, and their note.
 */
export function createTagAssign(db: Db) {
  async function manualTagIds(tagIds: readonly string[]): Promise<void> {
    const rows = await db.run((x) => x.select({ id: audienceTags.id, kind: audienceTags.kind }).from(audienceTags).where(inArray(audienceTags.id, [...tagIds])));
    if (rows.length !== new Set(tagIds).size) throw new KoiError('resource.not_found', { what: 'tag' });
    if (rows.some((r) => r.kind !== 'manual')) throw new KoiError('tag.not_manual');
  }

  const explain = (staff: StaffRef, note: string | undefined, at: Date): TTagExplanation =>
    ({ kind: 'manual', staffId: staff.id, staffName: staff.name, note: note ?? null, at: at.toISOString() });

  return {
    /** Tags one customer with manual tags; a tag already held keeps its first setter and time. */
    async tagCustomer(customerId: string, tagIds: readonly string[], staff: StaffRef, note?: string): Promise<{ tagged: number; already: number }> {
      await manualTagIds(tagIds);
      const now = clock.now();
      const e = JSON.stringify(explain(staff, note, now));
      const ids = [...new Set(tagIds)];
      const rows = await db.rows<{ tag_id: string }>(sql`
        insert into audience_customer_tags (tag_id, customer_id, set_at, set_by, explanation)
        select t, ${customerId}::uuid, ${now}, 'staff', ${e}::jsonb from unnest(${sql.param(ids)}::uuid[]) as t
        on conflict (tag_id, customer_id) do nothing returning tag_id`);
      return { tagged: rows.length, already: ids.length - rows.length };
    },

    /** Tags a list of customers with one manual tag, in one statement. */
    async bulkTag(tagId: string, customerIds: readonly string[], staff: StaffRef, note?: string): Promise<{ tagged: number; already: number }> {
      await manualTagIds([tagId]);
      const now = clock.now();
      const e = JSON.stringify(explain(staff, note, now));
      const ids = [...new Set(customerIds)];
      const rows = await db.rows<{ customer_id: string }>(sql`
        insert into audience_customer_tags (tag_id, customer_id, set_at, set_by, explanation)
        select ${tagId}::uuid, c, ${now}, 'staff', ${e}::jsonb from unnest(${sql.param(ids)}::uuid[]) as c
        on conflict (tag_id, customer_id) do nothing returning customer_id`);
      return { tagged: rows.length, already: ids.length - rows.length };
    },

    /** Removes a manual tag from a customer (rule and system tags follow their facts). */
    async untag(customerId: string, tagId: string): Promise<{ removed: boolean }> {
      await manualTagIds([tagId]);
      const rows = await db.rows(sql`delete from audience_customer_tags where tag_id = ${tagId} and customer_id = ${customerId} returning tag_id`);
      return { removed: rows.length > 0 };
    },

    /** A customer's tags, each with why it is set. */
    async customerTags(customerId: string): Promise<TCustomerTags> {
      const rows = await db.rows<{
        tag_id: string; name: string; kind: 'manual' | 'rule' | 'system'; code: string | null; color: string; group_name: string | null;
        set_at: Date | string; set_by: string; explanation: unknown;
      }>(sql`
        select ct.tag_id, t.name, t.kind, t.code, t.color, g.name as group_name, ct.set_at, ct.set_by, ct.explanation
        from audience_customer_tags ct
        join audience_tags t on t.id = ct.tag_id
        left join audience_tag_groups g on g.id = t.group_id
        where ct.customer_id = ${customerId}
        order by case t.kind when 'system' then 0 when 'rule' then 1 else 2 end, g.sort nulls last, t.sort, t.name`);
      return {
        customerId,
        items: rows.map((r) => ({
          tagId: r.tag_id, name: r.name, kind: r.kind, code: r.code, color: r.color, groupName: r.group_name,
          setAt: new Date(r.set_at).toISOString(), setBy: r.set_by,
          explanation: ZTagExplanation.parse(typeof r.explanation === 'string' ? JSON.parse(r.explanation) : r.explanation),
        })),
      };
    },
  };
}
export type TagAssign = ReturnType<typeof createTagAssign>;
