import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, boolean, jsonb, primaryKey, index, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * PIPL consent records (issue 7 §7), append-only: one row per grant or withdrawal, with the policy
 * version shown, where it was captured, and the client masked (IP) or hashed (user agent). The current
 * state of a purpose is its newest row. Marketing consent lives only here: messaging reads it through a
 * port (links/customer-privacy.ts), so there is one truth. Keyed by customer first (partition-ready).
 */
export const customerConsents = pgTable(
  'customer_consents',
  {
    customerId: uuid('customer_id').notNull(),
    id: uuid('id').notNull(),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    policyVersion: text('policy_version').notNull(),
    capturedVia: text('captured_via').notNull(),
    ipMasked: text('ip_masked'),
    userAgentHash: text('user_agent_hash'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.id] }), index('customer_consents_purpose_idx').on(t.customerId, t.purpose, t.at)],
);

/** A shopper's request to delete their account: cooling-off until `due_at`, then the erasure job. */
export const privacyDeletionRequests = pgTable(
  'privacy_deletion_requests',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    status: text('status', { enum: ['pending', 'cancelled', 'completed'] }).notNull(),
    reason: text('reason'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    pseudonym: text('pseudonym'),
  },
  (t) => [
    // At most one open request per customer.
    uniqueIndex('privacy_deletion_requests_open_uq').on(t.customerId).where(sql`status = 'pending'`),
    index('privacy_deletion_requests_due_idx').on(t.status, t.dueAt),
    index('privacy_deletion_requests_list_idx').on(t.requestedAt, t.id),
  ],
);

/** Every privacy step, append-only and visible to staff: requests, cancellations, each erasure step, exports. */
export const privacyAudit = pgTable(
  'privacy_audit',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id'),
    customerId: uuid('customer_id').notNull(),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('privacy_audit_customer_idx').on(t.customerId, t.at), index('privacy_audit_request_idx').on(t.requestId, t.at)],
);
