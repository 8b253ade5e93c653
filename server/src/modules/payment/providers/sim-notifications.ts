import { sql } from 'drizzle-orm';
import type { TPayProvider } from '@koi/contracts';
import type { Db, Q } from '../../../platform/db.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import type { Logger } from '../../../platform/log.ts';
import { clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { jobIdFor } from '../../../platform/events.ts';
import { alipayTime, signNotify, type Params } from './alipay.protocol.ts';
import { platformHeaders } from './wechatpay.protocol.ts';
import { acknowledged, retryDelaySeconds } from './notify-schedule.rules.ts';
import type { SimulatorKeys } from './keys.ts';
import type { Wire, WireRequest } from './wire.ts';

export const SIM_NOTIFY_QUEUE = 'payment.sim-notify';

type Row = {
  id: string; provider: TPayProvider; url: string; body: string; attempts: number; next_attempt_at: Date | string | null;
  delivered_at: Date | string | null; gave_up_at: Date | string | null;
};

export type DeliveryOutcome = 'delivered' | 'retry_scheduled' | 'gave_up' | 'not_due' | 'missing';

/**
 * The simulators' outgoing callbacks: stored when owed, delivered at once and then on the
 * provider's schedule until the merchant acknowledges. Each attempt is claimed with a conditional
 * update, so a job, the sweep and an inline delivery never send the same attempt twice; the next
 * attempt time is written before sending, so a crash mid-delivery only delays it to that time.
 */
export function simNotifications(deps: { db: Db; jobs: Jobs; log: Logger; wire: Wire; keys: () => Promise<SimulatorKeys> }) {
  const { db, log } = deps;

  /** Sends the job without waiting: on PGlite its statement queues behind a transaction the caller may hold. */
  function scheduleAttempt(id: string, attempt: number, at: Date): void {
    deps.jobs.send(SIM_NOTIFY_QUEUE, { id }, { startAfter: at, id: jobIdFor(`${id}#${attempt}`, SIM_NOTIFY_QUEUE) })
      .catch((err: unknown) => log.warn({ err, notificationId: id }, 'could not schedule a simulator callback retry; the sweep will deliver it'));
  }

  /** The HTTP request of one delivery, signed now (a retry hours later must not carry a stale signature). */
  async function request(row: Pick<Row, 'provider' | 'url' | 'body'>): Promise<WireRequest> {
    const keys = await deps.keys();
    const now = clock.now();
    if (row.provider === 'wechatpay') {
      const k = keys.wechatpay;
      return {
        method: 'POST',
        url: row.url,
        headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/4.0', ...platformHeaders(row.body, { serial: k.platformSerial, privateKey: k.platformPrivateKey }, now) },
        body: row.body,
      };
    }
    const params = { ...(JSON.parse(row.body) as Params), notify_time: alipayTime(now) };
    return {
      method: 'POST',
      url: row.url,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(signNotify(params, keys.alipay.alipayPrivateKey)).toString(),
    };
  }

  async function load(id: string): Promise<Row | null> {
    const [row] = await db.rows<Row>(sql`select id, provider, url, body, attempts, next_attempt_at, delivered_at, gave_up_at from payment_sim_notifications where id = ${id}`);
    return row ?? null;
  }

  const api = {
    /** Records a callback owed to `url`, due now. Call inside the transaction that made it owed. */
    async create(q: Q, n: { provider: TPayProvider; url: string; body: string }): Promise<string> {
      const id = newId();
      const now = clock.now();
      await q.execute(sql`insert into payment_sim_notifications (id, provider, url, body, attempts, next_attempt_at, created_at)
        values (${id}, ${n.provider}, ${n.url}, ${n.body}, 0, ${now}, ${now})`);
      // A second of slack: the caller's transaction (and on PostgreSQL, its commit) comes first.
      scheduleAttempt(id, 1, new Date(now.getTime() + 1000));
      return id;
    },

    /** Delivers one attempt if one is due now. */
    async deliver(id: string): Promise<DeliveryOutcome> {
      const row = await load(id);
      const now = clock.now();
      if (!row) return 'missing';
      if (row.delivered_at || row.gave_up_at || !row.next_attempt_at || new Date(row.next_attempt_at) > now) return 'not_due';
      const attempt = Number(row.attempts) + 1;
      const delay = retryDelaySeconds(row.provider, attempt);
      const next = delay === null ? null : new Date(now.getTime() + delay * 1000);
      const claimed = await db.rows(sql`update payment_sim_notifications set attempts = ${attempt}, next_attempt_at = ${next}
        where id = ${id} and attempts = ${row.attempts} and delivered_at is null and gave_up_at is null returning id`);
      if (!claimed.length) return 'not_due';

      let status = 0;
      let error: string | null = null;
      let ok = false;
      try {
        const res = await deps.wire(await request(row));
        status = res.status;
        ok = acknowledged(row.provider, res);
        if (!ok) error = res.body.slice(0, 300);
      } catch (err) {
        error = (err as Error).message;
      }
      if (ok) {
        await db.run((q) => q.execute(sql`update payment_sim_notifications set delivered_at = ${clock.now()}, last_status = ${status}, last_error = null where id = ${id}`));
        return 'delivered';
      }
      await db.run((q) => q.execute(sql`update payment_sim_notifications set last_status = ${status}, last_error = ${error},
        gave_up_at = ${next ? null : clock.now()} where id = ${id}`));
      log.info({ notificationId: id, provider: row.provider, attempt, status, nextAttemptAt: next }, 'simulated callback not acknowledged');
      if (!next) return 'gave_up';
      scheduleAttempt(id, attempt + 1, next);
      return 'retry_scheduled';
    },

    /** Delivers every attempt due now (the sweep; tests call it after moving the clock). */
    async runDue(limit = 100): Promise<Record<DeliveryOutcome, number>> {
      const due = await db.rows<{ id: string }>(sql`select id from payment_sim_notifications
        where delivered_at is null and gave_up_at is null and next_attempt_at <= ${clock.now()} order by next_attempt_at limit ${limit}`);
      const counts: Record<DeliveryOutcome, number> = { delivered: 0, retry_scheduled: 0, gave_up: 0, not_due: 0, missing: 0 };
      for (const { id } of due) counts[await api.deliver(id)]++;
      return counts;
    },

    /** The request a delivery would send now, without sending it (tests replay it, tamper with it). */
    async signedRequest(id: string): Promise<WireRequest> {
      const row = await load(id);
      if (!row) throw new Error(`no simulated notification ${id}`);
      return request(row);
    },

    async status(id: string) {
      const [row] = await db.rows<{ attempts: number; delivered_at: Date | null; gave_up_at: Date | null; next_attempt_at: Date | null; last_status: number | null }>(
        sql`select attempts, delivered_at, gave_up_at, next_attempt_at, last_status from payment_sim_notifications where id = ${id}`);
      if (!row) return null;
      return {
        attempts: Number(row.attempts),
        delivered: !!row.delivered_at,
        gaveUp: !!row.gave_up_at,
        nextAttemptAt: row.next_attempt_at ? new Date(row.next_attempt_at) : null,
        lastStatus: row.last_status === null ? null : Number(row.last_status),
      };
    },
  };
  return api;
}
export type SimNotifications = ReturnType<typeof simNotifications>;
