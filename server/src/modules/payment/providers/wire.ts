import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http.ts';

/** One HTTP exchange with a provider (or, from a simulator, with the merchant's notify URL). */
export type WireRequest = { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: string };
export type WireResponse = { status: number; headers: Record<string, string>; body: string };
export type Wire = (req: WireRequest) => Promise<WireResponse>;

export class WireError extends Error {}

const TIMEOUT_MS = 10_000;
const CONTEXT_HEADER = 'x-koi-wire-context';

/**
 * Async contexts of in-process calls in flight. Whether `inject` carries the caller's
 * AsyncLocalStorage into the route depends on fastify's internals and on the hooks registered (a
 * bare instance does not; Koi's, as of writing, does). Without it, a simulator reached while the
 * caller holds a transaction would queue behind it for PGlite's one connection, forever. So the
 * route runs in the caller's context explicitly (see `inCallerContext`), and its statements join
 * that transaction, as every nested `db.tx` does. The token is random and lives only for the call.
 */
const callerContexts = new Map<string, AsyncResource>();

function flatHeaders(h: Record<string, string | string[] | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

/**
 * Real HTTP for other hosts; for URLs under Koi's own public URL (the simulators' gateways, and the
 * notify routes the simulators call back), the request goes through fastify's `inject`: the same
 * routing, content-type parsing and hooks as over a socket, without needing one (tests, one
 * process in demo mode). `app` is known once the routes are registered.
 */
export function koiWire(publicUrl: string, app: () => App | null): Wire {
  const own = new URL(publicUrl);
  const prefix = own.pathname.replace(/\/$/, '') + '/';
  return async (req) => {
    const url = new URL(req.url);
    const self = app();
    if (self && url.origin === own.origin && url.pathname.startsWith(prefix)) {
      const token = randomUUID();
      callerContexts.set(token, new AsyncResource('koi.payment.wire'));
      try {
        const res = await self.inject({
          method: req.method,
          url: `${url.pathname}${url.search}`,
          headers: { ...req.headers, host: url.host, [CONTEXT_HEADER]: token },
          payload: req.body,
          remoteAddress: '127.0.0.1',
        });
        return { status: res.statusCode, headers: flatHeaders(res.headers), body: res.body };
      } finally {
        callerContexts.delete(token);
      }
    }
    let res: Response;
    try {
      res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw new WireError(`${req.method} ${url.origin}${url.pathname}: ${(err as Error).message}`, { cause: err });
    }
    return { status: res.status, headers: flatHeaders(Object.fromEntries(res.headers.entries())), body: await res.text() };
  };
}

/** Runs a route's work in the async context of the in-process caller, when there is one. */
export function inCallerContext<T>(req: FastifyRequest, work: () => Promise<T>): Promise<T> {
  const token = req.headers[CONTEXT_HEADER];
  const ctx = typeof token === 'string' ? callerContexts.get(token) : undefined;
  return ctx ? ctx.runInAsyncScope(work) : work();
}
