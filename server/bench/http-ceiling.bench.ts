/**
 * HTTP ceiling: a bare node:http handler, Koi's /api/health (one `select 1`), and Koi's staff list
 * (session lookup + role + a page of staff + store names: a typical authenticated read) — each
 * server in its own process, the load generator in this one, on PGlite and on PostgreSQL when
 * DATABASE_URL is set. Prints one JSON line per target and the ratios to the ceiling.
 */
import { emit, load, startProcess, stop } from './lib.ts';

const seconds = Number(process.env.KOI_BENCH_SECONDS ?? 10);
const connections = Number(process.env.KOI_BENCH_CONNECTIONS ?? 50);

export async function run(): Promise<void> {
  const bare = await startProcess('servers/bare-http.ts', {});
  await load(`http://127.0.0.1:${bare.port}/`, { seconds: 2, connections });
  const ceiling = await load(`http://127.0.0.1:${bare.port}/`, { seconds, connections });
  await stop(bare.child);
  emit({ bench: 'http-ceiling', target: 'bare-node-http', db: null, seconds, connections, ...ceiling });

  const dbs: { kind: string; env: Record<string, string> }[] = [{ kind: 'pglite', env: { DATABASE_URL: '', REDIS_URL: '' } }];
  if (process.env.DATABASE_URL) dbs.push({ kind: 'postgres', env: { DATABASE_URL: process.env.DATABASE_URL } });

  for (const db of dbs) {
    const koi = await startProcess('servers/koi-server.ts', db.env);
    const { token } = JSON.parse(koi.firstLine) as { token: string };
    const targets: { target: string; url: string; headers: Record<string, string> }[] = [
      { target: 'koi-health', url: `http://127.0.0.1:${koi.port}/api/health`, headers: {} },
      { target: 'koi-staff-list', url: `http://127.0.0.1:${koi.port}/api/admin/staff?page=1&pageSize=20`, headers: { authorization: `Bearer ${token}` } },
    ];
    for (const t of targets) {
      await load(t.url, { seconds: 2, connections, headers: t.headers });
      const r = await load(t.url, { seconds, connections, headers: t.headers });
      emit({
        bench: 'http-ceiling', target: t.target, db: db.kind, seconds, connections, ...r,
        ratioToCeiling: Math.round((r.rps / ceiling.rps) * 1000) / 1000,
      });
    }
    await stop(koi.child);
  }
}
