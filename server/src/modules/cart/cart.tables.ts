import { pgTable, text, timestamp, uuid, integer, boolean, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One row per SKU in a cart. `owner` is `s:<shopperId>` for a signed-in shopper or `a:<anonymousId>`
 * for a guest; a guest cart merges into the shopper's at sign-in. Prices are never stored here:
 * the cart is priced when it is read.
 */
export const cartLines = pgTable(
  'cart_lines',
  {
    id: uuid('id').primaryKey(),
    owner: text('owner').notNull(),
    skuId: uuid('sku_id').notNull(),
    quantity: integer('quantity').notNull(),
    selected: boolean('selected').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('cart_lines_owner_sku_uq').on(t.owner, t.skuId)],
);
