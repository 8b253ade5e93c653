import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { ZBlock, type TBlock, type TDecoratedPage, type TShopPage } from '@koi/contracts';
import { z } from 'zod';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import type { SearchService } from '../search/index.ts';
import { decorationPages, decorationPageVersions } from './decoration.tables.ts';
import { firstUnknown, isSafeUrl, refsOf, repeatedBlockId, type RefType } from './page-links.rules.ts';
import { sanitizeRichText } from './rich-text.rules.ts';
import { resolveBlocks } from './resolve-page.ts';
import './decoration.errors.ts';

type PageRow = typeof decorationPages.$inferSelect;
const ZBlocks = z.array(ZBlock);
const VERSIONS_SHOWN = 50;
const REF_LABEL: Record<RefType, string> = { product: '商品', category: '分类', collection: '分组', page: '页面' };

/** JSON with sorted keys: jsonb reorders keys, so drafts are compared in this form. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v);
}

export function decorationPagesService(db: Db, search: SearchService) {
  async function rowById(id: string, q?: Q): Promise<PageRow> {
    if (!z.uuid().safeParse(id).success) throw new KoiError('resource.not_found', { what: '页面' });
    const [row] = await (q ? q.select().from(decorationPages).where(eq(decorationPages.id, id)).for('update')
      : db.run((r) => r.select().from(decorationPages).where(eq(decorationPages.id, id))));
    if (!row) throw new KoiError('resource.not_found', { what: '页面' });
    return row;
  }

  async function present(row: PageRow): Promise<TDecoratedPage> {
    const versions = await db.run((q) => q.select().from(decorationPageVersions)
      .where(eq(decorationPageVersions.pageId, row.id)).orderBy(desc(decorationPageVersions.version)).limit(VERSIONS_SHOWN));
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      draft: ZBlocks.parse(row.draft),
      publishedVersion: row.publishedVersion,
      dirty: row.dirty,
      versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy })),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** Checks a page's blocks against the read model and cleans its rich text; throws 422 naming the block. */
  async function checked(blocks: TBlock[]): Promise<TBlock[]> {
    const repeated = repeatedBlockId(blocks);
    if (repeated) throw new KoiError('decoration.block_id_repeated', { block: repeated });
    const { refs, urls } = refsOf(blocks);
    const unsafe = urls.find((u) => !isSafeUrl(u.url));
    if (unsafe) {
      const params = { block: unsafe.block, url: unsafe.url };
      throw new KoiError('decoration.url_unsafe', params, { fieldErrors: [{ path: `body.${unsafe.path}`, message: 'unsafe url', code: 'decoration.url_unsafe', params }] });
    }
    const ids = (t: RefType) => refs.filter((r) => r.type === t).map((r) => r.id);
    // Sequential on purpose: this also runs inside the publish transaction (one connection).
    const known = await search.known({ products: ids('product'), categories: ids('category'), collections: ids('collection') });
    const pages = await db.run((q) => q.select({ slug: decorationPages.slug }).from(decorationPages));
    const missing = firstUnknown(refs, { product: known.products, category: known.categories, collection: known.collections, page: new Set(pages.map((p) => p.slug)) });
    if (missing) {
      const params = { block: missing.block, type: missing.type, label: REF_LABEL[missing.type], id: missing.id };
      throw new KoiError('decoration.link_unknown', params,
        { fieldErrors: [{ path: `body.${missing.path}`, message: `unknown ${missing.type}`, code: 'decoration.link_unknown', params }] });
    }
    return blocks.map((b) => (b.kind === 'rich_text' ? { ...b, html: sanitizeRichText(b.html) } : b));
  }

  async function publishedBlocks(q: Q, pageId: string, version: number | null) {
    if (version === null) return null;
    const [v] = await q.select().from(decorationPageVersions)
      .where(and(eq(decorationPageVersions.pageId, pageId), eq(decorationPageVersions.version, version)));
    return v ?? null;
  }

  /** Publishes `blocks` as the next version (in the caller's transaction). */
  async function publishBlocks(q: Q, row: PageRow, title: string, blocks: TBlock[], staffId: string | null, restoredFrom: number | null) {
    const [last] = await db.rows<{ next: number }>(sql`select coalesce(max(version), 0) + 1 as next
      from decoration_page_versions where page_id = ${row.id}`, q);
    const version = Number(last!.next);
    const now = clock.now();
    await q.insert(decorationPageVersions).values({ pageId: row.id, version, title, blocks, publishedAt: now, publishedBy: staffId, restoredFrom });
    await q.update(decorationPages).set({ title, draft: blocks, publishedVersion: version, dirty: false, updatedAt: now }).where(eq(decorationPages.id, row.id));
  }

  return {
    async ensureHome(): Promise<void> {
      const now = clock.now();
      await db.run((q) => q.insert(decorationPages)
        .values({ id: newId(), slug: 'home', title: '首页', draft: [], publishedVersion: null, dirty: false, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: decorationPages.slug }));
    },

    async list() {
      const rows = await db.run((q) => q.select().from(decorationPages).orderBy(sql`${decorationPages.slug} <> 'home'`, asc(decorationPages.slug)));
      return { items: rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, publishedVersion: r.publishedVersion, dirty: r.dirty, updatedAt: r.updatedAt.toISOString() })) };
    },

    async create(input: { slug: string; title: string }): Promise<TDecoratedPage> {
      const now = clock.now();
      const [row] = await db.run((q) => q.insert(decorationPages)
        .values({ id: newId(), slug: input.slug, title: input.title, draft: [], publishedVersion: null, dirty: false, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: decorationPages.slug }).returning());
      if (!row) throw new KoiError('decoration.slug_taken', { slug: input.slug });
      return present(row);
    },

    get: async (id: string) => present(await rowById(id)),

    async saveDraft(id: string, input: { title: string; blocks: TBlock[] }): Promise<TDecoratedPage> {
      const blocks = await checked(input.blocks);
      const row = await db.tx(async (q) => {
        const current = await rowById(id, q);
        const live = await publishedBlocks(q, id, current.publishedVersion);
        const dirty = !live || canonical({ t: live.title, b: live.blocks }) !== canonical({ t: input.title, b: blocks });
        const [updated] = await q.update(decorationPages).set({ title: input.title, draft: blocks, dirty, updatedAt: clock.now() })
          .where(eq(decorationPages.id, id)).returning();
        return updated!;
      });
      return present(row);
    },

    async publish(id: string, staffId: string | null): Promise<TDecoratedPage> {
      await db.tx(async (q) => {
        const row = await rowById(id, q);
        // Checked again: a product or collection may have gone since the draft was saved.
        const blocks = await checked(ZBlocks.parse(row.draft));
        await publishBlocks(q, row, row.title, blocks, staffId, null);
      });
      return present(await rowById(id));
    },

    /** The old version becomes the draft and is published again, as a new version (history stays append-only). */
    async rollback(id: string, version: number, staffId: string | null): Promise<TDecoratedPage> {
      await db.tx(async (q) => {
        const row = await rowById(id, q);
        const old = await publishedBlocks(q, id, version);
        if (!old) throw new KoiError('decoration.version_unknown', { version });
        await publishBlocks(q, row, old.title, ZBlocks.parse(old.blocks), staffId, version);
      });
      return present(await rowById(id));
    },

    async preview(id: string): Promise<TShopPage> {
      const row = await rowById(id);
      return { slug: row.slug, title: row.title, version: null, blocks: await resolveBlocks(search, ZBlocks.parse(row.draft)) };
    },

    /** The published page; an unpublished home page is empty, any other unpublished page is not found. */
    async shopPage(slug: string): Promise<TShopPage> {
      const [row] = await db.rows<{ title: string; version: number | null; blocks: unknown }>(sql`
        select coalesce(v.title, p.title) as title, p.published_version as version, v.blocks from decoration_pages p
        left join decoration_page_versions v on v.page_id = p.id and v.version = p.published_version where p.slug = ${slug}`);
      if (!row || (row.version === null && slug !== 'home')) throw new KoiError('resource.not_found', { what: '页面' });
      const blocks = row.version === null ? [] : ZBlocks.parse(row.blocks);
      return { slug, title: row.title, version: row.version === null ? null : Number(row.version), blocks: await resolveBlocks(search, blocks) };
    },
  };
}
export type DecorationPages = ReturnType<typeof decorationPagesService>;
