import { pgTable, text, timestamp, uuid, integer } from 'drizzle-orm/pg-core';

/** A physical store of the chain (门店). Grows with the multi-store issue (hours, coordinates, stock). */
export const stores = pgTable('stores', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  address: text('address').notNull(),
  sort: integer('sort').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
