import { pgTable, text, timestamp, uuid, integer, bigint, jsonb, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import type { TAddressSnapshot, TOrderDelivery, TPriceNote } from '@koi/contracts';

const fen = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * An order with everything priced and snapshotted at checkout: the address, the promotion
 * explanations, the totals by stage. Lines carry their own allocation, so their payables always sum
 * to `payable_fen` (改价 reallocates them too). Partition-ready by `customer_id`.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    orderNo: text('order_no').notNull(),
    customerId: uuid('customer_id').notNull(),
    status: text('status', { enum: ['pending_payment', 'paid', 'shipped', 'completed', 'closed'] }).notNull(),
    buyerMobile: text('buyer_mobile'),
    address: jsonb('address').$type<TAddressSnapshot | null>(),
    itemsTotalFen: fen('items_total_fen'),
    promotionDiscountFen: fen('promotion_discount_fen'),
    couponDiscountFen: fen('coupon_discount_fen'),
    adjustmentFen: fen('adjustment_fen'),
    shippingFen: fen('shipping_fen'),
    shippingDiscountFen: fen('shipping_discount_fen'),
    payableFen: fen('payable_fen'),
    paidFen: fen('paid_fen'),
    applied: jsonb('applied').$type<TPriceNote[]>().notNull(),
    couponIds: jsonb('coupon_ids').$type<string[]>().notNull(),
    buyerRemark: text('buyer_remark').notNull().default(''),
    merchantRemark: text('merchant_remark').notNull().default(''),
    payChannel: text('pay_channel'),
    transactionId: text('transaction_id'),
    closeReason: text('close_reason', { enum: ['payment_timeout', 'buyer_cancelled', 'merchant_closed', 'refunded'] }),
    payDeadline: at('pay_deadline'),
    createdAt: at('created_at').notNull(),
    paidAt: at('paid_at'),
    shippedAt: at('shipped_at'),
    completedAt: at('completed_at'),
    closedAt: at('closed_at'),
    updatedAt: at('updated_at').notNull(),
    /** Issue 6 point 3: express (default), pickup at a store, or local delivery from a store. */
    deliveryMethod: text('delivery_method', { enum: ['express', 'pickup', 'local_delivery'] }).notNull().default('express'),
    deliveryStoreId: uuid('delivery_store_id'),
    /** The store, slot, distance and fee as checkout priced them; null for express. */
    delivery: jsonb('delivery').$type<TOrderDelivery | null>(),
    /** Issue 8: points spent (积分抵扣, already a line discount) and the fen they took off. */
    pointsUsed: integer('points_used').notNull().default(0),
    pointsFen: fen('points_fen'),
    /** The part of `payable_fen` paid from the stored-value balance; `payable_fen − balance_fen` goes through a provider. */
    balanceFen: fen('balance_fen'),
  },
  (t) => [
    uniqueIndex('orders_order_no_uq').on(t.orderNo),
    index('orders_customer_idx').on(t.customerId, t.createdAt),
    index('orders_status_created_idx').on(t.status, t.createdAt),
    index('orders_created_idx').on(t.createdAt),
    index('orders_buyer_mobile_idx').on(t.buyerMobile),
    index('orders_unpaid_deadline_idx').on(t.payDeadline),
  ],
);

/** 满赠: the line is a gift at ¥0, given by this promotion (null: a line the shopper bought). */
export type OrderLineGift = { promotionId: string; name: string; text: string };

export type LineDiscount = { source: 'promotion' | 'coupon' | 'points' | 'adjustment'; sourceId: string | null; label: string; amountFen: number };

/** A line with the product as it was sold and its share of every discount (largest remainder, fen). */
export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    position: integer('position').notNull(),
    skuId: uuid('sku_id').notNull(),
    productId: uuid('product_id').notNull(),
    title: text('title').notNull(),
    specValues: jsonb('spec_values').$type<string[]>().notNull(),
    image: text('image'),
    quantity: integer('quantity').notNull(),
    listPriceFen: bigint('list_price_fen', { mode: 'number' }),
    unitPriceFen: fen('unit_price_fen'),
    subtotalFen: fen('subtotal_fen'),
    discounts: jsonb('discounts').$type<LineDiscount[]>().notNull(),
    discountFen: fen('discount_fen'),
    payableFen: fen('payable_fen'),
    /** The line's share of the order's `balance_fen` (largest remainder): its refund goes back to the balance. */
    balanceFen: fen('balance_fen'),
    /** 满赠: a gift line (¥0, no share of any discount) and the promotion that gave it; null for a bought line. */
    gift: jsonb('gift').$type<OrderLineGift | null>(),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId, t.position), index('order_lines_product_idx').on(t.productId)],
);

/**
 * Units of a product a shopper holds in orders that are not closed: the purchase limit (限购) is a
 * conditional update on this row, so two checkouts at once cannot both pass it.
 */
export const orderPurchaseCounts = pgTable(
  'order_purchase_counts',
  {
    customerId: uuid('customer_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.productId] })],
);

/** 改价 audit: who changed an unpaid order's price, from what to what, and why. */
export const orderPriceAdjustments = pgTable(
  'order_price_adjustments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    staffName: text('staff_name').notNull(),
    beforeFen: fen('before_fen'),
    afterFen: fen('after_fen'),
    shippingBeforeFen: fen('shipping_before_fen'),
    shippingAfterFen: fen('shipping_after_fen'),
    reason: text('reason').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('order_price_adjustments_order_idx').on(t.orderId, t.at)],
);

/**
 * 首单优惠 claimed: at most one order per shopper holds the first-order discount. Written (insert …
 * on conflict do nothing) in the checkout's transaction when the quote applied it, so two parallel
 * first checkouts cannot both get it; deleted when that order is closed unpaid (the discount is free
 * again, as `hasOrdered` then says too).
 */
export const orderFirstClaims = pgTable('order_first_claims', {
  customerId: uuid('customer_id').primaryKey(),
  orderId: uuid('order_id').notNull(),
  claimedAt: at('claimed_at').notNull(),
});
