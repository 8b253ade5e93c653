import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, boolean, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Shoppers' shipping addresses (收货地址). Keyed by the customer first, like every customer-keyed
 * table (partition-ready by `customer_id`). Region names are derived from the codes when the address
 * is saved, never taken from the client. At most one default per customer, enforced by a partial
 * unique index (writes also take a per-customer lock, so the rule "exactly one default" holds too).
 */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    customerId: uuid('customer_id').notNull(),
    id: uuid('id').notNull(),
    recipient: text('recipient').notNull(),
    mobile: text('mobile').notNull(),
    provinceCode: text('province_code').notNull(),
    provinceName: text('province_name').notNull(),
    cityCode: text('city_code').notNull(),
    cityName: text('city_name').notNull(),
    districtCode: text('district_code').notNull(),
    districtName: text('district_name').notNull(),
    detail: text('detail').notNull(),
    label: text('label'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.id] }),
    uniqueIndex('customer_addresses_one_default_uq').on(t.customerId).where(sql`${t.isDefault}`),
  ],
);
