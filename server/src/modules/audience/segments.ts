import { sql } from 'drizzle-orm';
import type { TSegment, TSegmentInput, TSegmentListQuery, TSegmentRule, TSegmentSnapshot, TSnapshotMembersPage } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { compileSegment } from './segment-sql.ts';
import { segmentCount, tuneForSegments } from './segment-query.ts';
import './segments.errors.ts';

type SegmentRow = {
  id: string; name: string; description: string; rule: TSegmentRule; last_count: number | null; last_counted_at: Date | string | null;
  snapshots: number | string; created_at: Date | string; updated_at: Date | string;
};
type SnapshotRow = { id: string; segment_id: string; rule: TSegmentRule; count: number; taken_at: Date | string; taken_by: string | null };

const iso = (v: Date | string) => new Date(v).toISOString();
const toSegment = (r: SegmentRow): TSegment => ({
  id: r.id, name: r.name, description: r.description, rule: r.rule, lastCount: r.last_count === null ? null : Number(r.last_count),
  lastCountedAt: r.last_counted_at === null ? null : iso(r.last_counted_at), snapshots: Number(r.snapshots), createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
});
const toSnapshot = (r: SnapshotRow): TSegmentSnapshot => ({
  id: r.id, segmentId: r.segment_id, rule: r.rule, count: Number(r.count), takenAt: iso(r.taken_at), takenBy: r.taken_by,
});

const SELECT = sql`select s.id, s.name, s.description, s.rule, s.last_count, s.last_counted_at, s.created_at, s.updated_at,
  (select count(*) from audience_segment_snapshots x where x.segment_id = s.id)::int as snapshots from audience_segments s`;

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Saved segments (人群) and their snapshots. */
export function createSegments(db: Db) {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  async function one(id: string, q?: Q): Promise<TSegment> {
    const rows = UUID.test(id) ? await db.rows<SegmentRow>(sql`${SELECT} where s.id = ${id}`, q) : [];
    if (!rows[0]) throw new KoiError('resource.not_found', { what: 'segment' });
    return toSegment(rows[0]);
  }
  async function write<T>(fn: (q: Q) => Promise<T>): Promise<T> {
    try {
      return await db.tx(fn);
    } catch (err) {
      if (isUniqueViolation(err)) throw new KoiError('audience.segment_name_taken');
      throw err;
    }
  }

  return {
    one,
    async list(query: TSegmentListQuery): Promise<{ items: TSegment[]; total: number }> {
      const where = query.keyword ? sql` where s.name ilike ${`%${query.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`}` : sql``;
      const [rows, total] = await Promise.all([
        db.rows<SegmentRow>(sql`${SELECT}${where} order by s.updated_at desc, s.id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
        db.rows<{ n: number }>(sql`select count(*)::int as n from audience_segments s${where}`),
      ]);
      return { items: rows.map(toSegment), total: Number(total[0]?.n ?? 0) };
    },
    /** Saves a new segment and counts it once, so the list shows a size. */
    async create(input: TSegmentInput, staffId: string | null): Promise<TSegment> {
      const id = newId();
      const now = clock.now();
      const count = await segmentCount(db, input.rule, now);
      await write((q) => q.execute(sql`insert into audience_segments (id, name, description, rule, last_count, last_counted_at, created_by, created_at, updated_at)
        values (${id}, ${input.name}, ${input.description}, ${JSON.stringify(input.rule)}::jsonb, ${count}, ${now}, ${staffId}, ${now}, ${now})`));
      return one(id);
    },
    async update(id: string, input: TSegmentInput): Promise<TSegment> {
      await one(id);
      const now = clock.now();
      const count = await segmentCount(db, input.rule, now);
      await write((q) => q.execute(sql`update audience_segments set name = ${input.name}, description = ${input.description},
        rule = ${JSON.stringify(input.rule)}::jsonb, last_count = ${count}, last_counted_at = ${now}, updated_at = ${now} where id = ${id}`));
      return one(id);
    },
    /** Deletes the rule; snapshots stay (campaigns that used them still know who they sent to). */
    async remove(id: string): Promise<void> {
      await one(id);
      await db.run((q) => q.execute(sql`delete from audience_segments where id = ${id}`));
    },
    /** Recounts a saved segment now and remembers the count. */
    async recount(id: string): Promise<TSegment> {
      const s = await one(id);
      const now = clock.now();
      const count = await segmentCount(db, s.rule, now);
      await db.run((q) => q.execute(sql`update audience_segments set last_count = ${count}, last_counted_at = ${now} where id = ${id}`));
      return one(id);
    },
    /**
     * Freezes the segment's members now (one insert … select), records the count, and returns the
     * snapshot id. Inside the caller's transaction when `q` is given (a campaign's own write).
     */
    async snapshot(segmentId: string, staffId: string | null, q?: Q): Promise<string> {
      const take = async (t: Q) => {
        const s = await one(segmentId, t);
        const id = newId();
        const now = clock.now();
        const c = compileSegment(s.rule, now);
        await tuneForSegments(t);
        await t.execute(sql`insert into audience_segment_snapshot_members (snapshot_id, customer_id)
          select ${id}::uuid, c.customer_id from ${c.from} where ${c.where}`);
        const counted = await db.rows<{ n: number }>(sql`select count(*)::int as n from audience_segment_snapshot_members where snapshot_id = ${id}`, t);
        const n = Number(counted[0]?.n ?? 0);
        await t.execute(sql`insert into audience_segment_snapshots (id, segment_id, rule, count, taken_at, taken_by)
          values (${id}, ${segmentId}, ${JSON.stringify(s.rule)}::jsonb, ${n}, ${now}, ${staffId})`);
        await t.execute(sql`update audience_segments set last_count = ${n}, last_counted_at = ${now} where id = ${segmentId}`);
        return id;
      };
      return q ? take(q) : db.tx(take);
    },
    async snapshots(segmentId: string): Promise<TSegmentSnapshot[]> {
      await one(segmentId);
      const rows = await db.rows<SnapshotRow>(sql`select id, segment_id, rule, count, taken_at, taken_by from audience_segment_snapshots
        where segment_id = ${segmentId} order by taken_at desc, id desc limit 100`);
      return rows.map(toSnapshot);
    },
    async snapshotOne(snapshotId: string): Promise<TSegmentSnapshot> {
      const rows = UUID.test(snapshotId)
        ? await db.rows<SnapshotRow>(sql`select id, segment_id, rule, count, taken_at, taken_by from audience_segment_snapshots where id = ${snapshotId}`)
        : [];
      if (!rows[0]) throw new KoiError('resource.not_found', { what: 'segment_snapshot' });
      return toSnapshot(rows[0]);
    },
    /** One page of a snapshot's members in customer-id order after `cursor` (keyset on the primary key). */
    async snapshotMembers(snapshotId: string, cursor: string | null, limit = 1000): Promise<TSnapshotMembersPage> {
      const after = cursor ? sql` and customer_id > ${cursor}::uuid` : sql``;
      const rows = await db.rows<{ customer_id: string }>(sql`select customer_id from audience_segment_snapshot_members
        where snapshot_id = ${snapshotId}::uuid${after} order by customer_id limit ${limit}`);
      const items = rows.map((r) => r.customer_id);
      return { items, next: items.length === limit ? items[items.length - 1]! : null };
    },
  };
}
export type Segments = ReturnType<typeof createSegments>;
