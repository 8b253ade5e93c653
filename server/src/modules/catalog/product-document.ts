import { asc, sql } from 'drizzle-orm';
import { CatalogEvents, type TProductRemovedEvent, type TProductSavedEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { publish } from '../../platform/events.ts';
import { uuidArray, type InventoryService, type StockLevel } from '../inventory/index.ts';
import { catalogCategories, catalogProducts, catalogSkus } from './catalog.tables.ts';
import { categoryPath, type CategoryNode } from './category.rules.ts';
import { cardListPrice, priceRange } from './product.rules.ts';

export type ProductRow = typeof catalogProducts.$inferSelect;
export type SkuRow = typeof catalogSkus.$inferSelect;

/**
 * The one place a product becomes the document read models (search, shop lists, decoration) are
 * built from. Stock in it is what shoppers can buy (on hand − reserved), from the inventory service.
 */
export function productDocument(p: ProductRow, skus: readonly SkuRow[], categories: readonly CategoryNode[], stock: ReadonlyMap<string, StockLevel>): TProductSavedEvent {
  const prices = priceRange(skus);
  const stockTotal = skus.reduce((n, s) => n + (stock.get(s.id)?.available ?? 0), 0);
  return {
    productId: p.id,
    revision: p.revision,
    title: p.title,
    subtitle: p.subtitle,
    status: p.status,
    categoryPath: categoryPath(categories, p.categoryId),
    tags: p.tags,
    specTerms: p.specs.flatMap((d) => [d.name, ...d.values]),
    skuCodes: skus.map((s) => s.code),
    barcodes: skus.map((s) => s.barcode).filter((b): b is string => !!b),
    image: p.images[0] ?? null,
    priceMinFen: prices.min,
    priceMaxFen: prices.max,
    listPriceFen: cardListPrice(skus),
    inStock: stockTotal > 0,
    stockTotal,
    sales: p.sales,
    rating: null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Reads products with their SKUs, the category list and stock: four statements however many products. */
export async function loadProducts(db: Db, inventory: InventoryService, q: Q, products: ProductRow[]) {
  const ids = products.map((p) => p.id);
  const skus = ids.length
    ? await q.select().from(catalogSkus).where(sql`${catalogSkus.productId} = any(${uuidArray(ids)})`).orderBy(asc(catalogSkus.productId), asc(catalogSkus.position))
    : [];
  const categories = await q.select().from(catalogCategories);
  const stock = await inventory.levels(skus.map((s) => s.id), q);
  const skusOf = new Map<string, SkuRow[]>();
  for (const s of skus) skusOf.set(s.productId, [...(skusOf.get(s.productId) ?? []), s]);
  return { skusOf: (id: string) => skusOf.get(id) ?? [], categories, stock };
}

/**
 * Publishes `catalog.product_saved` for each product, in the caller's transaction, with a revision
 * one higher than the last one published about it. Call it after every change a shopper can see.
 */
export async function publishProductsSaved(db: Db, inventory: InventoryService, q: Q, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const products = await q.update(catalogProducts)
    .set({ revision: sql`${catalogProducts.revision} + 1` })
    .where(sql`${catalogProducts.id} = any(${uuidArray(unique)}) and ${catalogProducts.deletedAt} is null`)
    .returning();
  const loaded = await loadProducts(db, inventory, q, products);
  for (const p of products) {
    await publish<TProductSavedEvent>(q, CatalogEvents.productSaved, productDocument(p, loaded.skusOf(p.id), loaded.categories, loaded.stock));
  }
}

export async function publishProductRemoved(q: Q, id: string): Promise<void> {
  const [row] = await q.update(catalogProducts)
    .set({ revision: sql`${catalogProducts.revision} + 1` })
    .where(sql`${catalogProducts.id} = ${id}`)
    .returning({ revision: catalogProducts.revision });
  if (row) await publish<TProductRemovedEvent>(q, CatalogEvents.productRemoved, { productId: id, revision: row.revision });
}
