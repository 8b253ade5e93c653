import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Q } from './db.ts';
import { clock } from './clock.ts';
import { newId } from './ids.ts';
import type { Logger } from './log.ts';
import type { Jobs } from './jobs.ts';

export type KoiEvent<T = unknown> = { id: string; topic: string; payload: T; createdAt: string };
export type Subscriber = (event: KoiEvent, q: Q) => Promise<void>;

/**
 * Writes an event into the outbox inside the caller's transaction: it exists exactly when the state
 * change it announces was committed. The dispatcher delivers it afterwards, at least once.
 */
export async function publish<T>(q: Q, topic: string, payload: T): Promise<string> {
  const id = newId();
  await q.execute(sql`insert into outbox_events (id, topic, payload, created_at)
    values (${id}, ${topic}, ${JSON.stringify(payload)}::jsonb, ${clock.now()})`);
  return id;
}

/** A stable job id per (event, queue), so a redelivered event does not enqueue its job twice. */
export function jobIdFor(eventId: string, queue: string): string {
  const h = createHash('sha256').update(`${eventId}/${queue}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Registration = { name: string; handler?: Subscriber; queue?: string };

export type DispatcherOptions = { batchSize?: number; pollMs?: number; claimMs?: number; maxAttempts?: number };

/**
 * Delivers outbox events to in-process subscribers and to job queues. A subscriber's work and the
 * record that it handled the event commit together, so a redelivery (after a crash, or a retry of a
 * sibling subscriber) does nothing. Failing events retry with backoff and stop after `maxAttempts`,
 * where they wait in the dead-letter list.
 */
export class EventBus {
  private subs = new Map<string, Registration[]>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;
  private readonly opts: Required<DispatcherOptions>;

  constructor(private db: Db, private log: Logger, private jobs: Jobs | null, opts: DispatcherOptions = {}) {
    this.opts = { batchSize: 50, pollMs: 250, claimMs: 30_000, maxAttempts: 10, ...opts };
  }

  /** `name` identifies the subscriber in the handled-record: keep it stable across releases. */
  subscribe(topic: string, name: string, handler: Subscriber): void {
    this.add(topic, { name, handler });
  }

  /** Every event of `topic` becomes a job on `queue` (payload = the event). */
  toQueue(topic: string, queue: string): void {
    this.add(topic, { name: `queue:${queue}`, queue });
  }

  private add(topic: string, reg: Registration): void {
    const list = this.subs.get(topic) ?? [];
    if (list.some((r) => r.name === reg.name)) throw new Error(`subscriber ${reg.name} registered twice on ${topic}`);
    list.push(reg);
    this.subs.set(topic, list);
  }

  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      try {
        while ((await this.dispatchOnce()) === this.opts.batchSize && !this.stopped);
      } catch (err) {
        this.log.error({ err }, 'outbox dispatch failed');
      }
      if (!this.stopped) this.timer = setTimeout(tick, this.opts.pollMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Claims and delivers one batch; returns how many events it took. Safe to run in several processes. */
  dispatchOnce(): Promise<number> {
    const run = (this.running ?? Promise.resolve(0)).then(() => this.dispatchBatch());
    this.running = run.catch(() => 0);
    return run;
  }

  private async dispatchBatch(): Promise<number> {
    const now = clock.now();
    const claimed = await this.db.rows<{ id: string; topic: string; payload: unknown; created_at: Date | string; attempts: number }>(sql`
      update outbox_events set claimed_until = ${new Date(now.getTime() + this.opts.claimMs)}, attempts = attempts + 1
      where id in (
        select id from outbox_events
        where dispatched_at is null and failed_at is null and (claimed_until is null or claimed_until < ${now})
        order by id limit ${this.opts.batchSize} for update skip locked)
      returning id, topic, payload, created_at, attempts`);
    claimed.sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const row of claimed) {
      const event: KoiEvent = {
        id: row.id,
        topic: row.topic,
        payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
        createdAt: new Date(row.created_at).toISOString(),
      };
      try {
        for (const reg of this.subs.get(event.topic) ?? []) await this.deliver(event, reg);
        await this.db.run((q) => q.execute(sql`update outbox_events set dispatched_at = ${clock.now()}, last_error = null where id = ${event.id}`));
      } catch (err) {
        const attempts = Number(row.attempts);
        const dead = attempts >= this.opts.maxAttempts;
        const retryAt = new Date(clock.now().getTime() + Math.min(2 ** attempts * 1000, 3600_000));
        this.log.warn({ err, eventId: event.id, topic: event.topic, attempts, dead }, 'event delivery failed');
        await this.db.run((q) => q.execute(sql`update outbox_events set last_error = ${String((err as Error)?.message ?? err)},
          claimed_until = ${retryAt}, failed_at = ${dead ? clock.now() : null} where id = ${event.id}`));
      }
    }
    return claimed.length;
  }

  private async deliver(event: KoiEvent, reg: Registration): Promise<void> {
    if (reg.queue) {
      if (!this.jobs) throw new Error(`no job queue for ${reg.queue}`);
      await this.jobs.send(reg.queue, event, { id: jobIdFor(event.id, reg.queue) });
      return;
    }
    await this.db.tx(async (q) => {
      const fresh = await this.db.rows(sql`insert into event_handled (subscriber, event_id, handled_at)
        values (${reg.name}, ${event.id}, ${clock.now()}) on conflict do nothing returning event_id`, q);
      if (fresh.length) await reg.handler!(event, q);
    });
  }

  /** Events that exhausted their attempts, for the admin's dead-letter list. */
  async failed(limit = 50): Promise<{ id: string; topic: string; payload: unknown; lastError: string | null; attempts: number; failedAt: string }[]> {
    const rows = await this.db.rows<{ id: string; topic: string; payload: unknown; last_error: string | null; attempts: number; failed_at: Date }>(
      sql`select id, topic, payload, last_error, attempts, failed_at from outbox_events where failed_at is not null order by failed_at desc limit ${limit}`);
    return rows.map((r) => ({ id: r.id, topic: r.topic, payload: r.payload, lastError: r.last_error, attempts: Number(r.attempts), failedAt: new Date(r.failed_at).toISOString() }));
  }

  /** Puts a dead event back in line. */
  async retry(id: string): Promise<boolean> {
    const rows = await this.db.rows(sql`update outbox_events set failed_at = null, attempts = 0, claimed_until = null
      where id = ${id} and failed_at is not null returning id`);
    return rows.length > 0;
  }
}
