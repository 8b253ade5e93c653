import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from './db.ts';
import { clock } from './clock.ts';
import { KoiError } from './errors.ts';
import type { App, PreHandler } from './http.ts';

const KEEP_MS = 24 * 3600_000;
/** A pending key older than this belongs to a request that died; a retry may take it over. */
const ABANDONED_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export type IdempotencyOptions = {
  /** Whose requests share a key space: the signed-in subject, else the client address. */
  subject: (req: FastifyRequest) => string;
  required?: boolean;
};

/**
 * `Idempotency-Key` for unsafe requests that move money or stock. The same key with the same body
 * replays the stored response (errors included); with a different body it is a 409; a key is kept 24 h.
 * Place it after the route's auth pre-handler so the key space is per signed-in subject.
 */
export function idempotent(db: Db, opts: IdempotencyOptions): PreHandler {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const raw = req.headers['idempotency-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (key === undefined) {
      if (opts.required) throw new KoiError('idempotency.key_invalid');
      return;
    }
    if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new KoiError('idempotency.key_invalid');
    const scope = `${req.method} ${req.routeOptions.url}:${opts.subject(req)}`;
    const hash = createHash('sha256').update(`${req.method} ${req.url}\n${canonical(req.body ?? null)}`).digest('hex');
    const now = clock.now();

    const claimed = await db.tx(async (q) => {
      await q.execute(sql`delete from idempotency_keys where scope = ${scope} and key = ${key}
        and (expires_at < ${now} or (state = 'pending' and created_at < ${new Date(now.getTime() - ABANDONED_MS)}))`);
      const inserted = await db.rows(sql`insert into idempotency_keys (scope, key, request_hash, state, created_at, expires_at)
        values (${scope}, ${key}, ${hash}, 'pending', ${now}, ${new Date(now.getTime() + KEEP_MS)})
        on conflict (scope, key) do nothing returning key`, q);
      if (inserted.length) return null;
      const [row] = await db.rows<{ request_hash: string; state: string; status_code: number | null; response_body: string | null; content_type: string | null }>(
        sql`select request_hash, state, status_code, response_body, content_type from idempotency_keys where scope = ${scope} and key = ${key}`, q);
      return row ?? null;
    });

    if (!claimed) {
      req.idempotency = { scope, key };
      return;
    }
    if (claimed.request_hash !== hash) throw new KoiError('idempotency.key_reused');
    if (claimed.state !== 'done') throw new KoiError('idempotency.in_progress');
    reply.header('idempotent-replayed', 'true');
    return reply.code(claimed.status_code ?? 200).type(claimed.content_type ?? 'application/json').send(claimed.response_body ?? '');
  };
}

/** Stores the response of a claimed key; a 5xx frees the key so the client can retry. */
export function registerIdempotencyStore(app: App, db: Db): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = undefined;
    if (reply.statusCode >= 500) {
      await db.run((q) => q.execute(sql`delete from idempotency_keys where scope = ${claim.scope} and key = ${claim.key}`));
      return payload;
    }
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : JSON.stringify(payload ?? null);
    const contentType = String(reply.getHeader('content-type') ?? 'application/json');
    await db.run((q) => q.execute(sql`update idempotency_keys set state = 'done', status_code = ${reply.statusCode},
      response_body = ${body}, content_type = ${contentType} where scope = ${claim.scope} and key = ${claim.key}`));
    return payload;
  });
}

export async function pruneIdempotencyKeys(db: Db): Promise<void> {
  await db.run((q) => q.execute(sql`delete from idempotency_keys where expires_at < ${clock.now()}`));
}
