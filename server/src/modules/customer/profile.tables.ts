import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, boolean, date, jsonb, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';

/**
 * One customer (客户), whichever way they came: a shopper's sign-up (id = shopper id) or an import /
 * other channel (a fresh id, no shopper account). A customer merged into another keeps its row with
 * `merged_into` set, so old references still resolve; erased customers keep the row with the
 * personal fields cleared.
 */
export const customerProfiles = pgTable(
  'customer_profiles',
  {
    id: uuid('id').primaryKey(),
    name: text('name'),
    gender: text('gender', { enum: ['male', 'female', 'unknown'] }).notNull().default('unknown'),
    birthday: date('birthday', { mode: 'string' }),
    regionCode: text('region_code'),
    sourceChannel: text('source_channel').notNull(),
    /** A shopper account with this id exists (signed up in the shop). */
    hasAccount: boolean('has_account').notNull().default(false),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    mergedInto: uuid('merged_into'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    erased: boolean('erased').notNull().default(false),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    // Keyset paging of the admin list (newest first) over live customers.
    index('customer_profiles_list_idx').on(t.createdAt, t.id).where(sql`${t.mergedInto} is null`),
    index('customer_profiles_source_idx').on(t.sourceChannel, t.createdAt, t.id).where(sql`${t.mergedInto} is null`),
    // The birthday reward's daily pass (customer/birthdays.ts).
    index('customer_profiles_birthday_idx').on(sql`extract(month from ${t.birthday})`, sql`extract(day from ${t.birthday})`, t.id).where(sql`${t.mergedInto} is null and not ${t.erased}`),
  ],
);

/**
 * A customer's identities. Strong kinds name one person: unique (kind, value). `phone_masked`
 * (`138****5678`) is a partial identity: kept for display and search, many customers may share one,
 * never matched on alone.
 */
export const customerIdentities = pgTable(
  'customer_identities',
  {
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.kind, t.value] }),
    uniqueIndex('customer_identities_strong_uq').on(t.kind, t.value).where(sql`${t.kind} <> 'phone_masked'`),
    index('customer_identities_value_idx').on(t.value),
    index('customer_identities_tail_idx').on(sql`right(${t.value}, 4)`).where(sql`${t.kind} in ('phone', 'phone_masked')`),
  ],
);

/** Two customers whose strong identities met in one claim: not merged silently, offered to staff. */
export const customerMergeSuggestions = pgTable(
  'customer_merge_suggestions',
  {
    id: uuid('id').primaryKey(),
    /** The pair, smaller id first. */
    aId: uuid('a_id').notNull(),
    bId: uuid('b_id').notNull(),
    reason: text('reason').notNull(),
    claims: jsonb('claims').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('customer_merge_suggestions_pair_uq').on(t.aId, t.bId), index('customer_merge_suggestions_b_idx').on(t.bId)],
);

/** The merge audit: one row per merged-away customer (a customer merges away at most once). */
export const customerMerges = pgTable(
  'customer_merges',
  {
    id: uuid('id').primaryKey(),
    fromId: uuid('from_id').notNull(),
    intoId: uuid('into_id').notNull(),
    /** null: the system (a sign-up that matched an imported customer). */
    staffId: uuid('staff_id'),
    reason: text('reason').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('customer_merges_from_uq').on(t.fromId), index('customer_merges_into_idx').on(t.intoId)],
);

/** Staff notes on a customer (备注). */
export const customerNotes = pgTable(
  'customer_notes',
  {
    customerId: uuid('customer_id').notNull(),
    id: uuid('id').notNull(),
    staffId: uuid('staff_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.id] })],
);

/** Every reveal of a masked phone or address by staff: who, what, when. Append-only. */
export const customerReveals = pgTable(
  'customer_reveals',
  {
    customerId: uuid('customer_id').notNull(),
    id: uuid('id').notNull(),
    staffId: uuid('staff_id').notNull(),
    field: text('field', { enum: ['phone', 'address'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.id] }), index('customer_reveals_staff_idx').on(t.staffId, t.createdAt)],
);
