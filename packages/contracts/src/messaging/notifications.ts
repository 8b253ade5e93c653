import { z } from 'zod';

/** Channels a message can go out on. The campaigns issue adds more (email …). */
export const MESSAGE_CHANNELS = ['wechat', 'sms'] as const;
export const ZMessageChannel = z.enum(MESSAGE_CHANNELS);
export type TMessageChannel = z.infer<typeof ZMessageChannel>;

/** Why a shopper hears from us: transactional (about their own orders) or marketing (campaigns; off until granted). */
export const MESSAGE_PURPOSES = ['transactional', 'marketing'] as const;
export const ZMessagePurpose = z.enum(MESSAGE_PURPOSES);
export type TMessagePurpose = z.infer<typeof ZMessagePurpose>;

/** The order notifications (issue 6) and the points expiry reminder (issue 8). Each kind has a WeChat subscribe template and an SMS template. */
export const ORDER_MESSAGE_KINDS = ['order_paid', 'order_shipped', 'order_delivered', 'pickup_ready', 'refund_done', 'points_expiring'] as const;
export const ZMessageKind = z.enum(ORDER_MESSAGE_KINDS);
export type TMessageKind = z.infer<typeof ZMessageKind>;

export const MESSAGE_SEND_STATUSES = ['queued', 'sent', 'failed', 'skipped'] as const;
export const ZMessageSendStatus = z.enum(MESSAGE_SEND_STATUSES);
export type TMessageSendStatus = z.infer<typeof ZMessageSendStatus>;

const ZChannelSwitches = z.object({ wechat: z.boolean(), sms: z.boolean() });

/** A WeChat subscribe template the shop asks the shopper to accept (wx.requestSubscribeMessage). */
export const ZSubscribeTemplate = z.object({
  kind: ZMessageKind,
  templateId: z.string(),
  title: z.string(),
  /** Accepted-but-unused one-time grants (each accepted request allows one message). */
  remaining: z.number().int(),
});
export type TSubscribeTemplate = z.infer<typeof ZSubscribeTemplate>;

/** GET /api/shop/me/notification-preferences */
export const ZNotificationPreferences = z.object({
  transactional: ZChannelSwitches,
  /** Marketing consent: off unless the shopper turned it on (PIPL); campaigns use it. */
  marketing: ZChannelSwitches,
  /** What the shop can reach the shopper by: a sign-in phone, a mini-program openid. */
  reachable: z.object({ sms: z.boolean(), wechat: z.boolean() }),
  wechatTemplates: z.array(ZSubscribeTemplate),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** PUT /api/shop/me/notification-preferences — only the switches given change. */
export const ZNotificationPreferencesInput = z.strictObject({
  transactional: z.strictObject({ wechat: z.boolean().optional(), sms: z.boolean().optional() }).optional(),
  marketing: z.strictObject({ wechat: z.boolean().optional(), sms: z.boolean().optional() }).optional(),
});
export type TNotificationPreferencesInput = z.infer<typeof ZNotificationPreferencesInput>;

/**
 * POST /api/shop/me/notification-subscriptions — what wx.requestSubscribeMessage answered:
 * template id → 'accept' | 'reject' | 'ban' | 'filter'. Each 'accept' is one send allowance.
 */
export const ZSubscribeResultInput = z.strictObject({
  results: z.record(z.string().min(1).max(64), z.enum(['accept', 'reject', 'ban', 'filter'])).refine((r) => Object.keys(r).length <= 20, 'at most 20 templates'),
});
export type TSubscribeResultInput = z.infer<typeof ZSubscribeResultInput>;

/** One recorded send, as the admin's message log shows it (the recipient masked). */
export const ZMessageSend = z.object({
  id: z.string(),
  eventId: z.string(),
  kind: z.string(),
  channel: ZMessageChannel,
  template: z.string(),
  recipient: z.string(),
  status: ZMessageSendStatus,
  content: z.string(),
  providerId: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TMessageSend = z.infer<typeof ZMessageSend>;

export const ZMessageSendQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  channel: ZMessageChannel.optional(),
  status: ZMessageSendStatus.optional(),
});
export type TMessageSendQuery = z.infer<typeof ZMessageSendQuery>;

export const ZMessageSendList = z.object({ items: z.array(ZMessageSend), total: z.number().int() });
export type TMessageSendList = z.infer<typeof ZMessageSendList>;
