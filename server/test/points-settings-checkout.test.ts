import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';
import { customerOf, givePoints, ownerToken } from './checkout-loyalty-fixtures.ts';

/** Issue 8's settings form: the redeem rule's "points may pay shipping" reaches checkout. */
describe.each(DB_KINDS)('redeem rule: shipping counts or not, on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => { koi = await startKoi(kind); });
  afterAll(async () => { await koi?.dispose(); });

  async function setRedeem(redeem: { perYuan: number; capPercent: number; includeShipping: boolean }) {
    const owner = await ownerToken(koi);
    const cur = (await call(koi, 'GET', '/api/admin/loyalty/settings', undefined, { token: owner })).body;
    const res = await call(koi, 'PUT', '/api/admin/loyalty/settings', { ...cur, points: { ...cur.points, redeem } }, { token: owner });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  it('points pay at most the cap of the goods, or of goods and shipping when the merchant says so', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 1900, stock: 10, weightGrams: 2000 }]);
    const token = await shopperWithAddress(koi, '13700009101');
    await givePoints(koi, await customerOf(koi, token), 1_000_000, 'pts:shipping');
    const items = [{ skuId: a, quantity: 1 }];
    const preview = async () => (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [], usePoints: true }, { token })).body;

    await setRedeem({ perYuan: 100, capPercent: 100, includeShipping: false });
    const goodsOnly = await preview();
    const goods = goodsOnly.itemsTotalFen - goodsOnly.promotionDiscountFen - goodsOnly.couponDiscountFen;
    const shipping = goodsOnly.shippingFen - goodsOnly.shippingDiscountFen;
    expect(shipping).toBeGreaterThan(0);
    expect(goodsOnly.pointsFen).toBe(goods);
    expect(goodsOnly.payableFen).toBe(shipping);

    await setRedeem({ perYuan: 100, capPercent: 100, includeShipping: true });
    const withShipping = await preview();
    expect(withShipping.pointsFen).toBe(goods + shipping);
    expect(withShipping.payableFen).toBe(0);

    await setRedeem({ perYuan: 100, capPercent: 50, includeShipping: true });
    const half = await preview();
    expect(half.pointsFen).toBe(Math.floor((goods + shipping) / 2));

    // The order takes what the preview showed, shipping's share included, and the ledger holds.
    const order = await call(koi, 'POST', '/api/shop/orders', { items, couponIds: [], usePoints: true }, { token });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body).toMatchObject({ pointsFen: half.pointsFen, pointsUsed: half.points.used, payableFen: half.payableFen });
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });
});
