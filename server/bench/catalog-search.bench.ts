/**
 * Catalog search and shop product lists over 10,000 products × 4 SKUs: the shop's product list,
 * a collection page and searches (a Chinese word, pinyin, initials) — requests/s, p99 and SQL
 * statements per request, on PGlite and on PostgreSQL (when DATABASE_URL is set), each as a ratio
 * to a bare node:http server measured in the same run. Every server runs in its own process; the
 * load generator runs here. The read model is loaded through the outbox and the search module's
 * subscribers (see servers/koi-search-server.ts). One JSON line per result.
 */
import { freshPostgresUrl } from '../test/databases.ts';
import { emit, load, startProcess, stop } from './lib.ts';

const seconds = Number(process.env.KOI_BENCH_SECONDS ?? 5);
const connections = Number(process.env.KOI_BENCH_CONNECTIONS ?? 50);
const products = Number(process.env.KOI_BENCH_PRODUCTS ?? 10_000);

const TARGETS = [
  { target: 'shop-product-list', path: '/api/shop/catalog/products?pageSize=20' },
  { target: 'shop-collection-page', path: '/api/shop/catalog/collections/00000000-0000-7000-8004-000000000001/products?pageSize=20' },
  { target: 'search-chinese', path: `/api/shop/search?q=${encodeURIComponent('紫砂壶')}` },
  { target: 'search-pinyin', path: '/api/shop/search?q=zishahu' },
  { target: 'search-initials', path: '/api/shop/search?q=gw' },
];

async function statements(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/bench/stats`);
  return ((await res.json()) as { statements: number }).statements;
}

export async function run(): Promise<void> {
  const bare = await startProcess('servers/bare-http.ts', {});
  await load(`http://127.0.0.1:${bare.port}/`, { seconds: 1, connections });
  const ceiling = await load(`http://127.0.0.1:${bare.port}/`, { seconds, connections });
  await stop(bare.child);
  emit({ bench: 'catalog-search', target: 'bare-node-http', db: null, seconds, connections, ...ceiling });

  const dbs: { kind: string; url?: string }[] = [{ kind: 'pglite' }];
  if (process.env.DATABASE_URL) dbs.push({ kind: 'postgres', url: process.env.DATABASE_URL });

  for (const db of dbs) {
    const scratch = db.url ? await freshPostgresUrl(db.url) : null;
    try {
      const koi = await startProcess('servers/koi-search-server.ts', {
        DATABASE_URL: scratch?.url ?? '', REDIS_URL: '', KOI_BENCH_PRODUCTS: String(products),
      });
      const loaded = JSON.parse(koi.firstLine) as { products: number; onSale: number; skus: number; loadMs: number; loader: string };
      emit({ bench: 'catalog-search', target: 'load', db: db.kind, ...loaded });
      try {
        for (const t of TARGETS) {
          const url = `http://127.0.0.1:${koi.port}${t.path}`;
          const probe = await fetch(url);
          const body = (await probe.json()) as { total?: number };
          await load(url, { seconds: 1, connections });
          const before = await statements(koi.port);
          const r = await load(url, { seconds, connections });
          const used = (await statements(koi.port)) - before; // the stats route itself runs no SQL
          emit({
            bench: 'catalog-search', target: t.target, db: db.kind, path: t.path, seconds, connections, status: probe.status, total: body.total ?? null, ...r,
            statementsPerRequest: r.requests ? Math.round((used / r.requests) * 100) / 100 : null,
            ratioToCeiling: Math.round((r.rps / ceiling.rps) * 1000) / 1000,
          });
        }
      } finally {
        await stop(koi.child);
      }
    } finally {
      await scratch?.drop();
    }
  }
}
