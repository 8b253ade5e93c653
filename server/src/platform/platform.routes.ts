import { ZDeadJobList, ZHealth, ZIdParam, ZOk, ZPageQuery } from '@koi/contracts';
import { sql } from 'drizzle-orm';
import type { App } from './http.ts';
import type { Db } from './db.ts';
import type { Redis } from './redis.ts';
import type { Jobs } from './jobs.ts';
import type { EventBus } from './events.ts';
import { requireStaff } from './auth.ts';
import { KoiError } from './errors.ts';

const started = Date.now();

export function registerPlatformRoutes(app: App, deps: { db: Db; redis: Redis | null; jobs: Jobs; bus: EventBus; version: string }) {
  const { db, redis, jobs, bus } = deps;

  app.get('/api/health', { schema: { tags: ['platform'], summary: 'Liveness and database check', response: { 200: ZHealth, 503: ZHealth } } }, async (_req, reply) => {
    const t0 = performance.now();
    const dbOk = await db.rows(sql`select 1 as ok`).then(() => true, () => false);
    const latencyMs = Math.round((performance.now() - t0) * 100) / 100;
    const redisOk = redis ? await redis.ping().then((r) => r === 'PONG', () => false) : false;
    const healthy = dbOk && (!redis || redisOk);
    reply.code(dbOk ? 200 : 503);
    return {
      status: healthy ? ('ok' as const) : ('degraded' as const),
      database: { ok: dbOk, kind: db.kind, latencyMs },
      redis: { ok: redisOk, configured: !!redis },
      version: deps.version,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
    };
  });

  const admin = { tags: ['admin'], security: [{ bearer: [] }] };

  /** Failed jobs and undeliverable events in one list: both are work that needs a person. */
  app.get('/api/admin/jobs/dead', { schema: { ...admin, summary: 'Dead letters: failed jobs and events', querystring: ZPageQuery, response: { 200: ZDeadJobList } }, preValidation: requireStaff('jobs:view') },
    async (req) => {
      const { page, pageSize } = req.query;
      const events = (await bus.failed(200)).map((e) => ({ id: e.id, queue: `event:${e.topic}`, data: e.payload, error: e.lastError, retryCount: e.attempts, failedAt: e.failedAt }));
      const fromJobs = await jobs.deadLetters(1, page * pageSize);
      const merged = [...events, ...fromJobs.items].sort((a, b) => String(b.failedAt).localeCompare(String(a.failedAt)));
      return { items: merged.slice((page - 1) * pageSize, page * pageSize), total: events.length + fromJobs.total };
    });

  app.post('/api/admin/jobs/dead/:id/retry', { schema: { ...admin, summary: 'Put a dead letter back in line', params: ZIdParam, response: { 200: ZOk } }, preValidation: requireStaff('jobs:manage') },
    async (req) => {
      const id = req.params.id;
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new KoiError('resource.not_found', { what: 'job' });
      if ((await bus.retry(id)) || (await jobs.retryDead(id))) return { ok: true as const };
      throw new KoiError('resource.not_found', { what: 'job' });
    });
}
