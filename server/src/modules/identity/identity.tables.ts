import { pgTable, text, timestamp, integer, uuid, boolean, uniqueIndex, index } from 'drizzle-orm/pg-core';

/** A shopper's account. The customer profile (customer module) hangs off this id. */
export const shopperAccounts = pgTable('shopper_accounts', {
  id: uuid('id').primaryKey(),
  nickname: text('nickname').notNull(),
  avatarUrl: text('avatar_url'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
});

/** The ways a shopper signs in: phone, WeChat openid per app, WeChat unionid across apps. */
export const shopperLogins = pgTable(
  'shopper_logins',
  {
    id: uuid('id').primaryKey(),
    shopperId: uuid('shopper_id').notNull(),
    kind: text('kind', { enum: ['phone', 'wechat_openid', 'wechat_unionid'] }).notNull(),
    /** For openids the app id is part of the value (`appid:openid`): openids are per app. */
    value: text('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('shopper_logins_kind_value_uq').on(t.kind, t.value), index('shopper_logins_shopper_idx').on(t.shopperId)],
);

export const otpCodes = pgTable(
  'otp_codes',
  {
    id: uuid('id').primaryKey(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('otp_codes_phone_idx').on(t.phone, t.createdAt)],
);

export const staffAccounts = pgTable('staff_accounts', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['owner', 'operator', 'store_manager', 'shopping_guide', 'customer_service', 'finance'] }).notNull(),
  /** null: every store. */
  storeId: uuid('store_id'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Opaque bearer sessions, stored as a hash so a database leak does not leak live tokens. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    subjectKind: text('subject_kind', { enum: ['shopper', 'staff'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_subject_idx').on(t.subjectKind, t.subjectId)],
);

/** Who did what to staff accounts: role changes, store scope changes, disabling. */
export const staffAudit = pgTable('staff_audit', {
  id: uuid('id').primaryKey(),
  actorId: uuid('actor_id'),
  targetId: uuid('target_id').notNull(),
  action: text('action').notNull(),
  detail: text('detail').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
