/**
 * Checkout: orders placed per second through `POST /api/shop/orders` (buy now, one SKU, the
 * shopper's default address, a fresh Idempotency-Key per request), with a 满减 active and a coupon
 * picked per order, against the same checkout with no promotion — on PGlite and on PostgreSQL (when
 * DATABASE_URL is set), and with five kinds at once (满减, 满折, 满包邮, 限时折扣, N元任选) and a
 * coupon against none (issue #8: at most 1.5×). Also SQL statements per placed order and the ratio to a bare node:http
 * server measured in the same run. Targets (issue #5): promotions cost at most 1.5×; ≤ 25 statements.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { freshPostgresUrl } from '../test/databases.ts';
import { emit, load, startProcess, stop } from './lib.ts';

const seconds = Number(process.env.KOI_BENCH_SECONDS ?? 5);
const connections = Number(process.env.KOI_BENCH_CONNECTIONS ?? 20);

/** Statements sent and orders in the database, once requests still in flight have finished. */
async function settledStats(port: number): Promise<{ statements: number; orders: number }> {
  await new Promise((r) => setTimeout(r, 3000));
  const res = await fetch(`http://127.0.0.1:${port}/bench/stats`);
  const s = (await res.json()) as { statements: number; orders: number };
  return s;
}

async function checkoutLoad(port: number, skuId: string, tokens: string[], promo: boolean, secs: number) {
  let next = 0;
  const refusals = new Set<string>();
  const body = JSON.stringify(promo ? { items: [{ skuId, quantity: 1 }] } : { items: [{ skuId, quantity: 1 }], couponIds: [] });
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/api/shop/orders`, connections, duration: secs, pipelining: 1,
    requests: [{
      method: 'POST', body,
      onResponse: (status: number, resBody: string) => {
        if (status >= 300 && refusals.size < 5) refusals.add(`${status} ${resBody.slice(0, 160)}`);
      },
      // Shoppers in turn; two checkouts of one shopper may overlap and race for the same best
      // coupon, which checkout resolves by pricing again with the next one (see order/index.ts).
      setupRequest: (req) => ({
        ...req,
        headers: { ...req.headers, 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}`, 'idempotency-key': randomUUID() },
      }),
    }],
  });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, requests: r.requests.total, created: r['2xx'], refusals: [...refusals] };
}

export async function run(): Promise<void> {
  const bare = await startProcess('servers/bare-http.ts', {});
  await load(`http://127.0.0.1:${bare.port}/`, { seconds: 1, connections });
  const ceiling = await load(`http://127.0.0.1:${bare.port}/`, { seconds, connections });
  await stop(bare.child);
  emit({ bench: 'checkout', target: 'bare-node-http', db: null, seconds, connections, ...ceiling });

  const dbs: { kind: string; url?: string }[] = [{ kind: 'pglite' }];
  if (process.env.DATABASE_URL) dbs.push({ kind: 'postgres', url: process.env.DATABASE_URL });
  for (const db of dbs) {
    const results: Record<string, { rps: number }> = {};
    for (const mode of ['0', '1', '5'] as const) {
      const promo = mode !== '0';
      const scratch = db.url ? await freshPostgresUrl(db.url) : null;
      const koi = await startProcess('servers/koi-checkout-server.ts', { DATABASE_URL: scratch?.url ?? '', REDIS_URL: '', KOI_BENCH_PROMO: mode, KOI_BENCH_SHOPPERS: String(connections * 3) });
      try {
        const { skuId, tokens } = JSON.parse(koi.firstLine) as { skuId: string; tokens: string[] };
        await checkoutLoad(koi.port, skuId, tokens, promo, 1);
        const before = await settledStats(koi.port);
        const r = await checkoutLoad(koi.port, skuId, tokens, promo, seconds);
        const after = await settledStats(koi.port);
        const used = after.statements - before.statements - 1; // minus the order count of the first reading
        const placed = after.orders - before.orders;
        const target = mode === '5' ? 'checkout-with-five-kinds+coupon' : promo ? 'checkout-with-promotions' : 'checkout-no-promotions';
        results[target] = r;
        emit({
          bench: 'checkout', target, db: db.kind, seconds, connections, ...r,
          statementsPerOrder: placed ? Math.round((used / placed) * 10) / 10 : null,
          ratioToCeiling: Math.round((r.rps / ceiling.rps) * 1000) / 1000,
        });
      } finally {
        await stop(koi.child);
        await scratch?.drop();
      }
    }
    const slow = results['checkout-no-promotions']!.rps / Math.max(1, results['checkout-with-promotions']!.rps);
    emit({ bench: 'checkout', target: 'promotion-cost', db: db.kind, slowdown: Math.round(slow * 100) / 100, target_max: 1.5, ok: slow <= 1.5 });
    const slow5 = results['checkout-no-promotions']!.rps / Math.max(1, results['checkout-with-five-kinds+coupon']!.rps);
    emit({ bench: 'checkout', target: 'five-kinds-cost', db: db.kind, slowdown: Math.round(slow5 * 100) / 100, target_max: 1.5, ok: slow5 <= 1.5 });
  }
}
