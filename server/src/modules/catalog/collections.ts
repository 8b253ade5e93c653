import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { CatalogEvents, type TCollection, type TCollectionRemovedEvent, type TCollectionSavedEvent, type ZCollectionInput } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import { uuidArray } from '../inventory/index.ts';
import { catalogCollections, type CollectionRule } from './catalog.tables.ts';
import { normaliseCollection } from './collection.rules.ts';
import { isUuid } from './products.ts';

export type CollectionInput = z.output<typeof ZCollectionInput>;
type Row = typeof catalogCollections.$inferSelect;

/** The on-sale products a rule selects (before its limit). */
function ruleWhere(r: CollectionRule): SQL {
  const parts: SQL[] = [sql`p.deleted_at is null`, sql`p.status = 'on_sale'`];
  if (r.categoryId) parts.push(sql`p.category_id in (select id from catalog_categories where id = ${r.categoryId} or parent_id = ${r.categoryId})`);
  if (r.tag) parts.push(sql`p.tags @> ${JSON.stringify([r.tag])}::jsonb`);
  if (r.priceMinFen !== null) parts.push(sql`p.price_min_fen >= ${r.priceMinFen}`);
  if (r.priceMaxFen !== null) parts.push(sql`p.price_min_fen <= ${r.priceMaxFen}`);
  return sql.join(parts, sql` and `);
}

function savedEvent(row: Row): TCollectionSavedEvent {
  return { collectionId: row.id, revision: row.revision, name: row.name, mode: row.mode, productIds: row.productIds, rule: row.rule };
}

/** 分组: hand-ordered product lists or rules. Every change publishes the collection's document. */
export function createCollections(db: Db) {
  /** Product counts of many collections in two statements. */
  async function present(rows: Row[], q?: Q): Promise<TCollection[]> {
    const manualIds = [...new Set(rows.flatMap((r) => (r.mode === 'manual' ? r.productIds : [])))];
    const existing = manualIds.length
      ? new Set((await db.rows<{ id: string }>(sql`select id from catalog_products where id = any(${uuidArray(manualIds)}) and deleted_at is null`, q)).map((r) => r.id))
      : new Set<string>();
    const ruled = rows.filter((r) => r.mode === 'rule' && r.rule);
    const counts = new Map<string, number>();
    if (ruled.length) {
      const parts = ruled.map((r) => sql`select ${r.id}::text as id, (select count(*)::int from catalog_products p where ${ruleWhere(r.rule!)}) as n`);
      for (const c of await db.rows<{ id: string; n: number }>(sql.join(parts, sql` union all `), q)) counts.set(c.id, Number(c.n));
    }
    return rows.map((r) => ({
      id: r.id, name: r.name, mode: r.mode, productIds: r.productIds, rule: r.rule,
      productCount: r.mode === 'manual' ? r.productIds.filter((id) => existing.has(id)).length : Math.min(counts.get(r.id) ?? 0, r.rule?.limit ?? 0),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  async function checked(q: Q, input: CollectionInput) {
    const draft = normaliseCollection({ mode: input.mode, productIds: input.productIds, rule: input.rule });
    if (!draft) throw new KoiError('catalog.collection_rule_required');
    if (draft.productIds.length) {
      const valid = draft.productIds.filter(isUuid);
      const found = valid.length ? await db.rows<{ n: number }>(sql`select count(*)::int as n from catalog_products
        where id = any(${uuidArray(valid)}) and deleted_at is null`, q) : [{ n: 0 }];
      const missing = draft.productIds.length - Number(found[0]?.n ?? 0);
      if (missing > 0) throw new KoiError('catalog.collection_products_unknown', { count: missing });
    }
    const cat = draft.rule?.categoryId;
    if (cat && (!isUuid(cat) || !(await db.rows(sql`select 1 from catalog_categories where id = ${cat}`, q)).length)) {
      throw new KoiError('catalog.category_unknown');
    }
    return { name: input.name, ...draft };
  }

  return {
    async list(): Promise<TCollection[]> {
      const rows = await db.run((q) => q.select().from(catalogCollections).orderBy(asc(catalogCollections.createdAt)));
      return present(rows);
    },

    async create(input: CollectionInput): Promise<TCollection> {
      return db.tx(async (q) => {
        const now = clock.now();
        const [row] = await q.insert(catalogCollections).values({ id: newId(), ...(await checked(q, input)), revision: 1, createdAt: now, updatedAt: now }).returning();
        await publish<TCollectionSavedEvent>(q, CatalogEvents.collectionSaved, savedEvent(row!));
        return (await present([row!], q))[0]!;
      });
    },

    async update(id: string, input: CollectionInput): Promise<TCollection> {
      if (!isUuid(id)) throw new KoiError('catalog.collection_not_found');
      return db.tx(async (q) => {
        const data = await checked(q, input);
        const [row] = await q.update(catalogCollections)
          .set({ ...data, revision: sql`${catalogCollections.revision} + 1`, updatedAt: clock.now() })
          .where(eq(catalogCollections.id, id)).returning();
        if (!row) throw new KoiError('catalog.collection_not_found');
        await publish<TCollectionSavedEvent>(q, CatalogEvents.collectionSaved, savedEvent(row));
        return (await present([row], q))[0]!;
      });
    },

    async remove(id: string): Promise<void> {
      if (!isUuid(id)) throw new KoiError('catalog.collection_not_found');
      await db.tx(async (q) => {
        const [row] = await q.delete(catalogCollections).where(eq(catalogCollections.id, id)).returning({ revision: catalogCollections.revision });
        if (!row) throw new KoiError('catalog.collection_not_found');
        await publish<TCollectionRemovedEvent>(q, CatalogEvents.collectionRemoved, { collectionId: id, revision: row.revision + 1 });
      });
    },
  };
}
export type Collections = ReturnType<typeof createCollections>;
