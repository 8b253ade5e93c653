import { pgTable, text, timestamp, uuid, jsonb, integer, index } from 'drizzle-orm/pg-core';
import type { TScope } from '@koi/contracts';

/**
 * A promotion the pricing engine applies by itself (满减 now; the kinds of issue 8 later): `args` as
 * the kind's schema parsed them. It runs while `status = 'active'` and `starts_at ≤ now < ends_at`.
 */
export const promotionPromotions = pgTable(
  'promotion_promotions',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    args: jsonb('args').$type<Record<string, unknown>>().notNull(),
    scope: jsonb('scope').$type<TScope>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    priority: integer('priority').notNull().default(0),
    status: text('status', { enum: ['draft', 'active', 'ended'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('promotion_promotions_status_idx').on(t.status, t.endsAt), index('promotion_promotions_created_idx').on(t.createdAt, t.id)],
);
