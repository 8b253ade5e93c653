import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, boolean, jsonb, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ShippingRule, ShippingTemplate } from './shipping-fee.rules.ts';

/**
 * Shipping templates (运费模板). A template is one document — its rules, regions and free-shipping
 * conditions are read and written together — so they are JSON columns of one row, and the quote
 * loads every template in one statement. At most one default (partial unique index).
 */
export const shippingTemplates = pgTable(
  'shipping_templates',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    chargeBy: text('charge_by', { enum: ['piece', 'weight'] }).notNull(),
    defaultRule: jsonb('default_rule').$type<ShippingRule>().notNull(),
    regionRules: jsonb('region_rules').$type<ShippingTemplate['regionRules']>().notNull(),
    undeliverable: jsonb('undeliverable').$type<string[]>().notNull(),
    freeShipping: jsonb('free_shipping').$type<ShippingTemplate['freeShipping']>().notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('shipping_templates_name_uq').on(t.name),
    uniqueIndex('shipping_templates_one_default_uq').on(t.isDefault).where(sql`${t.isDefault}`),
  ],
);

/** The merchant's shipping settings: one row (`id = 'default'`), absent until first saved. */
export const shippingSettings = pgTable('shipping_settings', {
  id: text('id').primaryKey(),
  /** How several templates in one order combine: `sum` or `max_first` (see shipping-fee.rules.ts). */
  policy: text('policy', { enum: ['sum', 'max_first'] }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
