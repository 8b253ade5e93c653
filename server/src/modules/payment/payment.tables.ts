import { pgTable, text, timestamp, uuid, integer, bigint, jsonb, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * One attempt to collect a payable (an order) through one channel and amount. A payable may have
 * several over time (pay again reuses the open one; a new amount or channel closes it and opens the
 * next, `seq` + 1, with its own out_trade_no). State: open → paid | closed; closed → paid when money
 * arrives after all (the order module then decides to refund).
 * `refunded_fen` counts refunds that succeeded or are still processing, so the conditional update
 * `refunded_fen + x <= paid_fen` keeps concurrent refunds from exceeding what was paid.
 */
export const paymentIntents = pgTable(
  'payment_intents',
  {
    id: uuid('id').primaryKey(),
    payableType: text('payable_type').notNull(),
    payableId: text('payable_id').notNull(),
    seq: integer('seq').notNull(),
    provider: text('provider').notNull(),
    channel: text('channel').notNull(),
    outTradeNo: text('out_trade_no').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    openid: text('openid'),
    clientIp: text('client_ip').notNull(),
    returnUrl: text('return_url'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    state: text('state').notNull(),
    transactionId: text('transaction_id'),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payment_intents_payable_seq_uq').on(t.payableType, t.payableId, t.seq),
    uniqueIndex('payment_intents_trade_uq').on(t.provider, t.outTradeNo),
    check('payment_intents_state', sql`${t.state} in ('open', 'paid', 'closed')`),
    check('payment_intents_amount_pos', sql`${t.amountFen} > 0`),
    check('payment_intents_refund_le_paid', sql`${t.refundedFen} >= 0 and ${t.refundedFen} <= ${t.paidFen}`),
  ],
);

/** Money the provider reported received, one row per provider transaction id (the dedupe key of callbacks and queries). */
export const paymentTransactions = pgTable(
  'payment_transactions',
  {
    id: uuid('id').primaryKey(),
    provider: text('provider').notNull(),
    transactionId: text('transaction_id').notNull(),
    intentId: uuid('intent_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** What the payer paid themselves (less than the amount when the provider's own coupons applied). */
    payerFen: bigint('payer_fen', { mode: 'number' }),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    /** `callback` or `query`: how Koi learnt of it. */
    source: text('source').notNull(),
    raw: jsonb('raw').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('payment_transactions_provider_uq').on(t.provider, t.transactionId), index('payment_transactions_intent_idx').on(t.intentId)],
);

/** Refunds, idempotent by the caller's refund number (sent to the provider as out_refund_no / out_request_no). */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: uuid('id').primaryKey(),
    refundNo: text('refund_no').notNull(),
    intentId: uuid('intent_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    providerRefundId: text('provider_refund_id'),
    failureReason: text('failure_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('payment_refunds_no_uq').on(t.refundNo),
    index('payment_refunds_intent_idx').on(t.intentId),
    check('payment_refunds_status', sql`${t.status} in ('processing', 'succeeded', 'failed')`),
    check('payment_refunds_amount_pos', sql`${t.amountFen} > 0`),
  ],
);

/** Every callback Koi received and what it did with it (applied, duplicate, rejected and why). No secrets, no bodies. */
export const paymentCallbacks = pgTable(
  'payment_callbacks',
  {
    id: uuid('id').primaryKey(),
    provider: text('provider').notNull(),
    kind: text('kind').notNull(),
    outTradeNo: text('out_trade_no'),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('payment_callbacks_trade_idx').on(t.provider, t.outTradeNo)],
);
