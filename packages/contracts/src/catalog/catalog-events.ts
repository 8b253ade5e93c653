/**
 * Events the catalog publishes through the outbox whenever something a shopper can see changes
 * (product fields, status, prices, stock, sales, category names, collection membership, a deleted
 * category). Each carries the whole document, so read models (search, shop lists, decoration)
 * rebuild from the event alone. `revision` only grows per product/collection: apply an event only if it is newer.
 */
export const CatalogEvents = {
  productSaved: 'catalog.product_saved',
  productRemoved: 'catalog.product_removed',
  collectionSaved: 'catalog.collection_saved',
  collectionRemoved: 'catalog.collection_removed',
  categoryRemoved: 'catalog.category_removed',
} as const;

export type TProductSavedEvent = {
  productId: string;
  revision: number;
  title: string;
  subtitle: string;
  status: 'draft' | 'on_sale' | 'off_shelf';
  /** Root first: [茶具, 盖碗]. */
  categoryPath: { id: string; name: string }[];
  tags: string[];
  /** Spec names and values, e.g. ['颜色', '天青', '月白', '容量', '150ml']. */
  specTerms: string[];
  skuCodes: string[];
  barcodes: string[];
  image: string | null;
  priceMinFen: number;
  priceMaxFen: number;
  /** The highest list price above the lowest price, for the struck-through price on cards; else null. */
  listPriceFen: number | null;
  inStock: boolean;
  stockTotal: number;
  sales: number;
  /** Review rating 0–5 (null until reviews exist). */
  rating: number | null;
  createdAt: string;
  updatedAt: string;
};

export type TProductRemovedEvent = { productId: string; revision: number };

export type TCollectionSavedEvent = {
  collectionId: string;
  revision: number;
  name: string;
  mode: 'manual' | 'rule';
  /** Manual: the products in the operator's order. Rule: empty (the read model evaluates `rule`). */
  productIds: string[];
  rule: {
    categoryId: string | null;
    tag: string | null;
    priceMinFen: number | null;
    priceMaxFen: number | null;
    sort: 'sales' | 'newest' | 'price_asc' | 'price_desc';
    limit: number;
  } | null;
};

export type TCollectionRemovedEvent = { collectionId: string; revision: number };

/**
 * A category was deleted (only an empty one can be: no subcategories, no products). Category ids are
 * never reused, so the removal is final: read models keep a tombstone rather than a revision.
 */
export type TCategoryRemovedEvent = { categoryId: string; parentId: string | null; removedAt: string };
