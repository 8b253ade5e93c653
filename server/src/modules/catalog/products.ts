import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TBatchPriceRequest, TProduct, TProductStatus } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { uuidArray, type InventoryService } from '../inventory/index.ts';
import { catalogCategories, catalogProducts } from './catalog.tables.ts';
import { changedPrice } from './product.rules.ts';
import { loadProducts, publishProductRemoved, publishProductsSaved, type ProductRow } from './product-document.ts';
import { discardSkus, planProduct, saveProducts, type ProductInput } from './product-store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** Products (SPU) and their SKUs: the admin's commands and the product view. */
export function createProducts(db: Db, inventory: InventoryService) {
  async function live(q: Q, id: string): Promise<ProductRow> {
    if (!isUuid(id)) throw new KoiError('catalog.product_not_found');
    const [row] = await q.select().from(catalogProducts).where(and(eq(catalogProducts.id, id), isNull(catalogProducts.deletedAt)));
    if (!row) throw new KoiError('catalog.product_not_found');
    return row;
  }

  async function assertCategory(q: Q, id: string): Promise<void> {
    const found = isUuid(id) ? await q.select({ id: catalogCategories.id }).from(catalogCategories).where(eq(catalogCategories.id, id)) : [];
    if (!found.length) throw new KoiError('catalog.category_unknown', {}, { fieldErrors: [{ path: 'body.categoryId', message: 'unknown category', code: 'catalog.category_unknown' }] });
  }

  async function view(q: Q, id: string): Promise<TProduct> {
    const p = await live(q, id);
    const { skusOf, categories, stock } = await loadProducts(db, inventory, q, [p]);
    const skus = skusOf(p.id);
    // Staff see and edit stock on hand (units counted in the warehouse, including those held for unpaid orders).
    const onHand = (skuId: string) => stock.get(skuId)?.onHand ?? 0;
    return {
      id: p.id, title: p.title, subtitle: p.subtitle, categoryId: p.categoryId,
      categoryName: categories.find((c) => c.id === p.categoryId)?.name ?? null,
      tags: p.tags, description: p.description, images: p.images, specs: p.specs,
      skus: skus.map((s) => ({
        id: s.id, code: s.code, specValues: s.specValues, priceFen: s.priceFen, listPriceFen: s.listPriceFen, costPriceFen: s.costPriceFen,
        weightGrams: s.weightGrams, barcode: s.barcode, imageUrl: s.imageUrl, stock: onHand(s.id),
      })),
      purchaseLimit: p.purchaseLimit, shippingTemplateId: p.shippingTemplateId, status: p.status,
      scheduledOnSaleAt: p.scheduledOnSaleAt?.toISOString() ?? null, scheduledOffSaleAt: p.scheduledOffSaleAt?.toISOString() ?? null,
      priceMinFen: p.priceMinFen, priceMaxFen: p.priceMaxFen,
      stockTotal: skus.reduce((n, s) => n + onHand(s.id), 0), sales: p.sales,
      createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(),
    };
  }

  return {
    get: (id: string) => db.run((q) => view(q, id)),

    async create(input: ProductInput): Promise<TProduct> {
      const plan = planProduct(input, null, clock.now());
      return db.tx(async (q) => {
        await assertCategory(q, input.categoryId);
        await saveProducts(db, inventory, q, [plan]);
        return view(q, plan.id);
      });
    },

    /** Replaces the product; SKUs are matched by code, codes no longer present are removed. */
    async update(id: string, input: ProductInput): Promise<TProduct> {
      return db.tx(async (q) => {
        await live(q, id);
        const plan = planProduct(input, id, clock.now());
        await assertCategory(q, input.categoryId);
        await saveProducts(db, inventory, q, [plan]);
        return view(q, id);
      });
    },

    /** Removes a product from the catalog: its SKUs and stock go, read models hear `product_removed`. */
    async remove(id: string): Promise<void> {
      await db.tx(async (q) => {
        await live(q, id);
        const skus = await db.rows<{ id: string; code: string }>(sql`delete from catalog_skus where product_id = ${id} returning id, code`, q);
        await discardSkus(inventory, q, skus);
        await q.update(catalogProducts).set({ deletedAt: clock.now(), status: 'off_shelf', updatedAt: clock.now() }).where(eq(catalogProducts.id, id));
        await publishProductRemoved(q, id);
      });
    },

    /** Sets the status of many products; a manual change cancels the schedule that pointed to it. */
    async batchStatus(ids: string[], status: TProductStatus): Promise<number> {
      const valid = [...new Set(ids.filter(isUuid))];
      if (!valid.length) return 0;
      return db.tx(async (q) => {
        const clear = status === 'on_sale' ? { scheduledOnSaleAt: null } : status === 'off_shelf' ? { scheduledOffSaleAt: null } : {};
        const rows = await q.update(catalogProducts).set({ status, ...clear, updatedAt: clock.now() })
          .where(sql`${catalogProducts.id} = any(${uuidArray(valid)}) and ${catalogProducts.deletedAt} is null`)
          .returning({ id: catalogProducts.id });
        await publishProductsSaved(db, inventory, q, rows.map((r) => r.id));
        return rows.length;
      });
    },

    /** Changes every SKU price of the products at once; refuses the whole batch if one price would break a rule. */
    async batchPrice(req: TBatchPriceRequest): Promise<number> {
      const valid = [...new Set(req.ids.filter(isUuid))];
      if (!valid.length) return 0;
      return db.tx(async (q) => {
        const skus = await db.rows<{ id: string; code: string; product_id: string; title: string; price_fen: number; list_price_fen: number | null }>(sql`
          select s.id, s.code, s.product_id, p.title, s.price_fen, s.list_price_fen from catalog_skus s join catalog_products p on p.id = s.product_id
          where s.product_id = any(${uuidArray(valid)}) and p.deleted_at is null`, q);
        const next = skus.map((s) => {
          const price = changedPrice(Number(s.price_fen), req.mode, req.value);
          const list = s.list_price_fen === null ? null : Number(s.list_price_fen);
          const reason = price === null ? '价格不能为负数或超过上限' : list !== null && list < price ? '高于划线价' : null;
          if (reason) throw new KoiError('catalog.batch_price_invalid', { title: s.title, code: s.code, reason });
          return { id: s.id, price: price! };
        });
        if (!next.length) return 0;
        const now = clock.now();
        await q.execute(sql`update catalog_skus s set price_fen = v.price, updated_at = ${now}
          from (select unnest(${sql.param(next.map((n) => n.id))}::uuid[]) as id, unnest(${sql.param(next.map((n) => n.price))}::bigint[]) as price) v
          where s.id = v.id`);
        const products = [...new Set(skus.map((s) => s.product_id))];
        await q.execute(sql`update catalog_products p set price_min_fen = a.mn, price_max_fen = a.mx, updated_at = ${now}
          from (select product_id, min(price_fen) as mn, max(price_fen) as mx from catalog_skus
                where product_id = any(${uuidArray(products)}) group by product_id) a
          where p.id = a.product_id`);
        await publishProductsSaved(db, inventory, q, products);
        return products.length;
      });
    },

    /** Counts units sold (the order module calls this when an order is paid; the demo seeds history). */
    async recordSales(q: Q, lines: { productId: string; qty: number }[]): Promise<void> {
      const merged = new Map<string, number>();
      for (const l of lines) if (isUuid(l.productId) && Number.isSafeInteger(l.qty) && l.qty > 0) merged.set(l.productId, (merged.get(l.productId) ?? 0) + l.qty);
      const valid = [...merged].map(([productId, qty]) => ({ productId, qty }));
      if (!valid.length) return;
      await q.execute(sql`update catalog_products p set sales = p.sales + v.qty
        from (select unnest(${sql.param(valid.map((l) => l.productId))}::uuid[]) as id, unnest(${sql.param(valid.map((l) => l.qty))}::int[]) as qty) v
        where p.id = v.id`);
      await publishProductsSaved(db, inventory, q, valid.map((l) => l.productId));
    },
  };
}
export type Products = ReturnType<typeof createProducts>;
