import { pgTable, text, timestamp, uuid, jsonb, index, integer, primaryKey } from 'drizzle-orm/pg-core';

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

/** The WeChat simulator's side of subscribe messages: grants the user made (一次性订阅), per app/openid/template. */
export const simWechatGrants = pgTable('sim_wechat_grants', {
  appId: text('app_id').notNull(),
  openid: text('openid').notNull(),
  templateId: text('template_id').notNull(),
  remaining: integer('remaining').notNull(),
}, (t) => [primaryKey({ columns: [t.appId, t.openid, t.templateId] })]);

/** Subscribe messages the simulated WeChat delivered: what the shopper would see in 服务通知. */
export const simWechatMessages = pgTable(
  'sim_wechat_messages',
  {
    id: uuid('id').primaryKey(),
    appId: text('app_id').notNull(),
    touser: text('touser').notNull(),
    templateId: text('template_id').notNull(),
    page: text('page'),
    lang: text('lang').notNull(),
    miniprogramState: text('miniprogram_state').notNull(),
    data: jsonb('data').notNull(),
    text: text('text').notNull(),
    msgid: text('msgid').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sim_wechat_messages_touser_idx').on(t.touser, t.createdAt)],
);
