import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A paid pickup order (到店自提) waiting at its store, with its code. The code is unique among open
 * pickups only (partial index): once handed over, or cancelled because the order closed, it may be
 * drawn again. Store data is snapshotted.
 */
export const pickupOrders = pgTable(
  'pickup_orders',
  {
    orderId: uuid('order_id').primaryKey(),
    orderNo: text('order_no').notNull(),
    customerId: uuid('customer_id').notNull(),
    storeId: uuid('store_id').notNull(),
    storeName: text('store_name').notNull(),
    code: text('code').notNull(),
    status: text('status', { enum: ['ready', 'picked_up', 'cancelled'] }).notNull(),
    readyAt: at('ready_at').notNull(),
    pickedUpAt: at('picked_up_at'),
    pickedUpBy: uuid('picked_up_by'),
  },
  (t) => [
    uniqueIndex('pickup_orders_open_code_uq').on(t.code).where(sql`status = 'ready'`),
    index('pickup_orders_store_idx').on(t.storeId, t.status, t.readyAt),
    index('pickup_orders_code_idx').on(t.code),
  ],
);

/** Wrong codes entered per staff member per fixed window: guessing is limited across processes. */
export const pickupWrongCodes = pgTable(
  'pickup_wrong_codes',
  {
    staffId: uuid('staff_id').notNull(),
    windowStart: bigint('window_start', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.windowStart] })],
);
