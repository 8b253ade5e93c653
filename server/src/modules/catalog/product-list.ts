import { sql, type SQL } from 'drizzle-orm';
import type { TProductRowList, TProductStatus } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { uuidArray, type InventoryService } from '../inventory/index.ts';
import { isUuid } from './products.ts';

/** `ids`: only these products (the contract checked they are uuids; an empty list finds nothing). */
export type ProductFilter = { q?: string; ids?: readonly string[]; categoryId?: string; status?: TProductStatus };

/** The admin's filters as one condition: title words or an exact SKU code, these ids, a category and its children, a status. */
export function productWhere(f: ProductFilter): SQL {
  const parts: SQL[] = [sql`p.deleted_at is null`];
  if (f.ids) parts.push(f.ids.length ? sql`p.id = any(${uuidArray(f.ids.filter(isUuid))})` : sql`false`);
  if (f.status) parts.push(sql`p.status = ${f.status}`);
  if (f.categoryId) {
    parts.push(isUuid(f.categoryId)
      ? sql`p.category_id in (select id from catalog_categories where id = ${f.categoryId} or parent_id = ${f.categoryId})`
      : sql`false`);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(p.title ilike ${like} or exists (select 1 from catalog_skus s where s.product_id = p.id and s.code = ${f.q}))`);
  }
  return sql.join(parts, sql` and `);
}

type ListRow = {
  id: string; title: string; main_image: string | null; status: TProductStatus; category_name: string | null;
  price_min_fen: number; price_max_fen: number; sales: number; updated_at: Date | string; sku_ids: string[]; total: number;
};

/**
 * One page of the admin product list in two statements whatever the page size: the page with its
 * total, category names and SKU ids, then the stock of those SKUs from the inventory service.
 */
export async function listProducts(db: Db, inventory: InventoryService, f: ProductFilter, page: number, pageSize: number): Promise<TProductRowList> {
  const rows = await db.rows<ListRow>(sql`
    select p.id, p.title, p.images->>0 as main_image, p.status, c.name as category_name, p.price_min_fen, p.price_max_fen, p.sales, p.updated_at,
      coalesce((select json_agg(s.id order by s.position) from catalog_skus s where s.product_id = p.id), '[]'::json) as sku_ids,
      count(*) over()::int as total
    from catalog_products p left join catalog_categories c on c.id = p.category_id
    where ${productWhere(f)}
    order by p.updated_at desc, p.id desc
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows.length && page > 1) {
    const [c] = await db.rows<{ n: number }>(sql`select count(*)::int as n from catalog_products p where ${productWhere(f)}`);
    total = Number(c?.n ?? 0);
  }
  const stock = await inventory.levels(rows.flatMap((r) => r.sku_ids));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, title: r.title, mainImage: r.main_image, status: r.status, categoryName: r.category_name,
      priceMinFen: Number(r.price_min_fen), priceMaxFen: Number(r.price_max_fen),
      stockTotal: r.sku_ids.reduce((n, id) => n + (stock.get(id)?.onHand ?? 0), 0),
      sales: Number(r.sales), skuCount: r.sku_ids.length, updatedAt: new Date(r.updated_at).toISOString(),
    })),
  };
}
