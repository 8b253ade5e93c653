import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TDeliverySlot } from '@koi/contracts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A paid local-delivery order (同城配送) of a store: waiting → out_for_delivery (a rider took it)
 * → delivered. Its id is the shipment id in `shipment.*` events. Store and address snapshotted.
 */
export const localDeliveries = pgTable(
  'local_deliveries',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    orderNo: text('order_no').notNull(),
    customerId: uuid('customer_id').notNull(),
    storeId: uuid('store_id').notNull(),
    storeName: text('store_name').notNull(),
    slot: jsonb('slot').$type<TDeliverySlot>().notNull(),
    distanceMetres: integer('distance_metres').notNull(),
    recipient: text('recipient'),
    addressText: text('address_text'),
    status: text('status', { enum: ['waiting', 'out_for_delivery', 'delivered', 'cancelled'] }).notNull(),
    createdAt: at('created_at').notNull(),
    outAt: at('out_at'),
    deliveredAt: at('delivered_at'),
  },
  (t) => [uniqueIndex('local_deliveries_order_uq').on(t.orderId), index('local_deliveries_store_idx').on(t.storeId, t.status, t.createdAt)],
);
