import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import type { Logger } from './log.ts';

export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;
export type QueueOptions = { retryLimit?: number; retryDelaySeconds?: number; retryBackoff?: boolean; expireInSeconds?: number };
export type DeadJob = { id: string; queue: string; data: unknown; error: string | null; retryCount: number; failedAt: string | null };

/**
 * The durable job queue: pg-boss 10 on the same database, so jobs commit with the data they act on
 * and survive restarts. On PGlite pg-boss talks through the db layer's `executeSql` (serialised with
 * every other statement on the one connection); on PostgreSQL it has its own small pool.
 * Retries with exponential backoff, delayed jobs (`startAfter`), cron schedules, and a dead-letter
 * list: jobs that failed after their last retry, which staff can look at and put back in line.
 */
export class Jobs {
  private boss: PgBoss;
  private handlers = new Map<string, { handler: JobHandler<unknown>; opts: QueueOptions }>();
  private started = false;

  constructor(private db: Db, private log: Logger, databaseUrl?: string, private pollSeconds = 0.5) {
    this.boss = databaseUrl
      ? new PgBoss({ connectionString: databaseUrl, max: 4, schema: 'pgboss' })
      : new PgBoss({ db: { executeSql: (text, values) => db.executeSql(text, values) }, schema: 'pgboss' });
    this.boss.on('error', (err) => log.error({ err }, 'job queue error'));
  }

  /** Declares a queue and its worker. Call before `start()`. */
  define<T>(queue: string, opts: QueueOptions, handler: JobHandler<T>): void {
    if (this.handlers.has(queue)) throw new Error(`queue ${queue} defined twice`);
    this.handlers.set(queue, { handler: handler as JobHandler<unknown>, opts });
  }

  async start(opts: { work: boolean } = { work: true }): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const [queue, { handler, opts: q }] of this.handlers) {
      await this.boss.createQueue(queue, {
        name: queue,
        retryLimit: q.retryLimit ?? 5,
        retryDelay: q.retryDelaySeconds ?? 5,
        retryBackoff: q.retryBackoff ?? true,
        expireInSeconds: q.expireInSeconds ?? 15 * 60,
      });
      if (!opts.work) continue;
      await this.boss.work<unknown>(queue, { pollingIntervalSeconds: this.pollSeconds, batchSize: 1, includeMetadata: true }, async ([job]) => {
        if (!job) return;
        try {
          await handler(job.data, { id: job.id, retryCount: job.retryCount });
        } catch (err) {
          this.log.warn({ err, queue, jobId: job.id, retryCount: job.retryCount }, 'job failed');
          throw err;
        }
      });
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }

  /** Enqueues a job; `id` makes it idempotent (a second send with the same id is ignored). */
  async send(queue: string, data: object, opts: { id?: string; startAfter?: Date | number; singletonKey?: string } = {}): Promise<string | null> {
    // Retry policy comes from the queue (createQueue), so every sender gets the same one.
    return this.boss.send(queue, data, opts);
  }

  /** A cron schedule (Asia/Shanghai): one job per tick across all processes. */
  async schedule(queue: string, cron: string, data: object = {}): Promise<void> {
    await this.boss.schedule(queue, cron, data, { tz: 'Asia/Shanghai' });
  }

  async deadLetters(page = 1, pageSize = 20): Promise<{ items: DeadJob[]; total: number }> {
    const offset = (page - 1) * pageSize;
    const items = await this.db.rows<{ id: string; name: string; data: unknown; output: unknown; retry_count: number; completed_on: Date | null }>(
      sql`select id, name, data, output, retry_count, completed_on from pgboss.job where state = 'failed'
          order by completed_on desc nulls last limit ${pageSize} offset ${offset}`,
    ).catch(() => []);
    const [count] = await this.db.rows<{ n: number }>(sql`select count(*)::int as n from pgboss.job where state = 'failed'`).catch(() => [{ n: 0 }]);
    return {
      total: Number(count?.n ?? 0),
      items: items.map((r) => ({
        id: r.id,
        queue: r.name,
        data: r.data,
        error: errorText(r.output),
        retryCount: Number(r.retry_count),
        failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null,
      })),
    };
  }

  /** Puts a dead job back in line; false when there is no such failed job. */
  async retryDead(id: string): Promise<boolean> {
    const [row] = await this.db.rows<{ name: string }>(sql`select name from pgboss.job where id = ${id} and state = 'failed'`).catch(() => []);
    if (!row) return false;
    await this.boss.retry(row.name, id);
    return true;
  }
}

function errorText(output: unknown): string | null {
  if (!output) return null;
  const o = (typeof output === 'string' ? safeJson(output) : output) as { message?: string; value?: { message?: string } } | null;
  return o?.message ?? o?.value?.message ?? JSON.stringify(o);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
