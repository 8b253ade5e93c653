import { pgTable, text, timestamp, uuid, integer, boolean, primaryKey, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Where stock is kept: the default warehouse (created at first use), later stores and suppliers. */
export const inventoryLocations = pgTable('inventory_locations', {
  id: uuid('id').primaryKey(),
  /** Stable key: `default` for the default warehouse. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * Stock of one SKU at one location. `reserved` units are held for checkouts in progress;
 * available = on_hand − reserved. The checks make "below zero" impossible whatever the caller does.
 */
export const inventoryLevels = pgTable(
  'inventory_levels',
  {
    skuId: uuid('sku_id').notNull(),
    locationId: uuid('location_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.skuId, t.locationId] }),
    index('inventory_levels_location_idx').on(t.locationId),
    check('inventory_levels_on_hand_nonneg', sql`${t.onHand} >= 0`),
    check('inventory_levels_reserved_nonneg', sql`${t.reserved} >= 0`),
    check('inventory_levels_reserved_le_on_hand', sql`${t.reserved} <= ${t.onHand}`),
  ],
);
