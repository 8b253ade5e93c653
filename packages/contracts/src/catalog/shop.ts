import { z } from 'zod';
import { ZFen } from '../platform/money.ts';
import { ZSpecDimension } from './product.ts';

/** What a product looks like in a grid or a list. The shop shows these prices; it never computes them. */
export const ZProductCard = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  image: z.string().nullable(),
  priceFen: ZFen,
  /** Struck-through list price, when higher than the price. */
  listPriceFen: ZFen.nullable(),
  sales: z.number().int(),
  inStock: z.boolean(),
  tags: z.array(z.string()),
});
export type TProductCard = z.infer<typeof ZProductCard>;

export const SHOP_SORTS = ['default', 'sales', 'price_asc', 'price_desc', 'newest', 'rating'] as const;
export const ZShopSort = z.enum(SHOP_SORTS);

export const ZShopProductQuery = z.object({
  categoryId: z.string().max(64).optional(),
  collectionId: z.string().max(64).optional(),
  tag: z.string().max(20).optional(),
  priceMinFen: z.coerce.number().int().min(0).optional(),
  priceMaxFen: z.coerce.number().int().min(0).optional(),
  inStock: z.enum(['true', 'false']).optional(),
  sort: ZShopSort.default('default'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type TShopProductQuery = z.input<typeof ZShopProductQuery>;
export const ZProductCardPage = z.object({ items: z.array(ZProductCard), total: z.number().int(), page: z.number().int(), hasMore: z.boolean() });
export type TProductCardPage = z.infer<typeof ZProductCardPage>;

export const ZShopSku = z.object({
  id: z.string(),
  specValues: z.array(z.string()),
  priceFen: ZFen,
  listPriceFen: ZFen.nullable(),
  imageUrl: z.string().nullable(),
  /** Exact count shown only when low (≤ 10); otherwise just available. */
  stockState: z.enum(['in_stock', 'low', 'out_of_stock']),
  stockLeft: z.number().int().nullable(),
});
export type TShopSku = z.infer<typeof ZShopSku>;

export const ZProductDetail = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  images: z.array(z.string()),
  description: z.string(),
  categoryId: z.string(),
  categoryName: z.string().nullable(),
  tags: z.array(z.string()),
  specs: z.array(ZSpecDimension),
  skus: z.array(ZShopSku),
  priceMinFen: ZFen,
  priceMaxFen: ZFen,
  listPriceMaxFen: ZFen.nullable(),
  purchaseLimit: z.number().int().nullable(),
  sales: z.number().int(),
  /** Visible reviews and the share of 4–5 stars among them (0–1), from the review module. */
  reviews: z.object({ count: z.number().int(), goodRate: z.number().nullable() }),
});
export type TProductDetail = z.infer<typeof ZProductDetail>;
