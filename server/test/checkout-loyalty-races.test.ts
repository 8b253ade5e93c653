import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';
import { balances, customerOf, givePoints, recharge, setRedeem } from './checkout-loyalty-fixtures.ts';

/** One shopper, 20 checkouts at once spending the same points or balance: exactly the affordable ones win. */
describe.each(DB_KINDS)('checkout spending points and balance under concurrency on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => { koi = await startKoi(kind); });
  afterAll(async () => { await koi?.dispose(); });

  it('20 parallel checkouts with the same 1,000 points at 300 each: 3 orders, the rest 409, never below zero', async () => {
    await setRedeem(koi, { perYuan: 100, capPercent: 50 });
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 10_000, stock: 100 }]);
    const token = await shopperWithAddress(koi, '13700000011');
    const customerId = await customerOf(koi, token);
    await givePoints(koi, customerId, 1_000, 'race:points');
    const body = { items: [{ skuId: a, quantity: 1 }], couponIds: [], usePoints: 300 };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      call(koi, 'POST', '/api/shop/orders', body, { token, headers: { 'idempotency-key': `race-points-${i}` } })));
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(3);
    expect(ok.every((r) => r.body.pointsUsed === 300)).toBe(true);
    const refused = results.filter((r) => r.status !== 201);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.code}`))).toEqual(new Set(['409 loyalty.insufficient_points']));
    expect((await balances(koi, customerId)).points).toBe(100);
    expect(await koi.loyalty.findDrift()).toEqual([]);
    // cancelling all three gives every point back
    for (const r of ok) expect((await call(koi, 'POST', `/api/shop/orders/${r.body.id}/cancel`, undefined, { token })).status).toBe(200);
    expect((await balances(koi, customerId)).points).toBe(1_000);
  });

  it('20 parallel checkouts paying from the same ¥100 balance: exactly as many as it covers, never below zero', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 2_000, stock: 100 }]);
    const token = await shopperWithAddress(koi, '13700000012');
    const customerId = await customerOf(koi, token);
    const items = [{ skuId: a, quantity: 1 }];
    const payable = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [] }, { token })).body.payableFen as number;
    // a balance that covers exactly 4 orders, so no checkout can find a remainder to pay part with
    await recharge(koi, token, payable * 4);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], useBalance: true }, { token, headers: { 'idempotency-key': `race-balance-${i}` } })));
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(4);
    expect(ok.every((r) => r.body.status === 'paid' && r.body.balanceFen === payable && r.body.cashFen === 0)).toBe(true);
    const refused = results.filter((r) => r.status !== 201);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.code}`))).toEqual(new Set(['409 loyalty.insufficient_balance']));
    expect((await balances(koi, customerId)).walletFen).toBe(0);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });
});
