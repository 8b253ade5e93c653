import { pgTable, text, timestamp, uuid, integer, bigint, jsonb, boolean, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { AFTERSALE_KINDS, AFTERSALE_REASONS, AFTERSALE_STATUSES, type TAfterSaleSettings, type TReturnAddress } from '@koi/contracts';

const fen = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const at = (name: string) => timestamp(name, { withTimezone: true });

/** One after-sale request (售后单) of one order; its units are in `aftersale_lines`. */
export const afterSales = pgTable(
  'aftersales',
  {
    id: uuid('id').primaryKey(),
    afterSaleNo: text('aftersale_no').notNull(),
    orderId: uuid('order_id').notNull(),
    orderNo: text('order_no').notNull(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind', { enum: AFTERSALE_KINDS }).notNull(),
    status: text('status', { enum: AFTERSALE_STATUSES }).notNull(),
    reason: text('reason', { enum: AFTERSALE_REASONS }).notNull(),
    description: text('description').notNull().default(''),
    photos: jsonb('photos').$type<string[]>().notNull(),
    /** Lines' amounts plus shipping: what goes back when it is refunded. */
    amountFen: fen('amount_fen'),
    shippingFen: fen('shipping_fen'),
    refundedFen: fen('refunded_fen'),
    /** The refund number sent to the payment module (`AS<afterSaleNo>`), set when the refund starts. */
    refundNo: text('refund_no'),
    rejectReason: text('reject_reason'),
    returnAddress: jsonb('return_address').$type<TReturnAddress | null>(),
    returnCourier: text('return_courier'),
    returnTrackingNo: text('return_tracking_no'),
    reshipCourier: text('reship_courier'),
    reshipTrackingNo: text('reship_tracking_no'),
    restocked: boolean('restocked').notNull().default(false),
    /** Whether the order had shipped when this was asked (coupon rule, reporting). */
    orderShipped: boolean('order_shipped').notNull().default(false),
    merchantDeadline: at('merchant_deadline'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('aftersales_no_uq').on(t.afterSaleNo),
    uniqueIndex('aftersales_refund_no_uq').on(t.refundNo),
    index('aftersales_order_idx').on(t.orderId),
    index('aftersales_customer_idx').on(t.customerId, t.createdAt),
    index('aftersales_status_idx').on(t.status, t.createdAt),
    index('aftersales_deadline_idx').on(t.status, t.merchantDeadline),
  ],
);

/** The order lines' units an after-sale covers, with the fen of each (a snapshot of the line). */
export const afterSaleLines = pgTable(
  'aftersale_lines',
  {
    afterSaleId: uuid('aftersale_id').notNull(),
    lineId: uuid('line_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    title: text('title').notNull(),
    specValues: jsonb('spec_values').$type<string[]>().notNull(),
    image: text('image'),
    quantity: integer('quantity').notNull(),
    amountFen: fen('amount_fen'),
  },
  (t) => [primaryKey({ columns: [t.afterSaleId, t.lineId] })],
);

/**
 * What after-sales hold of each order line (and of the order's shipping, keyed by the order id):
 * units and fen of open requests plus refunded ones. Every change is a conditional update on the
 * values read, so two requests racing for the same units cannot both take them.
 */
export const afterSaleSlots = pgTable(
  'aftersale_slots',
  {
    slotId: uuid('slot_id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    quantity: integer('quantity').notNull(),
    payableFen: fen('payable_fen'),
    heldQty: integer('held_qty').notNull().default(0),
    heldFen: fen('held_fen'),
    refundedQty: integer('refunded_qty').notNull().default(0),
    refundedFen: fen('refunded_fen'),
  },
  (t) => [index('aftersale_slots_order_idx').on(t.orderId)],
);

/** The progress shown to both sides, one row per move. */
export const afterSaleSteps = pgTable(
  'aftersale_steps',
  {
    id: uuid('id').primaryKey(),
    afterSaleId: uuid('aftersale_id').notNull(),
    status: text('status', { enum: AFTERSALE_STATUSES }).notNull(),
    actor: text('actor', { enum: ['shopper', 'merchant', 'system'] }).notNull(),
    note: text('note').notNull().default(''),
    at: at('at').notNull(),
  },
  (t) => [index('aftersale_steps_idx').on(t.afterSaleId, t.at)],
);

/** The merchant's after-sale settings (one row, key 'default'). */
export const afterSaleSettings = pgTable('aftersale_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<TAfterSaleSettings>().notNull(),
  updatedAt: at('updated_at').notNull(),
});
