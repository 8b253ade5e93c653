import { sql } from 'drizzle-orm';
import type { TMessageChannel } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { jobIdFor } from '../../platform/events.ts';
import { chooseChannel, maskRecipient, type ChannelFacts } from './channel-choice.rules.ts';
import { PURPOSE_OF, renderSms, renderWechat, smsText, wechatText, WECHAT_TEMPLATES, type OrderMessageData } from './order-templates.rules.ts';
import { SIMULATED_TEMPLATES } from './providers/aliyun-sms.simulator.ts';
import type { PreferencesStore } from './preferences.ts';

export const DELIVER_QUEUE = 'messaging.deliver';

export type Contacts = (customerId: string) => Promise<{ phone: string | null; mpOpenid: string | null }>;
export type NotifyDeps = { db: Db; jobs: Jobs; log: Logger; prefs: PreferencesStore; contacts: Contacts; signName: string };
export type NotifyInput = { eventId: string; customerId: string; data: OrderMessageData };

type Rendered = { template: string; payload: object; content: string };

function render(channel: TMessageChannel, data: OrderMessageData, signName: string): Rendered {
  if (channel === 'wechat') {
    const w = renderWechat(data);
    return { template: w.templateId, payload: { ...w, source: data }, content: wechatText(data.kind, w.data) };
  }
  const s = renderSms(data);
  return { template: s.templateCode, payload: { ...s, source: data }, content: smsText(signName, SIMULATED_TEMPLATES[s.templateCode] ?? s.templateCode, s.params) };
}

/**
 * Decides and records the messages of one notification. Runs inside the caller's transaction (an
 * event subscriber's): the channel is chosen by consent and by what can reach the shopper, a WeChat
 * grant is taken, and one `message_sends` row per channel is written — `queued` for the channel
 * chosen, `skipped` (with the reason) for those passed over. Rows are unique per (event, channel), so
 * a second call for the same event writes nothing. Sending happens afterwards, in the deliver job.
 */
export function notifier(deps: NotifyDeps) {
  const { db, prefs, log } = deps;

  function schedule(id: string, attempt: number, at: Date): void {
    // Not awaited: on PGlite the job's statement queues behind the caller's open transaction.
    deps.jobs.send(DELIVER_QUEUE, { id }, { startAfter: at, id: jobIdFor(`${id}#${attempt}`, DELIVER_QUEUE) })
      .catch((err: unknown) => log.warn({ err, sendId: id }, 'could not enqueue a message delivery; the sweep will send it'));
  }

  async function facts(q: Q, customerId: string, data: OrderMessageData): Promise<ChannelFacts> {
    const [switches, contacts, quotas] = [await prefs.switches(customerId, q), await deps.contacts(customerId), await prefs.quotas(customerId, q)];
    return {
      consent: switches[PURPOSE_OF[data.kind]],
      phone: contacts.phone,
      mpOpenid: contacts.mpOpenid,
      templates: { wechat: Boolean(WECHAT_TEMPLATES[data.kind]), sms: true },
      wechatQuota: quotas.get(WECHAT_TEMPLATES[data.kind].templateId) ?? 0,
    };
  }

  async function insert(q: Q, input: NotifyInput, channel: TMessageChannel, recipient: string, status: 'queued' | 'skipped', error: string | null): Promise<string | null> {
    const r = render(channel, input.data, deps.signName);
    const id = newId();
    const now = clock.now();
    const rows = await db.rows<{ id: string }>(sql`insert into message_sends (id, event_id, customer_id, kind, channel, template, recipient, payload, content, status, error, attempts, next_attempt_at, created_at)
      values (${id}, ${input.eventId}, ${input.customerId}, ${input.data.kind}, ${channel}, ${r.template}, ${recipient}, ${JSON.stringify(r.payload)}::jsonb, ${r.content},
        ${status}, ${error}, 0, ${status === 'queued' ? now : null}, ${now})
      on conflict (event_id, channel) do nothing returning id`, q);
    return rows[0]?.id ?? null;
  }

  /** Plans and records; `exclude` leaves channels out (a fallback after WeChat refused). Returns the queued send's id. */
  async function plan(q: Q, input: NotifyInput, exclude: readonly TMessageChannel[] = []): Promise<string | null> {
    const f = await facts(q, input.customerId, input.data);
    const choice = chooseChannel(f, exclude);
    for (const s of choice.skipped) await insert(q, input, s.channel, s.channel === 'sms' ? f.phone ?? '' : f.mpOpenid ?? '', 'skipped', s.reason);
    if (!choice.send) return null;
    const recipient = choice.send === 'sms' ? f.phone! : f.mpOpenid!;
    const id = await insert(q, input, choice.send, recipient, 'queued', null);
    if (!id) return null;
    if (choice.send === 'wechat' && !(await prefs.consumeGrant(q, input.customerId, WECHAT_TEMPLATES[input.data.kind].templateId))) {
      // Another send took the last grant between reading and taking it: this one goes by the next channel.
      await q.execute(sql`update message_sends set status = 'skipped', error = 'no_quota', next_attempt_at = null where id = ${id}`);
      return plan(q, input, [...exclude, 'wechat']);
    }
    log.info({ sendId: id, kind: input.data.kind, channel: choice.send, to: maskRecipient(choice.send, recipient) }, 'message queued');
    // A second of slack: the caller's transaction commits first (the sweep catches a job that ran too early).
    schedule(id, 1, new Date(clock.now().getTime() + 1000));
    return id;
  }

  return {
    schedule,
    /** Records the messages of one notification inside `q` (see above). */
    notify: (q: Q, input: NotifyInput) => plan(q, input),
    /** The next channel after `failed` gave up, in its own transaction. */
    fallback: (input: NotifyInput, failed: TMessageChannel) => db.tx((q) => plan(q, input, [failed])),
  };
}
export type Notifier = ReturnType<typeof notifier>;
