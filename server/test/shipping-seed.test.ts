import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, shopperToken, startKoi, type TestKoi } from './harness.ts';

describe.each(DB_KINDS)('the demo shipping template and addresses on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => {
    koi = await startKoi(kind);
  });
  afterAll(async () => koi.dispose());

  it('charges ¥5 + ¥1 in 江浙沪, ¥8 + ¥2 elsewhere, ¥20 + ¥10 to 新疆/西藏, nothing over ¥199, and does not ship to 港澳台', async () => {
    const q = (provinceCode: string, cityCode: string, quantity: number, subtotalFen: number) => koi.fulfilment.quote([{ quantity, subtotalFen }], { provinceCode, cityCode });
    expect((await q('320000', '320500', 2, 10000)).feeFen).toBe(600);
    expect((await q('440000', '440100', 2, 10000)).feeFen).toBe(1000);
    expect((await q('650000', '650100', 2, 10000)).feeFen).toBe(3000);
    expect((await q('540000', '540100', 1, 19900)).feeFen).toBe(0);
    for (const [p, c] of [['710000', '710100'], ['810000', '810100'], ['820000', '820100']] as const) {
      expect((await q(p, c, 1, 100)).undeliverable).toHaveLength(1);
    }
  });

  it('gives the demo shoppers addresses in 杭州, 上海, 苏州 …, a default each', async () => {
    const token = await shopperToken(koi, '13916880001');
    const list = (await call(koi, 'GET', '/api/shop/addresses', undefined, { token })).body;
    expect(list.items.map((a: { cityName: string; isDefault: boolean }) => [a.cityName, a.isDefault])).toEqual([['杭州市', true], ['上海市', false]]);
    const me = (await call(koi, 'GET', '/api/shop/me', undefined, { token })).body;
    expect((await koi.customer.defaultAddress(me.id))?.district).toBe('西湖区');
  });
});
