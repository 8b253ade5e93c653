import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, integer, bigint, boolean, jsonb, index, uniqueIndex, primaryKey, check } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 积分商城 items: a coupon template (`ref_id` = the template) or a SKU (`ref_id` = the SKU) for a
 * points price. `stock` is what is left; an exchange takes one with a conditional update, so it
 * never goes below zero (the check constraint backs it). The names and the coupon's rule are
 * snapshotted when the operator saves, so the shop lists without asking other modules.
 */
export const pointsMallItems = pgTable('points_mall_items', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: ['coupon', 'product'] }).notNull(),
  refId: uuid('ref_id').notNull(),
  title: text('title').notNull(),
  refName: text('ref_name').notNull(),
  image: text('image'),
  description: text('description').notNull().default(''),
  /** The coupon's rule in words ({ zh, en }); null for a product. */
  couponSummary: jsonb('coupon_summary').$type<{ zh: string; en: string } | null>(),
  /** A product's sale price when saved (fen), for reference only: the exchange costs points alone. */
  marketPriceFen: bigint('market_price_fen', { mode: 'number' }),
  pointsPrice: integer('points_price').notNull(),
  stock: integer('stock').notNull(),
  exchangedCount: integer('exchanged_count').notNull().default(0),
  perCustomerLimit: integer('per_customer_limit').notNull(),
  sort: integer('sort').notNull().default(0),
  onShelf: boolean('on_shelf').notNull(),
  validFrom: at('valid_from'),
  validUntil: at('valid_until'),
  deletedAt: at('deleted_at'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [
  index('points_mall_items_shelf_idx').on(t.onShelf, t.sort),
  check('points_mall_items_stock_ck', sql`${t.stock} >= 0`),
  check('points_mall_items_price_ck', sql`${t.pointsPrice} > 0`),
]);

/** How many of an item each shopper has exchanged: the per-customer limit is a conditional upsert on this row. */
export const pointsMallCounts = pgTable('points_mall_counts', {
  itemId: uuid('item_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  count: integer('count').notNull(),
}, (t) => [primaryKey({ columns: [t.itemId, t.customerId] })]);

/**
 * One exchange: points spent (the loyalty entry `points-mall:<id>`) and what was given — the coupon
 * issued (issue key `points-mall:<id>`) or the order that ships the product. Once per shopper per
 * idempotency key.
 */
export const pointsMallExchanges = pgTable('points_mall_exchanges', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  itemId: uuid('item_id').notNull(),
  kind: text('kind', { enum: ['coupon', 'product'] }).notNull(),
  title: text('title').notNull(),
  image: text('image'),
  points: integer('points').notNull(),
  status: text('status', { enum: ['completed'] }).notNull(),
  couponId: uuid('coupon_id'),
  orderId: uuid('order_id'),
  idempotencyKey: text('idempotency_key').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [
  uniqueIndex('points_mall_exchanges_idem_uq').on(t.customerId, t.idempotencyKey),
  index('points_mall_exchanges_customer_idx').on(t.customerId, t.createdAt),
  index('points_mall_exchanges_item_idx').on(t.itemId, t.createdAt),
]);
