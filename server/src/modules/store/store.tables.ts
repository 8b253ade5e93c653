import { pgTable, text, timestamp, uuid, integer, boolean, jsonb } from 'drizzle-orm/pg-core';
import type { TLocalDeliverySettings, TWeekHours } from '@koi/contracts';

/** A physical store of the chain (门店). Grows with the multi-store issue (stock, guides). */
export const stores = pgTable('stores', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  address: text('address').notNull(),
  sort: integer('sort').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  // Issue 6 point 3: pickup and local delivery. Coordinates are GCJ-02 micro-degrees (integers).
  phone: text('phone').notNull().default(''),
  latE6: integer('lat_e6'),
  lngE6: integer('lng_e6'),
  /** Monday first, China time; null entries: closed. Null column: not set (treated as closed). */
  hours: jsonb('hours').$type<TWeekHours>(),
  pickupEnabled: boolean('pickup_enabled').notNull().default(false),
  localDeliveryEnabled: boolean('local_delivery_enabled').notNull().default(false),
  localDelivery: jsonb('local_delivery').$type<TLocalDeliverySettings>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
});
