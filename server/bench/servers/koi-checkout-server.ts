// Koi ready for a checkout benchmark: one product with plenty of stock, shoppers signed in with a
// default address, and — with KOI_BENCH_PROMO=1 — an active 满减 over everything and a drawer of
// 满减券 in each shopper's wallet (one coupon per order, the engine picks it). With KOI_BENCH_PROMO=0
// no promotion is active and the client asks for no coupon. With KOI_BENCH_PROMO=5 five kinds run at
// once — 满减, 满折, 满包邮, this week's 限时折扣 on the SKU, N元任选 over the product — and the
// same coupon drawer. Prints one JSON line once listening:
// the SKU, the shoppers' tokens. Exposes the statement counter.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/platform/config.ts';
import { buildKoi, type Koi } from '../../src/app.ts';
import { seedShipping } from '../../src/demo/shipping.seed.ts';

const five = process.env.KOI_BENCH_PROMO === '5';
const promo = process.env.KOI_BENCH_PROMO === '1' || five;
const shoppers = Number(process.env.KOI_BENCH_SHOPPERS ?? 30);
// A wallet as a keen shopper's might be; each order uses one (the best), so a long run spends them.
const couponsEach = Number(process.env.KOI_BENCH_COUPONS_EACH ?? 60);
const config = loadConfig({ ...process.env, KOI_LOG_LEVEL: 'silent', KOI_DEMO: 'false', HOST: '127.0.0.1' });
const koi = await buildKoi(config, {
  memory: !config.databaseUrl,
  extend: (k) => {
    k.app.get('/bench/stats', { schema: { hide: true } }, async () => {
      const statements = k.db.stats.statements;
      const [row] = await k.db.rows<{ n: number }>(sql`select count(*)::int as n from orders`);
      return { statements, orders: Number(row?.n ?? 0) };
    });
  },
});

async function inject(k: Koi, method: 'GET' | 'POST', url: string, body: unknown, token?: string, ip = '10.0.0.1') {
  const res = await k.app.inject({
    method, url, remoteAddress: ip, payload: body === undefined ? undefined : JSON.stringify(body),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: string; token: string };
}

await koi.identity.staff.create(null, { email: 'bench@koi.demo', name: '压测', password: 'koi-bench-2026', role: 'owner', storeId: null });
const staff = (await inject(koi, 'POST', '/api/admin/auth/login', { email: 'bench@koi.demo', password: 'koi-bench-2026' })).token;
await seedShipping(koi);
const category = await inject(koi, 'POST', '/api/admin/catalog/categories', { name: '压测' }, staff);
const product = await inject(koi, 'POST', '/api/admin/catalog/products', {
  title: '压测茶杯', categoryId: category.id, images: [], tags: [], status: 'on_sale', specs: [],
  skus: [{ code: 'BENCH-1', specValues: [], priceFen: 39_900, stock: 1_000_000, weightGrams: 300 }],
}, staff);
const skuId = (product.skus as { id: string }[])[0]!.id;

let templateId: string | null = null;
if (promo) {
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  await inject(koi, 'POST', '/api/admin/promotions', {
    kind: 'full_reduction', name: '满 300 减 30', args: { tiers: [{ thresholdFen: 30_000, discountFen: 3_000 }, { thresholdFen: 60_000, discountFen: 8_000 }] },
    startsAt, endsAt: null, status: 'active',
  }, staff);
  if (five) {
    const endsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const more = [
      { kind: 'full_discount', name: '满 2 件 95 折', args: { by: 'amount', tiers: [{ thresholdFen: 30_000, rateBp: 9_500 }] } },
      { kind: 'free_shipping_over', name: '满 199 包邮', args: { thresholdFen: 19_900 } },
      { kind: 'timed_discount', name: '本周限时', args: { startsAt, endsAt, items: [{ skuId, priceFen: 0, rateBp: 9_000 }] } },
      { kind: 'bundle_price', name: '99 元任选 2 件', args: { count: 2, priceFen: 9_900 }, scope: { type: 'products', ids: [product.id], excludeProductIds: [] } },
    ];
    for (const m of more) await inject(koi, 'POST', '/api/admin/promotions', { ...m, startsAt, endsAt: null, status: 'active' }, staff);
  }
  templateId = (await inject(koi, 'POST', '/api/admin/coupon-templates', {
    kind: 'amount_off', name: '满 200 减 20', args: { thresholdFen: 20_000, amountFen: 2_000 }, validity: { type: 'relative', days: 7 },
    perCustomerLimit: 100, totalQuantity: null, status: 'active',
  }, staff)).id;
}

const tokens: string[] = [];
for (let i = 0; i < shoppers; i++) {
  const phone = `1370000${String(i).padStart(4, '0')}`;
  const ip = `10.7.${Math.floor(i / 200)}.${(i % 200) + 1}`;
  await inject(koi, 'POST', '/api/shop/auth/otp', { phone }, undefined, ip);
  const [sms] = await koi.messaging.simulatedSms!({ phone, limit: 1 });
  const token = (await inject(koi, 'POST', '/api/shop/auth/login/phone', { phone, code: sms!.params.code }, undefined, ip)).token;
  await inject(koi, 'POST', '/api/shop/addresses', {
    recipient: '压测', mobile: phone, provinceCode: '330000', cityCode: '330100', districtCode: '330106', detail: '文三路 90 号', isDefault: true,
  }, token);
  if (templateId) {
    const who = await koi.identity.resolver.resolve(token);
    if (!who || who === 'expired') throw new Error('bench shopper has no session');
    for (let c = 0; c < couponsEach; c++) await koi.promotion.claim(who.id, templateId);
  }
  tokens.push(token);
}

await koi.app.listen({ port: config.port, host: '127.0.0.1' });
console.log(JSON.stringify({ ready: true, promo, skuId, tokens, couponsEach: promo ? couponsEach : 0 }));
