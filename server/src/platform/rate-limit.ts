import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Db } from './db.ts';
import { clock } from './clock.ts';
import { KoiError } from './errors.ts';

export type Limit = { key: string; max: number; windowSeconds: number };
export type Hit = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Fixed-window counters: Redis when configured (shared by every process), else the database.
 * Used for logins and OTP sends, where the limit must hold across restarts and processes.
 */
export interface RateLimiter {
  hit(limit: Limit): Promise<Hit>;
  reset(key: string): Promise<void>;
}

function windowOf(windowSeconds: number): { start: number; retryAfter: number } {
  const nowSec = Math.floor(clock.now().getTime() / 1000);
  const start = nowSec - (nowSec % windowSeconds);
  return { start, retryAfter: start + windowSeconds - nowSec };
}

export function dbRateLimiter(db: Db): RateLimiter {
  return {
    async hit({ key, max, windowSeconds }) {
      const { start, retryAfter } = windowOf(windowSeconds);
      const [row] = await db.rows<{ count: number }>(sql`
        insert into rate_limit_counters (key, window_start, count) values (${key}, ${start}, 1)
        on conflict (key, window_start) do update set count = rate_limit_counters.count + 1
        returning count`);
      const count = Number(row?.count ?? 1);
      return { allowed: count <= max, count, retryAfterSeconds: retryAfter };
    },
    async reset(key) {
      await db.run((q) => q.execute(sql`delete from rate_limit_counters where key = ${key}`));
    },
  };
}

export function redisRateLimiter(redis: Redis, prefix: string): RateLimiter {
  return {
    async hit({ key, max, windowSeconds }) {
      const { start, retryAfter } = windowOf(windowSeconds);
      const k = `${prefix}rl:${key}:${start}`;
      const res = await redis.multi().incr(k).expire(k, windowSeconds + 1).exec();
      const count = Number(res?.[0]?.[1] ?? 1);
      return { allowed: count <= max, count, retryAfterSeconds: retryAfter };
    },
    async reset(key) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}rl:${key}:*`, 'COUNT', 100);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    },
  };
}

/** Hits every limit; the first exceeded one throws a 429 with Retry-After. */
export async function enforce(limiter: RateLimiter, limits: Limit[]): Promise<void> {
  for (const limit of limits) {
    const hit = await limiter.hit(limit);
    if (!hit.allowed) {
      throw new KoiError('http.rate_limited', { seconds: hit.retryAfterSeconds }, { headers: { 'retry-after': String(hit.retryAfterSeconds) } });
    }
  }
}

/** Prunes old database windows (a scheduled job). */
export async function pruneRateLimits(db: Db, olderThanSeconds = 2 * 86400): Promise<void> {
  const cutoff = Math.floor(clock.now().getTime() / 1000) - olderThanSeconds;
  await db.run((q) => q.execute(sql`delete from rate_limit_counters where window_start < ${cutoff}`));
}
