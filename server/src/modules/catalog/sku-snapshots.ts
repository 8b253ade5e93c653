import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { uuidArray, type InventoryService } from '../inventory/index.ts';

/**
 * What the cart and checkout need to know about a SKU right now: its price, its product's state and
 * limits, and what shoppers can buy (on hand − reserved). Missing ids (a SKU removed from its
 * product) are simply absent from the map.
 */
export type SkuSnapshot = {
  skuId: string;
  productId: string;
  title: string;
  specValues: string[];
  image: string | null;
  priceFen: number;
  listPriceFen: number | null;
  /** 成本价 of one unit; null when the merchant has not entered one (the promotion dry-run's margin). */
  costPriceFen: number | null;
  weightGrams: number;
  /** The product's category and its parent (coupon and promotion scopes match either). */
  categoryIds: string[];
  purchaseLimit: number | null;
  /** The product's 运费模板; null: the default. */
  shippingTemplateId: string | null;
  /** On sale and not removed. */
  sellable: boolean;
  available: number;
};

type Row = {
  sku_id: string; product_id: string; title: string; spec_values: string[]; sku_image: string | null; product_image: string | null;
  price_fen: number | string; list_price_fen: number | string | null; cost_price_fen: number | string | null; weight_grams: number | null; category_id: string;
  parent_id: string | null; purchase_limit: number | null; shipping_template_id: string | null; status: string; deleted_at: Date | string | null;
};

/** Two statements however many SKUs: the SKUs with their products and categories, then stock. */
export async function skuSnapshots(db: Db, inventory: InventoryService, skuIds: readonly string[], q?: Q): Promise<Map<string, SkuSnapshot>> {
  const out = new Map<string, SkuSnapshot>();
  const ids = [...new Set(skuIds)];
  if (!ids.length) return out;
  const rows = await db.rows<Row>(sql`
    select s.id as sku_id, s.product_id, p.title, s.spec_values, s.image_url as sku_image, p.images->>0 as product_image,
           s.price_fen, s.list_price_fen, s.cost_price_fen, s.weight_grams, p.category_id, c.parent_id, p.purchase_limit, p.shipping_template_id, p.status, p.deleted_at
    from catalog_skus s
    join catalog_products p on p.id = s.product_id
    left join catalog_categories c on c.id = p.category_id
    where s.id = any(${uuidArray(ids)})`, q);
  const stock = await inventory.levels(rows.map((r) => r.sku_id), q);
  for (const r of rows) {
    const listPrice = r.list_price_fen === null ? null : Number(r.list_price_fen);
    const price = Number(r.price_fen);
    out.set(r.sku_id, {
      skuId: r.sku_id,
      productId: r.product_id,
      title: r.title,
      specValues: r.spec_values,
      image: r.sku_image ?? r.product_image,
      priceFen: price,
      listPriceFen: listPrice !== null && listPrice > price ? listPrice : null,
      costPriceFen: r.cost_price_fen === null ? null : Number(r.cost_price_fen),
      weightGrams: r.weight_grams ?? 0,
      categoryIds: r.parent_id ? [r.category_id, r.parent_id] : [r.category_id],
      purchaseLimit: r.purchase_limit,
      shippingTemplateId: r.shipping_template_id,
      sellable: r.status === 'on_sale' && !r.deleted_at,
      available: stock.get(r.sku_id)?.available ?? 0,
    });
  }
  return out;
}
