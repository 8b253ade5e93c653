import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, call, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';

describe.each(DB_KINDS)('demo coupon issuance on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  }, 600_000);
  afterAll(async () => koi.dispose());

  it('has a code batch, a shared code, the new-customer reward and wallets of several kinds', async () => {
    const templates = (await call(koi, 'GET', '/api/admin/coupon-templates?pageSize=50', undefined, { token: owner })).body.items as { id: string; name: string; kind: string }[];
    const tasting = templates.find((t) => t.name === '品鉴会 ¥30 无门槛券')!;
    const batches = await call(koi, 'GET', `/api/admin/coupon-code-batches?templateId=${tasting.id}`, undefined, { token: owner });
    expect(batches.body.items.map((b: { type: string; count: number }) => [b.type, b.count]).sort()).toEqual([['shared', 100], ['unique', 30]]);
    const rewards = await call(koi, 'GET', '/api/admin/coupon-rewards', undefined, { token: owner });
    expect(templates.find((t) => t.id === rewards.body.new_customer)?.name).toBe('新人礼 满 ¥99 减 ¥15');

    const third = await shopperToken(koi, '13916880003', '10.8.0.1');
    const wallet = await call(koi, 'GET', '/api/shop/coupons/wallet', undefined, { token: third });
    expect(new Set(wallet.body.items.map((c: { kind: string }) => c.kind))).toEqual(new Set(['percent_off', 'shipping_off', 'no_threshold']));
    // The shared code works in the shop.
    const fifth = await shopperToken(koi, '13916880004', '10.8.0.2');
    expect((await call(koi, 'POST', '/api/shop/coupons/redeem', { code: 'qingci2026' }, { token: fifth })).status).toBe(200);
    // A shopper signing up now gets the new-customer reward once the event is delivered.
    const fresh = await shopperToken(koi, '13700001234', '10.8.0.3');
    while ((await koi.bus.dispatchOnce()) > 0);
    const mine = await call(koi, 'GET', '/api/shop/coupons/wallet', undefined, { token: fresh });
    expect(mine.body.items.map((c: { name: string }) => c.name)).toEqual(['新人礼 满 ¥99 减 ¥15']);
  }, 180_000);
});
