import type { App } from '../../../platform/http.ts';

export type FormPost = (url: string, body: string) => Promise<{ status: number; body: string }>;

/**
 * Form posts to Kuaidi100 or, from the simulator, to Koi's callback. URLs under Koi's own public URL
 * (the simulator's gateway, the notify route) go through fastify's `inject` (same routing and
 * parsing, no socket needed in tests or one-process demo mode); others over HTTP. Callers never hold
 * a transaction while posting, so the in-process route may open its own.
 */
export function formWire(publicUrl: string, app: () => App | null): FormPost {
  const own = new URL(publicUrl);
  return async (url, body) => {
    const u = new URL(url);
    const self = app();
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    if (self && u.origin === own.origin) {
      const res = await self.inject({ method: 'POST', url: `${u.pathname}${u.search}`, headers: { ...headers, host: u.host }, payload: body, remoteAddress: '127.0.0.1' });
      return { status: res.statusCode, body: res.body };
    }
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: await res.text() };
  };
}
