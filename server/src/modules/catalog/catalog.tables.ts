import { pgTable, text, timestamp, uuid, integer, bigint, boolean, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TSpecDimension } from '@koi/contracts';

/** Category tree (类目): `parentId` null for a root. The rules keep it to two levels for the shop's nav. */
export const catalogCategories = pgTable(
  'catalog_categories',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    icon: text('icon'),
    sort: integer('sort').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('catalog_categories_parent_idx').on(t.parentId)],
);

/**
 * A product (SPU). Price range is kept from its SKUs for lists and sorting. `revision` grows with
 * every document published about it; a removed product keeps its row (and revision), its SKUs go.
 */
export const catalogProducts = pgTable(
  'catalog_products',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    subtitle: text('subtitle').notNull().default(''),
    categoryId: uuid('category_id').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull(),
    /** Sanitised HTML. */
    description: text('description').notNull().default(''),
    images: jsonb('images').$type<string[]>().notNull(),
    specs: jsonb('specs').$type<TSpecDimension[]>().notNull(),
    purchaseLimit: integer('purchase_limit'),
    /** Its 运费模板 (the fulfilment module's id); null or a template since deleted: the default one. */
    shippingTemplateId: uuid('shipping_template_id'),
    status: text('status', { enum: ['draft', 'on_sale', 'off_shelf'] }).notNull(),
    scheduledOnSaleAt: timestamp('scheduled_on_sale_at', { withTimezone: true }),
    scheduledOffSaleAt: timestamp('scheduled_off_sale_at', { withTimezone: true }),
    priceMinFen: bigint('price_min_fen', { mode: 'number' }).notNull(),
    priceMaxFen: bigint('price_max_fen', { mode: 'number' }).notNull(),
    /** Units sold; the order module increments it through the catalog service. */
    sales: integer('sales').notNull().default(0),
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('catalog_products_category_idx').on(t.categoryId),
    index('catalog_products_updated_idx').on(t.updatedAt, t.id),
    index('catalog_products_status_idx').on(t.status),
    index('catalog_products_on_sale_at_idx').on(t.scheduledOnSaleAt),
    index('catalog_products_off_sale_at_idx').on(t.scheduledOffSaleAt),
    index('catalog_products_title_idx').on(t.title),
  ],
);

/** A variant (SKU): one value per spec dimension. The code (货号) is unique across the catalog. */
export const catalogSkus = pgTable(
  'catalog_skus',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id').notNull(),
    code: text('code').notNull(),
    specValues: jsonb('spec_values').$type<string[]>().notNull(),
    position: integer('position').notNull().default(0),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    listPriceFen: bigint('list_price_fen', { mode: 'number' }),
    costPriceFen: bigint('cost_price_fen', { mode: 'number' }),
    weightGrams: integer('weight_grams'),
    barcode: text('barcode'),
    imageUrl: text('image_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('catalog_skus_code_uq').on(t.code), index('catalog_skus_product_idx').on(t.productId, t.position)],
);

/** 分组: hand-picked products in order, or a rule the read models evaluate. */
export const catalogCollections = pgTable('catalog_collections', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  mode: text('mode', { enum: ['manual', 'rule'] }).notNull(),
  productIds: jsonb('product_ids').$type<string[]>().notNull(),
  rule: jsonb('rule').$type<CollectionRule | null>(),
  revision: integer('revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export type CollectionRule = {
  categoryId: string | null;
  tag: string | null;
  priceMinFen: number | null;
  priceMaxFen: number | null;
  sort: 'sales' | 'newest' | 'price_asc' | 'price_desc';
  limit: number;
};

/** An Excel import: the uploaded file is kept in KOI_DATA_DIR/imports until the job has read it. */
export const catalogImports = pgTable('catalog_imports', {
  id: uuid('id').primaryKey(),
  status: text('status', { enum: ['validating', 'rejected', 'importing', 'done', 'failed'] }).notNull(),
  fileName: text('file_name').notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  createdProducts: integer('created_products').notNull().default(0),
  updatedProducts: integer('updated_products').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  hasErrorReport: boolean('has_error_report').notNull().default(false),
  message: text('message'),
  createdBy: uuid('created_by'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
