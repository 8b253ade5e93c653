import { eq, sql } from 'drizzle-orm';
import {
  ZTagSettings, type TTag, type TTagGroup, type TTagGroupInput, type TTagInput, type TTagList, type TTagSettings, type TTagUpdate,
} from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audienceTagGroups, audienceTags, audienceTagSettings } from './tag.tables.ts';
import { DEFAULT_TAG_SETTINGS, SYSTEM_GROUPS, SYSTEM_TAGS } from './system-tags.rules.ts';

const uniqueName = (err: unknown): string | null => {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.cause?.code;
  return code === '23505' ? (e.constraint ?? e.cause?.constraint ?? 'unique') : null;
};

type TagRow = typeof audienceTags.$inferSelect;
const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

export function tagView(r: TagRow, customers: number): TTag {
  return {
    id: r.id, groupId: r.groupId, name: r.name, kind: r.kind, code: r.code, rule: r.rule ?? null, description: r.description, color: r.color,
    customers, evaluatedAt: iso(r.evaluatedAt), createdAt: new Date(r.createdAt).toISOString(),
  };
}

/** Tag groups, tags and the system-tag settings: the operator's set-up. */
export function createTagCatalog(db: Db) {
  let systemReady = false;

  /** Creates the system groups and tags once (idempotent: keyed by code). */
  async function ensureSystemTags(q?: Q): Promise<void> {
    if (systemReady) return;
    await db.run(async (x) => {
      const now = clock.now();
      for (const g of SYSTEM_GROUPS) {
        await x.insert(audienceTagGroups).values({ id: newId(), name: g.name, color: g.color, sort: g.sort, kind: 'system', code: g.code, createdAt: now, updatedAt: now })
          .onConflictDoNothing();
      }
      const groups = await x.select({ id: audienceTagGroups.id, code: audienceTagGroups.code }).from(audienceTagGroups).where(eq(audienceTagGroups.kind, 'system'));
      const groupId = new Map(groups.map((g) => [g.code, g.id]));
      for (const t of SYSTEM_TAGS) {
        await x.insert(audienceTags).values({
          id: newId(), groupId: groupId.get(t.group) ?? null, name: t.name, kind: 'system', code: t.code, color: t.color, sort: t.sort, createdAt: now, updatedAt: now,
        }).onConflictDoNothing();
      }
    }, q);
    systemReady = true;
  }

  async function counts(q?: Q): Promise<Map<string, number>> {
    const rows = await db.rows<{ tag_id: string; n: string | number }>(sql`select tag_id, count(*) as n from audience_customer_tags group by tag_id`, q);
    return new Map(rows.map((r) => [r.tag_id, Number(r.n)]));
  }

  async function getTag(id: string, q?: Q): Promise<TagRow> {
    const [row] = await db.run((x) => x.select().from(audienceTags).where(eq(audienceTags.id, id)), q);
    if (!row) throw new KoiError('resource.not_found', { what: 'tag' });
    return row;
  }

  async function checkGroup(groupId: string | null, kind: 'manual' | 'rule', q?: Q): Promise<void> {
    if (groupId === null) return;
    const [g] = await db.run((x) => x.select().from(audienceTagGroups).where(eq(audienceTagGroups.id, groupId)), q);
    if (!g) throw new KoiError('resource.not_found', { what: 'tag_group' });
    if (g.kind === 'system' || (g.kind !== kind)) throw new KoiError('tag.kind_mismatch');
  }

  return {
    ensureSystemTags,
    getTag,

    async list(filter: { kind?: TTag['kind']; groupId?: string } = {}): Promise<TTagList> {
      await ensureSystemTags();
      const [tags, groups, n] = [
        await db.run((x) => x.select().from(audienceTags).orderBy(audienceTags.sort, audienceTags.createdAt)),
        await db.run((x) => x.select().from(audienceTagGroups).orderBy(audienceTagGroups.sort, audienceTagGroups.createdAt)),
        await counts(),
      ];
      // Grouped as the admin shows them: by their group's order, then their own.
      const groupSort = new Map(groups.map((g) => [g.id, g.sort]));
      const rank = (t: TagRow) => (t.groupId === null ? -1 : groupSort.get(t.groupId) ?? -1);
      const items = tags.filter((t) => (!filter.kind || t.kind === filter.kind) && (!filter.groupId || t.groupId === filter.groupId))
        .sort((a, b) => rank(a) - rank(b) || a.sort - b.sort).map((t) => tagView(t, n.get(t.id) ?? 0));
      const groupViews: TTagGroup[] = groups.map((g) => ({
        id: g.id, name: g.name, color: g.color, sort: g.sort, kind: g.kind, tagCount: tags.filter((t) => t.groupId === g.id).length,
      }));
      return { items, groups: groupViews };
    },

    async tag(id: string): Promise<TTag> {
      const row = await getTag(id);
      return tagView(row, (await counts()).get(id) ?? 0);
    },

    async saveGroup(id: string | null, input: TTagGroupInput & { kind?: 'manual' | 'rule' }): Promise<TTagGroup> {
      const now = clock.now();
      const groupId = id ?? newId();
      try {
        if (id) {
          const [g] = await db.run((x) => x.select().from(audienceTagGroups).where(eq(audienceTagGroups.id, id)));
          if (!g) throw new KoiError('resource.not_found', { what: 'tag_group' });
          if (g.kind === 'system') throw new KoiError('tag.system_readonly');
          await db.run((x) => x.update(audienceTagGroups).set({ name: input.name, color: input.color, sort: input.sort, updatedAt: now }).where(eq(audienceTagGroups.id, id)));
        } else {
          await db.run((x) => x.insert(audienceTagGroups).values({ id: groupId, name: input.name, color: input.color, sort: input.sort, kind: input.kind ?? 'manual', createdAt: now, updatedAt: now }));
        }
      } catch (err) {
        if (uniqueName(err)) throw new KoiError('tag.group_name_taken');
        throw err;
      }
      const list = await this.list();
      return list.groups.find((g) => g.id === groupId)!;
    },

    async removeGroup(id: string): Promise<void> {
      await db.tx(async (q) => {
        const [g] = await db.run((x) => x.select().from(audienceTagGroups).where(eq(audienceTagGroups.id, id)), q);
        if (!g) throw new KoiError('resource.not_found', { what: 'tag_group' });
        if (g.kind === 'system') throw new KoiError('tag.system_readonly');
        const [n] = await db.rows<{ n: string | number }>(sql`select count(*) as n from audience_tags where group_id = ${id}`, q);
        if (Number(n?.n ?? 0) > 0) throw new KoiError('tag.group_not_empty', { tags: Number(n!.n) });
        await db.run((x) => x.delete(audienceTagGroups).where(eq(audienceTagGroups.id, id)), q);
      });
    },

    async createTag(input: TTagInput): Promise<TTag> {
      const now = clock.now();
      const id = newId();
      await checkGroup(input.groupId, input.kind);
      try {
        await db.run((x) => x.insert(audienceTags).values({
          id, groupId: input.groupId, name: input.name, kind: input.kind, rule: input.rule, description: input.description, color: input.color, createdAt: now, updatedAt: now,
        }));
      } catch (err) {
        if (uniqueName(err)) throw new KoiError('tag.name_taken');
        throw err;
      }
      return this.tag(id);
    },

    /** Changes a manual or rule tag; returns whether the rule changed (the caller re-evaluates it). */
    async updateTag(id: string, patch: TTagUpdate): Promise<{ tag: TTag; ruleChanged: boolean }> {
      const row = await getTag(id);
      if (row.kind === 'system') throw new KoiError('tag.system_readonly');
      if (patch.rule !== undefined && row.kind !== 'rule') throw new KoiError('tag.not_rule');
      if (patch.groupId !== undefined) await checkGroup(patch.groupId, row.kind);
      try {
        await db.run((x) => x.update(audienceTags).set({ ...patch, updatedAt: clock.now() }).where(eq(audienceTags.id, id)));
      } catch (err) {
        if (uniqueName(err)) throw new KoiError('tag.name_taken');
        throw err;
      }
      const ruleChanged = patch.rule !== undefined && JSON.stringify(patch.rule) !== JSON.stringify(row.rule);
      return { tag: await this.tag(id), ruleChanged };
    },

    async removeTag(id: string): Promise<void> {
      await db.tx(async (q) => {
        const row = await getTag(id, q);
        if (row.kind === 'system') throw new KoiError('tag.system_readonly');
        await db.rows(sql`delete from audience_customer_tags where tag_id = ${id}`, q);
        await db.run((x) => x.delete(audienceTags).where(eq(audienceTags.id, id)), q);
      });
    },

    async settings(q?: Q): Promise<TTagSettings> {
      const [row] = await db.run((x) => x.select().from(audienceTagSettings).where(eq(audienceTagSettings.id, 'default')), q);
      // Parsed again so settings saved before a field existed get its default.
      return row ? ZTagSettings.parse(row.value) : DEFAULT_TAG_SETTINGS;
    },

    async saveSettings(value: TTagSettings): Promise<TTagSettings> {
      const now = clock.now();
      await db.run((x) => x.insert(audienceTagSettings).values({ id: 'default', value, updatedAt: now })
        .onConflictDoUpdate({ target: audienceTagSettings.id, set: { value, updatedAt: now } }));
      return value;
    },
  };
}
export type TagCatalog = ReturnType<typeof createTagCatalog>;
