import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_POLICY, type TDryRunResult, type TPricingInput, type TPricingPromotion } from '@koi/contracts';
import { priceCart } from '../src/modules/pricing/index.ts';
import { clock } from '../src/platform/clock.ts';
import { sql } from 'drizzle-orm';
import { createPromotionDryRun } from '../src/modules/promotion/dry-run.ts';
import { DB_KINDS, call, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';

const DRY_RUN = '/api/admin/promotions/dry-run';
const draft = {
  kind: 'full_reduction', name: '满300减40', args: { tiers: [{ thresholdFen: 30000, discountFen: 4000 }], repeat: false },
  startsAt: '2030-01-01T00:00:00.000Z', endsAt: null,
};
const SOLD = new Set(['paid', 'shipped', 'completed']);

describe.each(DB_KINDS)('promotion dry-run (%s)', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  }, 120_000);
  afterAll(async () => koi?.dispose());

  /**
   * The cross-check: each sold demo order priced here, straight through the engine, with the running
   * promotions and with them plus the draft — independently of the dry-run's own code path.
   */
  async function expected(running: TPricingPromotion[]) {
    const now = clock.now().toISOString();
    const draftPromotion: TPricingPromotion = { id: 'x-draft', kind: draft.kind, name: draft.name, args: draft.args, scope: { type: 'all', ids: [], excludeProductIds: [] }, priority: 0, startsAt: '1970-01-01T00:00:00.000Z', endsAt: null };
    const perOrder = new Map<string, { delta: number; items: number; cost: number }>();
    for await (const page of koi.orders.queries.adminScan({ status: 'all' })) {
      for (const { order, lines } of page) {
        if (!SOLD.has(order.status)) continue;
        const snaps = await koi.catalog.skuSnapshots(lines.map((l) => l.skuId));
        const input: TPricingInput = {
          lines: lines.map((l) => ({
            lineId: l.id, skuId: l.skuId, productId: l.productId, categoryIds: snaps.get(l.skuId)!.categoryIds, quantity: l.quantity,
            unitPriceFen: l.unitPriceFen, listPriceFen: l.listPriceFen, weightGrams: snaps.get(l.skuId)!.weightGrams,
          })),
          context: { customerId: order.customerId, memberLevelId: null, isFirstOrder: false, now }, promotions: running, coupons: [], points: null,
          shippingFen: order.shippingFen, storedValue: null, policy: DEFAULT_PRICING_POLICY,
        };
        const before = priceCart(input).totals.payableFen;
        const after = priceCart({ ...input, promotions: [...running, draftPromotion] }).totals.payableFen;
        const cost = lines.reduce((a, l) => a + snaps.get(l.skuId)!.costPriceFen! * l.quantity, 0);
        perOrder.set(order.id, { delta: before - after, items: lines.reduce((a, l) => a + l.unitPriceFen * l.quantity, 0), cost });
      }
    }
    return perOrder;
  }

  it('a 满300减40 draft costs exactly what the engine gives order by order; orders below ¥300 are untouched', async () => {
    const running = await koi.promotion.activeFor(clock.now());
    expect(running.length).toBeGreaterThan(0); // the demo's 春茶季满减
    for (const replacesId of [undefined, running[0]!.id]) {
      const res = await call<TDryRunResult>(koi, 'POST', DRY_RUN, { target: 'promotion', draft, days: 30, ...(replacesId ? { replacesId } : {}) }, { token: owner });
      expect(res.status).toBe(200);
      const r = res.body;
      const perOrder = await expected(running.filter((p) => p.id !== replacesId));
      const all = [...perOrder.values()];
      expect(r.ordersScanned).toBe(perOrder.size);
      expect(r.ordersScanned).toBeGreaterThan(0);
      expect(r.discountCostFen).toBe(all.reduce((a, o) => a + o.delta, 0));
      expect(r.ordersTouched).toBe(all.filter((o) => o.delta !== 0).length);
      expect(r.revenueBeforeFen - r.revenueAfterFen).toBe(r.discountCostFen);
      for (const s of r.sample) {
        expect(s.deltaFen).toBe(perOrder.get(s.orderId)!.delta);
        expect(perOrder.get(s.orderId)!.items).toBeGreaterThanOrEqual(30000);
      }
      for (const o of all) if (o.items < 30000) expect(o.delta).toBe(0);
      // Margin from the catalog's cost prices (the demo enters one for every SKU).
      expect(r.linesWithoutCost).toBe(0);
      expect(r.costFen).toBe(all.reduce((a, o) => a + o.cost, 0));
      expect(r.marginBeforeFen).toBe(r.costedRevenueBeforeFen - r.costFen);
      expect(r.marginBeforeFen - r.marginAfterFen).toBe(r.costedRevenueBeforeFen - r.costedRevenueAfterFen);
      expect(r.aovBeforeFen).toBe(Math.round(r.revenueBeforeFen / r.ordersScanned));
      if (replacesId) {
        // Without the running 满减 the draft alone applies: every sold demo order of ¥300 or more is touched by ¥40.
        expect(r.ordersTouched).toBe(all.filter((o) => o.items >= 30000).length);
        expect(r.ordersTouched).toBeGreaterThan(0);
        expect(r.applied).toBe(r.ordersTouched);
        expect(r.discountCostFen).toBe(4000 * r.ordersTouched);
      }
      expect(r.applied + r.notApplied.reduce((a, n) => a + n.count, 0)).toBe(r.ordersScanned);
    }
  }, 60_000);

  it('replays a coupon template as if each shopper held it', async () => {
    const res = await call<TDryRunResult>(koi, 'POST', DRY_RUN, {
      target: 'coupon', days: 30,
      draft: { kind: 'amount_off', name: '无门槛 ¥5', args: { thresholdFen: 0, amountFen: 500 }, validity: { type: 'relative', days: 7 }, totalQuantity: null },
    }, { token: owner });
    expect(res.status).toBe(200);
    expect(res.body.ordersTouched).toBe(res.body.ordersScanned);
    expect(res.body.discountCostFen).toBe(500 * res.body.ordersScanned);
  }, 30_000);

  it('needs marketing:manage and refuses a bad draft with the form\'s 400', async () => {
    const body = { target: 'promotion', draft, days: 7 };
    expect((await call(koi, 'POST', DRY_RUN, body)).status).toBe(401);
    expect((await call(koi, 'POST', DRY_RUN, body, { token: await staffToken(koi, 'finance@koi.demo') })).status).toBe(403);
    expect((await call(koi, 'POST', DRY_RUN, body, { token: await staffToken(koi, 'service@koi.demo') })).status).toBe(403);
    expect((await call(koi, 'POST', DRY_RUN, body, { token: await staffToken(koi, 'operator@koi.demo') })).status).toBe(200);
    expect((await call(koi, 'POST', DRY_RUN, { ...body, days: 91 }, { token: owner })).status).toBe(400);
    const bad = await call(koi, 'POST', DRY_RUN, { ...body, draft: { ...draft, args: { tiers: [] } } }, { token: owner });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('promotion.args_invalid');
    const unknown = await call(koi, 'POST', DRY_RUN, { ...body, draft: { ...draft, kind: 'nope' } }, { token: owner });
    expect(unknown.body.code).toBe('promotion.kind_unknown');
  }, 30_000);
  it('gives the same figures whatever the page size, also when orders share a created_at across a page boundary', async () => {
    const req = { target: 'promotion' as const, days: 30, sampleSize: 5, draft: { ...draft, scope: { type: 'all' as const, ids: [], excludeProductIds: [] }, priority: 0, status: 'draft' as const } };
    const deps = { promotion: koi.promotion, orders: koi.orders, catalog: koi.catalog, carts: koi.cart };
    const figures = async (pageSize?: number, rememberShapes?: boolean) => {
      const { elapsedMs: _ms, from: _from, to: _to, ...rest } = await createPromotionDryRun({ ...deps, pageSize, rememberShapes }).run(req);
      return rest;
    };
    const whole = await figures();
    expect(whole.ordersScanned).toBeGreaterThan(4);
    for (const size of [1, 2, 3]) expect(await figures(size)).toEqual(whole);
    expect(await figures(2, false)).toEqual(whole);
    // Four sold orders at one instant: a keyset page of 3 ends between them.
    const ids = (await koi.db.rows<{ id: string }>(sql`select id from orders where status in ('paid', 'shipped', 'completed') order by created_at desc, id desc limit 4`)).map((r) => r.id);
    const idArray = sql`${sql.param(ids)}::uuid[]`;
    await koi.db.rows(sql`update orders set created_at = (select max(created_at) from orders where id = any(${idArray})) where id = any(${idArray})`);
    const tied = await figures();
    expect(tied.ordersScanned).toBe(whole.ordersScanned);
    for (const size of [2, 3]) expect(await figures(size)).toEqual(tied);
  }, 90_000);

  it('replays the open carts changed in the window at today\'s prices', async () => {
    const token = await shopperToken(koi, '13916880005');
    const products = await call<{ items: { id: string }[] }>(koi, 'GET', '/api/shop/catalog/products?page=1&pageSize=50');
    const skus: { id: string; priceFen: number }[] = [];
    for (const p of products.body.items.slice(0, 6)) {
      const d = await call<{ skus: { id: string; priceFen: number; stock?: number }[] }>(koi, 'GET', `/api/shop/catalog/products/${p.id}`);
      if (d.body.skus?.[0]) skus.push(d.body.skus[0]);
    }
    let added = 0;
    for (const sku of skus) {
      if ((await call(koi, 'POST', '/api/shop/cart/lines', { skuId: sku.id, quantity: 1 }, { token })).status === 200) added += sku.priceFen;
      if (added >= 30000) break;
    }
    expect(added).toBeGreaterThanOrEqual(30000);
    const coupon = await call<TDryRunResult>(koi, 'POST', DRY_RUN, {
      target: 'coupon', days: 7,
      draft: { kind: 'amount_off', name: '无门槛 ¥5', args: { thresholdFen: 0, amountFen: 500 }, validity: { type: 'relative', days: 7 }, totalQuantity: null },
    }, { token: owner });
    expect(coupon.status).toBe(200);
    const carts = coupon.body.openCarts;
    expect(carts.cartsScanned).toBeGreaterThanOrEqual(1);
    expect(carts.cartsTouched).toBe(carts.cartsScanned);
    expect(carts.discountCostFen).toBe(500 * carts.cartsTouched);
    expect(carts.valueBeforeFen - carts.valueAfterFen).toBe(carts.discountCostFen);
    expect(carts.customersTouched).toBeGreaterThanOrEqual(1);
    // A promotion draft replays the same carts.
    const promo = await call<TDryRunResult>(koi, 'POST', DRY_RUN, { target: 'promotion', draft, days: 7 }, { token: owner });
    expect(promo.status).toBe(200);
    expect(promo.body.openCarts.cartsScanned).toBe(carts.cartsScanned);
    expect(promo.body.openCarts.valueBeforeFen).toBe(carts.valueBeforeFen);
  }, 60_000);
});
