import { loadConfig } from '../src/platform/config.ts';
import { buildKoi, type Koi } from '../src/app.ts';
import { createLogger } from '../src/platform/log.ts';
import { clock } from '../src/platform/clock.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { openTestDb, type DbKind } from './databases.ts';

export { DB_KINDS } from './databases.ts';
export type TestKoi = Koi & { dispose: () => Promise<void> };

/** A whole Koi (all modules, routes) on a fresh database of `kind`, with the demo merchant seeded. */
export async function startKoi(kind: DbKind, opts: { seed?: boolean; env?: Record<string, string>; workers?: boolean } = {}): Promise<TestKoi> {
  clock.reset();
  const t = await openTestDb(kind);
  const config = loadConfig({
    KOI_DEMO: 'false',
    KOI_LOG_LEVEL: 'silent',
    KOI_DATA_DIR: '/tmp/koi-test-unused',
    KOI_REDIS_PREFIX: `koi-test-${Math.random().toString(36).slice(2, 10)}:`,
    ...(t.url ? { DATABASE_URL: t.url } : {}),
    ...(process.env.REDIS_URL && opts.env?.REDIS_URL !== '' ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...opts.env,
  });
  const koi = await buildKoi(config, { db: t.db, logger: createLogger('silent') });
  if (opts.seed !== false) await seedDemo(koi);
  if (opts.workers) await koi.startWorkers();
  return {
    ...koi,
    dispose: async () => {
      await koi.close();
      await t.close();
      clock.reset();
    },
  };
}

type InjectOpts = { token?: string; lang?: string; headers?: Record<string, string>; ip?: string };

/** JSON request through fastify.inject; returns status, parsed body and headers. */
export async function call<T = any>(koi: Koi, method: string, url: string, body?: unknown, opts: InjectOpts = {}) {
  const res = await koi.app.inject({
    method: method as 'GET',
    url,
    payload: body === undefined ? undefined : JSON.stringify(body),
    remoteAddress: opts.ip ?? '127.0.0.1',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.lang ? { 'accept-language': opts.lang } : {}),
      ...opts.headers,
    },
  });
  let json: T;
  try {
    json = res.json() as T;
  } catch {
    json = res.body as T;
  }
  return { status: res.statusCode, body: json, headers: res.headers };
}

/** The last code the SMS simulator delivered to `phone`. */
export async function lastSmsCode(koi: Koi, phone: string): Promise<string> {
  const items = await koi.messaging.simulatedSms!({ phone, limit: 1 });
  if (!items[0]) throw new Error(`no SMS for ${phone}`);
  return items[0].params.code!;
}

export async function shopperToken(koi: Koi, phone: string, ip = '10.1.1.1'): Promise<string> {
  const sent = await call(koi, 'POST', '/api/shop/auth/otp', { phone }, { ip });
  if (sent.status !== 200) throw new Error(`otp send failed: ${JSON.stringify(sent.body)}`);
  const res = await call(koi, 'POST', '/api/shop/auth/login/phone', { phone, code: await lastSmsCode(koi, phone) }, { ip });
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
  return res.body.token;
}

export async function staffToken(koi: Koi, email: string, password = 'koi-demo-2026'): Promise<string> {
  const res = await call(koi, 'POST', '/api/admin/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`staff login failed: ${JSON.stringify(res.body)}`);
  return res.body.token;
}
