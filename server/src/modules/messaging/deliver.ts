import { sql } from 'drizzle-orm';
import type { TMessageChannel } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { maskRecipient } from './channel-choice.rules.ts';
import type { OrderMessageData, SmsContent, WechatContent } from './order-templates.rules.ts';
import { SmsSendError, type SmsProvider } from './providers/sms.ts';
import { WechatSendError, type WechatSubscribeProvider } from './providers/wechat-subscribe.ts';
import type { Notifier } from './notify.ts';
import type { PreferencesStore } from './preferences.ts';

/** Attempts per message before it is given up (network trouble, a busy gateway). */
export const MAX_ATTEMPTS = 5;
const CLAIM_MS = 60_000;

type SendRow = {
  id: string; event_id: string; customer_id: string; kind: string; channel: TMessageChannel; template: string; recipient: string;
  payload: (WechatContent | SmsContent) & { source: OrderMessageData }; attempts: number;
};

export type DeliveryOutcome = 'sent' | 'retry_scheduled' | 'failed' | 'not_due';

/** Retry delay after attempt n (1-based): 30 s, 1 min, 2 min, 4 min … */
export function retryDelayMs(attempt: number): number {
  return 30_000 * 2 ** Math.max(0, attempt - 1);
}

/** Aliyun answers that a retry cannot fix: account, signature, template, number. */
function smsPermanent(code: string): boolean {
  return code.startsWith('isv.') || code.startsWith('InvalidAccessKeyId') || code === 'SignatureDoesNotMatch';
}

/**
 * Sends queued messages through their providers. A send is claimed by a conditional update (status
 * queued, due, not claimed), so the job, a retry and the sweep never send the same message at once;
 * the outcome is written afterwards: sent (with the provider's id), a retry later, or failed. A WeChat
 * message that cannot go out (the user refused or used up their grant: 43101) falls back to SMS.
 */
export function deliverer(deps: { db: Db; log: Logger; sms: SmsProvider; wechat: WechatSubscribeProvider; notifier: Notifier; prefs: PreferencesStore }) {
  const { db, log } = deps;

  async function claim(id: string): Promise<SendRow | null> {
    const now = clock.now();
    const [row] = await db.rows<SendRow>(sql`update message_sends set attempts = attempts + 1, claimed_until = ${new Date(now.getTime() + CLAIM_MS)}
      where id = ${id} and status = 'queued' and (next_attempt_at is null or next_attempt_at <= ${now}) and (claimed_until is null or claimed_until < ${now})
      returning id, event_id, customer_id, kind, channel, template, recipient, payload, attempts`);
    if (!row) return null;
    return { ...row, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload, attempts: Number(row.attempts) };
  }

  async function transmit(row: SendRow): Promise<string> {
    if (row.channel === 'wechat') {
      const p = row.payload as WechatContent;
      return (await deps.wechat.send({ touser: row.recipient, templateId: p.templateId, page: p.page, data: p.data })).msgid;
    }
    const p = row.payload as SmsContent;
    return (await deps.sms.send({ phone: row.recipient, templateCode: p.templateCode, params: p.params })).bizId;
  }

  async function deliver(id: string): Promise<DeliveryOutcome> {
    const row = await claim(id);
    if (!row) return 'not_due';
    const to = maskRecipient(row.channel, row.recipient);
    try {
      const providerId = await transmit(row);
      await db.run((q) => q.execute(sql`update message_sends set status = 'sent', provider_id = ${providerId}, error = null, sent_at = ${clock.now()},
        claimed_until = null, next_attempt_at = null where id = ${row.id}`));
      log.info({ sendId: row.id, channel: row.channel, to, kind: row.kind }, 'message sent');
      return 'sent';
    } catch (err) {
      const permanent = (err instanceof WechatSendError && err.permanent) || (err instanceof SmsSendError && smsPermanent(err.providerCode));
      const code = err instanceof WechatSendError ? String(err.errcode) : err instanceof SmsSendError ? err.providerCode : 'network';
      const error = `${code}: ${(err as Error).message}`.slice(0, 500);
      if (!permanent && row.attempts < MAX_ATTEMPTS) {
        const at = new Date(clock.now().getTime() + retryDelayMs(row.attempts));
        await db.run((q) => q.execute(sql`update message_sends set error = ${error}, claimed_until = null, next_attempt_at = ${at} where id = ${row.id}`));
        deps.notifier.schedule(row.id, row.attempts + 1, at);
        log.warn({ sendId: row.id, channel: row.channel, to, attempt: row.attempts, err }, 'message send failed; will retry');
        return 'retry_scheduled';
      }
      await db.run((q) => q.execute(sql`update message_sends set status = 'failed', error = ${error}, claimed_until = null, next_attempt_at = null where id = ${row.id}`));
      log.warn({ sendId: row.id, channel: row.channel, to, attempt: row.attempts, err }, 'message send failed');
      if (row.channel === 'wechat') {
        if (err instanceof WechatSendError && err.errcode === 43101) await deps.prefs.clearGrants(row.customer_id, row.template);
        await deps.notifier.fallback({ eventId: row.event_id, customerId: row.customer_id, data: row.payload.source }, 'wechat');
      }
      return 'failed';
    }
  }

  return {
    deliver,
    /** Sends everything due (the sweep job; tests call it to run the queue). Returns how many it tried. */
    async deliverDue(limit = 50): Promise<number> {
      const now = clock.now();
      const due = await db.rows<{ id: string }>(sql`select id from message_sends where status = 'queued' and next_attempt_at <= ${now}
        and (claimed_until is null or claimed_until < ${now}) order by created_at, id limit ${limit}`);
      for (const { id } of due) await deliver(id);
      return due.length;
    },
  };
}
