import { and, eq, isNull } from 'drizzle-orm';
import type { TProductDetail } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import type { InventoryService } from '../inventory/index.ts';
import { catalogProducts } from './catalog.tables.ts';
import { cardListPrice, stockView } from './product.rules.ts';
import { loadProducts } from './product-document.ts';
import { isUuid } from './products.ts';

/** The product page: on sale only (anything else is a 404), stock as shoppers see it. */
export async function productDetail(db: Db, inventory: InventoryService, id: string): Promise<TProductDetail> {
  if (!isUuid(id)) throw new KoiError('catalog.product_not_found');
  return db.run(async (q) => {
    const [p] = await q.select().from(catalogProducts)
      .where(and(eq(catalogProducts.id, id), eq(catalogProducts.status, 'on_sale'), isNull(catalogProducts.deletedAt)));
    if (!p) throw new KoiError('catalog.product_not_found');
    const { skusOf, categories, stock } = await loadProducts(db, inventory, q, [p]);
    const skus = skusOf(p.id);
    return {
      id: p.id, title: p.title, subtitle: p.subtitle, images: p.images, description: p.description,
      categoryId: p.categoryId, categoryName: categories.find((c) => c.id === p.categoryId)?.name ?? null,
      tags: p.tags, specs: p.specs,
      skus: skus.map((s) => ({
        id: s.id, specValues: s.specValues, priceFen: s.priceFen, listPriceFen: s.listPriceFen, imageUrl: s.imageUrl,
        ...stockView(stock.get(s.id)?.available ?? 0),
      })),
      priceMinFen: p.priceMinFen, priceMaxFen: p.priceMaxFen, listPriceMaxFen: cardListPrice(skus),
      purchaseLimit: p.purchaseLimit, sales: p.sales,
      reviews: { count: 0, goodRate: null },
    };
  });
}
