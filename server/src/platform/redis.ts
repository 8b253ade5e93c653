import { Redis } from 'ioredis';

/** Opens Redis when REDIS_URL is set; Koi runs without it (PGlite demo), using the database instead. */
export async function openRedis(url: string | undefined): Promise<Redis | null> {
  if (!url) return null;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false });
  redis.on('error', () => undefined); // reported through health; reconnects on its own
  await redis.connect();
  return redis;
}
export type { Redis };
