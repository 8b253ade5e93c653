// Koi with a 10,000-product read model (4 SKUs each), loaded through the search module's own
// subscriber path: catalog.product_saved events are written to the outbox in batches and the
// dispatcher delivers them, exactly as the catalog's events arrive in production. Prints one JSON
// line once listening: how long the load took and what it holds. Exposes the statement counter.
import { CatalogEvents } from '@koi/contracts';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/platform/config.ts';
import { buildKoi } from '../../src/app.ts';
import { publish } from '../../src/platform/events.ts';
import { benchCatalog } from '../catalog-data.ts';

const products = Number(process.env.KOI_BENCH_PRODUCTS ?? 10_000);
const config = loadConfig({ ...process.env, KOI_LOG_LEVEL: 'silent', KOI_DEMO: 'false', HOST: '127.0.0.1' });
const koi = await buildKoi(config, {
  memory: !config.databaseUrl,
  extend: (k) => {
    k.app.get('/bench/stats', { schema: { hide: true } }, async () => ({ statements: k.db.stats.statements }));
  },
});

const started = Date.now();
const catalog = benchCatalog(products);
const BATCH = 500;
const events = [
  ...catalog.products.map((p) => ({ topic: CatalogEvents.productSaved, payload: p })),
  ...catalog.collections.map((c) => ({ topic: CatalogEvents.collectionSaved, payload: c })),
];
for (let i = 0; i < events.length; i += BATCH) {
  await koi.db.tx(async (q) => {
    for (const e of events.slice(i, i + BATCH)) await publish(q, e.topic, e.payload);
  });
  while ((await koi.bus.dispatchOnce()) > 0);
}
const [held] = await koi.db.rows<{ n: number; on_sale: number }>(sql`select count(*)::int as n, count(*) filter (where status = 'on_sale')::int as on_sale from search_documents`);
const loadMs = Date.now() - started;
await koi.app.listen({ port: config.port, host: '127.0.0.1' });
console.log(JSON.stringify({ ready: true, products: Number(held!.n), onSale: Number(held!.on_sale), skus: catalog.products.reduce((s, p) => s + p.skuCodes.length, 0), loadMs, loader: 'outbox-dispatch' }));
