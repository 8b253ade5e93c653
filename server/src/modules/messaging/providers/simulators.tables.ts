import { pgTable, text, timestamp, uuid, jsonb, index } from 'drizzle-orm/pg-core';

/**
 * What the local provider simulators received, so demo users and tests can read them
 * (`/dev/sms` shows the SMS a phone would have received).
 */
export const simSmsMessages = pgTable(
  'sim_sms_messages',
  {
    id: uuid('id').primaryKey(),
    provider: text('provider').notNull(),
    phone: text('phone').notNull(),
    signName: text('sign_name').notNull(),
    templateCode: text('template_code').notNull(),
    params: jsonb('params').notNull(),
    text: text('text').notNull(),
    bizId: text('biz_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sim_sms_phone_idx').on(t.phone, t.createdAt)],
);

/** Codes the WeChat simulator issued (uni.login / OAuth) and the user each one stands for. */
export const simWechatCodes = pgTable('sim_wechat_codes', {
  code: text('code').primaryKey(),
  appId: text('app_id').notNull(),
  openid: text('openid').notNull(),
  unionid: text('unionid').notNull(),
  nickname: text('nickname').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
