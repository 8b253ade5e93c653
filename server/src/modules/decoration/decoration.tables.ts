import { pgTable, text, timestamp, uuid, jsonb, integer, boolean, primaryKey } from 'drizzle-orm/pg-core';

/** A decorated page (微页面): the operator's draft and which published version shoppers see. */
export const decorationPages = pgTable('decoration_pages', {
  id: uuid('id').primaryKey(),
  /** `home` is the shop's home page; it exists from the first boot. */
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  /** ZBlock[] as last saved (rich text already sanitised, links checked). */
  draft: jsonb('draft').notNull(),
  publishedVersion: integer('published_version'),
  /** The draft differs from the published version. */
  dirty: boolean('dirty').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Every published version, kept for rollback (append-only). */
export const decorationPageVersions = pgTable(
  'decoration_page_versions',
  {
    pageId: uuid('page_id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    blocks: jsonb('blocks').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by'),
    /** Set when this version was a rollback to an earlier one. */
    restoredFrom: integer('restored_from'),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.version] })],
);
