import { pgTable, text, timestamp, uuid, integer, bigint, uniqueIndex, index } from 'drizzle-orm/pg-core';

/**
 * State of the local WeChat Pay and Alipay simulators (demo mode and tests only). They stand for
 * outside systems, so they keep their own tables and never read the payment module's.
 */

/**
 * Key material generated once per installation and shared by every process: the simulated
 * platform's / Alipay's key pairs and the merchant's (which the merchant would have got from the
 * provider's console), serials, the APIv3 key.
 */
export const paymentSimKeys = pgTable('payment_sim_keys', {
  name: text('name').primaryKey(),
  privatePem: text('private_pem'),
  publicPem: text('public_pem'),
  serial: text('serial'),
  secret: text('secret'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A trade as the provider knows it. `handle` is what cashier URLs carry (prepay_id, code_url token, trade id). */
export const paymentSimTrades = pgTable(
  'payment_sim_trades',
  {
    id: uuid('id').primaryKey(),
    provider: text('provider').notNull(),
    /** mchid (WeChat) or app_id (Alipay). */
    merchantId: text('merchant_id').notNull(),
    appId: text('app_id').notNull(),
    outTradeNo: text('out_trade_no').notNull(),
    /** JSAPI / MWEB / NATIVE, or QUICK_WAP_WAY / FAST_INSTANT_TRADE_PAY. */
    tradeType: text('trade_type').notNull(),
    description: text('description').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    notifyUrl: text('notify_url').notNull(),
    returnUrl: text('return_url'),
    /** Where 取消支付 leads (Alipay WAP `quit_url`). */
    cancelUrl: text('cancel_url'),
    openid: text('openid'),
    /** Same out_trade_no + same digest = the same order placed again (allowed); a different digest is refused. */
    digest: text('digest').notNull(),
    handle: text('handle').notNull(),
    state: text('state').notNull(),
    transactionId: text('transaction_id'),
    payerId: text('payer_id'),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('payment_sim_trades_uq').on(t.provider, t.merchantId, t.outTradeNo), uniqueIndex('payment_sim_trades_handle_uq').on(t.handle)],
);

export const paymentSimRefunds = pgTable(
  'payment_sim_refunds',
  {
    id: uuid('id').primaryKey(),
    provider: text('provider').notNull(),
    merchantId: text('merchant_id').notNull(),
    tradeId: uuid('trade_id').notNull(),
    refundNo: text('refund_no').notNull(),
    refundId: text('refund_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    successAt: timestamp('success_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('payment_sim_refunds_uq').on(t.provider, t.merchantId, t.refundNo)],
);

/**
 * Callbacks the simulators owe the merchant, delivered with the provider's retry schedule until
 * acknowledged. `body` is what is posted (WeChat: the JSON envelope with the encrypted resource;
 * Alipay: the notify parameters as JSON, signed afresh at each delivery with a new notify_time).
 */
export const paymentSimNotifications = pgTable(
  'payment_sim_notifications',
  {
    id: uuid('id').primaryKey(),
    provider: text('provider').notNull(),
    url: text('url').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    gaveUpAt: timestamp('gave_up_at', { withTimezone: true }),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('payment_sim_notifications_due_idx').on(t.nextAttemptAt)],
);
