import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { CatalogEvents, type TCategory, type TCategoryRemovedEvent, type ZCategoryInput } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { publish } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import type { InventoryService } from '../inventory/index.ts';
import { catalogCategories } from './catalog.tables.ts';
import { buildCategoryTree, placementDenied, subtreeIds } from './category.rules.ts';
import { publishProductsSaved } from './product-document.ts';
import { isUuid } from './products.ts';

export type CategoryInput = z.output<typeof ZCategoryInput>;

/** The category tree (类目). Renaming or moving a category republishes the documents of its products. */
export function createCategories(db: Db, inventory: InventoryService) {
  /** Categories with their direct product counts, in two statements. */
  async function tree(onSaleOnly: boolean): Promise<TCategory[]> {
    const all = await db.run((q) => q.select().from(catalogCategories));
    const counts = await db.rows<{ category_id: string; n: number }>(sql`select category_id, count(*)::int as n from catalog_products
      where deleted_at is null ${onSaleOnly ? sql`and status = 'on_sale'` : sql``} group by category_id`);
    return buildCategoryTree(all, new Map(counts.map((c) => [c.category_id, Number(c.n)])));
  }

  function present(row: typeof catalogCategories.$inferSelect): TCategory {
    return { id: row.id, parentId: row.parentId, name: row.name, icon: row.icon, sort: row.sort, productCount: 0, children: [] };
  }

  return {
    /** Admin: every product counts. */
    adminTree: () => tree(false),
    /** Shop: only products on sale count. */
    shopTree: () => tree(true),

    async create(input: CategoryInput): Promise<TCategory> {
      return db.tx(async (q) => {
        const all = await q.select().from(catalogCategories);
        const denied = placementDenied(all, null, input.parentId);
        if (denied) throw new KoiError(denied);
        const now = clock.now();
        const [row] = await q.insert(catalogCategories).values({ id: newId(), ...input, createdAt: now, updatedAt: now }).returning();
        return present(row!);
      });
    },

    async update(id: string, patch: Partial<CategoryInput>): Promise<TCategory> {
      if (!isUuid(id)) throw new KoiError('catalog.category_not_found');
      return db.tx(async (q) => {
        const all = await q.select().from(catalogCategories);
        const before = all.find((c) => c.id === id);
        if (!before) throw new KoiError('catalog.category_not_found');
        if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
          const denied = placementDenied(all, id, patch.parentId);
          if (denied) throw new KoiError(denied);
        }
        const [row] = await q.update(catalogCategories).set({ ...patch, updatedAt: clock.now() }).where(eq(catalogCategories.id, id)).returning();
        const visible = (patch.name !== undefined && patch.name !== before.name) || (patch.parentId !== undefined && patch.parentId !== before.parentId);
        if (visible) {
          // Every product's category path below here changed.
          const ids = await db.rows<{ id: string }>(sql`select id from catalog_products
            where deleted_at is null and category_id = any(${sql.param(subtreeIds(all, id))}::uuid[])`, q);
          await publishProductsSaved(db, inventory, q, ids.map((r) => r.id));
        }
        return present(row!);
      });
    },

    /**
     * Only an empty category goes: no children and no products (removed products do not count).
     * Read models hear `catalog.category_removed` from the same transaction.
     */
    async remove(id: string): Promise<void> {
      if (!isUuid(id)) throw new KoiError('catalog.category_not_found');
      await db.tx(async (q) => {
        const [row] = await db.rows<{ found: boolean; parent_id: string | null; children: number; products: number }>(sql`select
          exists (select 1 from catalog_categories where id = ${id}) as found,
          (select parent_id from catalog_categories where id = ${id}) as parent_id,
          (select count(*)::int from catalog_categories where parent_id = ${id}) as children,
          (select count(*)::int from catalog_products where category_id = ${id} and deleted_at is null) as products`, q);
        if (!row?.found) throw new KoiError('catalog.category_not_found');
        const children = Number(row.children);
        const products = Number(row.products);
        if (children > 0 || products > 0) throw new KoiError('catalog.category_not_empty', { children, products });
        await q.delete(catalogCategories).where(eq(catalogCategories.id, id));
        await publish<TCategoryRemovedEvent>(q, CatalogEvents.categoryRemoved, { categoryId: id, parentId: row.parent_id, removedAt: clock.now().toISOString() });
      });
    },
  };
}
export type Categories = ReturnType<typeof createCategories>;
