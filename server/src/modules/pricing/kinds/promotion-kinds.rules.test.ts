import { describe, expect, it } from 'vitest';
import { priceCart } from '../price-cart.rules.ts';
import { cart, fullReduction, line, promo } from '../pricing-fixtures.ts';
import { ZFullDiscountArgs } from './full-discount.kind.ts';
import { ZTimedDiscountArgs } from './timed-discount.kind.ts';
import { ZFirstOrderArgs } from './first-order.kind.ts';

const MJ = fullReduction('mj', [[30000, 3000], [60000, 8000]]);
const CUP = { productId: 'p-cup', categoryIds: ['c-cup'] };

describe('满折 full_discount', () => {
  const twoPieces = promo('zk', 'full_discount', { by: 'pieces', tiers: [{ pieces: 2, rateBp: 9000 }] }, { scope: { type: 'products', ids: ['p-cup'], excludeProductIds: [] } });

  it('茶杯 ¥68 满 2 件 9 折: two cups pay ¥122.40, the teapot beside them keeps its price', () => {
    const r = priceCart(cart([line('cup', 6800, 2, CUP), line('pot', 26800)], { promotions: [twoPieces] }));
    expect(r.applied[0]).toMatchObject({ kind: 'full_discount', amountFen: 1360, lineIds: ['cup'], text: { zh: '满 2 件打 9折：已减 ¥13.60', en: '10% off on 2+ pieces: −¥13.60' } });
    expect(r.lines.map((l) => l.payableFen)).toEqual([12240, 26800]);
  });

  it('one cup: "还差 1 件"', () => {
    const r = priceCart(cart([line('cup', 6800, 1, CUP)], { promotions: [twoPieces] }));
    expect(r.notApplied[0]).toMatchObject({ code: 'below_threshold', data: { by: 'pieces', threshold: 2, have: 1, short: 1 }, text: { zh: '满 2 件打 9折：还差 1 件' } });
  });

  it('满 ¥300 打 8.5 折 beats 满 ¥300 减 ¥30 (same exclusive group) and hints at the next tier', () => {
    const zk = promo('zk', 'full_discount', { by: 'amount', tiers: [{ thresholdFen: 30000, rateBp: 8500 }, { thresholdFen: 60000, rateBp: 8000 }] });
    const r = priceCart(cart([line('a', 18800), line('b', 12000)], { promotions: [MJ, zk] }));
    expect(r.applied.map((a) => [a.sourceId, a.amountFen])).toEqual([['zk', 4620]]);
    expect(r.applied[0]!.hint).toEqual({ zh: '再买 ¥292 可享 8折', en: 'Add ¥292 more for 20% off' });
    expect(r.notApplied[0]).toMatchObject({ sourceId: 'mj', code: 'exclusive', data: { winnerId: 'zk' } });
  });

  it('rounds the discount down to the fen: 9 折 of ¥99.99 takes ¥9.99 off, never a float', () => {
    const r = priceCart(cart([line('a', 9999)], { promotions: [promo('zk', 'full_discount', { by: 'amount', tiers: [{ thresholdFen: 100, rateBp: 9000 }] })] }));
    expect(r.totals.payableFen).toBe(9000);
  });

  it('refuses tiers that do not deepen or thresholds by pieces left empty', () => {
    expect(ZFullDiscountArgs.safeParse({ by: 'pieces', tiers: [{ pieces: 2, rateBp: 9000 }, { pieces: 3, rateBp: 9500 }] }).success).toBe(false);
    expect(ZFullDiscountArgs.safeParse({ by: 'pieces', tiers: [{ thresholdFen: 100, rateBp: 9000 }] }).success).toBe(false);
    expect(ZFullDiscountArgs.safeParse({ tiers: [{ thresholdFen: 100, rateBp: 99 }] }).success).toBe(false);
  });
});

describe('满包邮 free_shipping_over', () => {
  const by = (args: object) => promo('by', 'free_shipping_over', args);

  it('满 ¥199 包邮: a ¥199 order ships free, a ¥198 one is told it is ¥1 short', () => {
    const free = priceCart(cart([line('a', 19900)], { shippingFen: 1000, promotions: [by({ thresholdFen: 19900 })] }));
    expect(free.applied[0]).toMatchObject({ stage: 'shipping', amountFen: 1000, text: { zh: '满 ¥199 包邮：运费减 ¥10' } });
    expect(free.totals.payableFen).toBe(19900);
    const short = priceCart(cart([line('a', 19800)], { shippingFen: 1000, promotions: [by({ thresholdFen: 19900 })] }));
    expect(short.notApplied[0]).toMatchObject({ code: 'below_threshold', text: { zh: '满 ¥199 包邮：还差 ¥1' } });
    expect(short.totals.payableFen).toBe(20800);
  });

  it('满 ¥290 包邮 counts the goods after 满减: ¥310 − ¥30 = ¥280 is ¥10 short', () => {
    const r = priceCart(cart([line('a', 31000)], { shippingFen: 800, promotions: [MJ, by({ thresholdFen: 29000 })] }));
    expect(r.totals.discounts).toMatchObject({ order: 3000, shipping: 0 });
    expect(r.notApplied[0]).toMatchObject({ sourceId: 'by', code: 'below_threshold', data: { have: 28000, short: 1000 } });
  });

  it('in the cart, where no fee is quoted yet, says the condition is met', () => {
    const r = priceCart(cart([line('a', 19900)], { promotions: [by({ thresholdFen: 19900 })] }));
    expect(r.notApplied[0]).toMatchObject({ code: 'no_shipping_fee', text: { zh: '满 ¥199 包邮：已满足包邮条件' } });
  });

  it('满 3 件包邮 by pieces', () => {
    const r = priceCart(cart([line('a', 1000, 2), line('b', 500)], { shippingFen: 600, promotions: [by({ by: 'pieces', pieces: 3 })] }));
    expect(r.totals.discounts.shipping).toBe(600);
  });
});

describe('限时折扣 timed_discount', () => {
  const week = { startsAt: '2026-04-27T00:00:00+08:00', endsAt: '2026-05-04T00:00:00+08:00' };
  const items = [{ skuId: 'sku-a', priceFen: 5900, rateBp: 0 }, { skuId: 'sku-b', priceFen: 0, rateBp: 8000 }];

  it('this week: 茶杯 ¥68 → ¥59, 茶壶 8 折; the others keep their price; 满减 sees the sale prices', () => {
    const r = priceCart(cart([line('a', 6800, 2), line('b', 12000), line('c', 3000)], { promotions: [promo('xs', 'timed_discount', { ...week, items }), MJ] }));
    expect(r.lines.map((l) => l.salePriceFen)).toEqual([5900, 9600, 3000]);
    expect(r.applied[0]).toMatchObject({ stage: 'item', amountFen: 4200, lineIds: ['a', 'b'], text: { zh: '限时折扣 2 件商品省 ¥42（2026-05-04 00:00 结束）' } });
    expect(r.notApplied[0]).toMatchObject({ sourceId: 'mj', code: 'below_threshold', data: { baseFen: 24400 } });
  });

  it('before its start or after its end it says when', () => {
    const later = priceCart(cart([line('a', 6800)], { promotions: [promo('xs', 'timed_discount', { startsAt: '2026-05-02T00:00:00+08:00', endsAt: '2026-05-09T00:00:00+08:00', items })] }));
    expect(later.notApplied[0]).toMatchObject({ code: 'not_started', text: { zh: '限时折扣 2026-05-02 00:00 开始' } });
    const over = priceCart(cart([line('a', 6800)], { promotions: [promo('xs', 'timed_discount', { startsAt: '2026-04-01T00:00:00+08:00', endsAt: '2026-05-01T00:00:00+08:00', items })] }));
    expect(over.notApplied[0]).toMatchObject({ code: 'ended' });
  });

  it('takes a price or a rate per SKU, not both, and ends after it starts', () => {
    expect(ZTimedDiscountArgs.safeParse({ ...week, items: [{ skuId: 's', priceFen: 100, rateBp: 9000 }] }).success).toBe(false);
    expect(ZTimedDiscountArgs.safeParse({ ...week, endsAt: week.startsAt, items }).success).toBe(false);
    expect(ZTimedDiscountArgs.safeParse({ ...week, items }).success).toBe(true);
  });
});

describe('N元任选 bundle_price', () => {
  const scope = { type: 'products' as const, ids: ['p-a', 'p-b', 'p-c'], excludeProductIds: [] };

  it('¥99 任选 3 件 bundles the dearest units for the shopper and spreads the saving over their lines only', () => {
    const r = priceCart(cart([line('a', 5900, 2), line('b', 3900, 2), line('c', 2900), line('d', 1500)], { promotions: [promo('nx', 'bundle_price', { count: 3, priceFen: 9900 }, { scope })] }));
    expect(r.applied[0]).toMatchObject({ amountFen: 5800, lineIds: ['a', 'b'], text: { zh: '¥99 任选 3 件：1 组（按价高优先组合），已减 ¥58' }, hint: { zh: '再选 1 件可再凑一组' } });
    expect(r.lines.map((l) => l.discountFen)).toEqual([3492, 2308, 0, 0]);
  });

  it('repeats as often as the cart allows, and stops where a bundle would cost more than its items', () => {
    const r = priceCart(cart([line('a', 5000, 6)], { promotions: [promo('nx', 'bundle_price', { count: 3, priceFen: 9900 })] }));
    expect(r.totals.discounts.order).toBe(10200);
    const cheap = priceCart(cart([line('a', 3000, 2)], { promotions: [promo('nx', 'bundle_price', { count: 2, priceFen: 9900 })] }));
    expect(cheap.notApplied[0]).toMatchObject({ code: 'not_cheaper' });
  });
});

describe('首单优惠 first_order', () => {
  const first = (args: object) => promo('sd', 'first_order', args);
  const ctx = (isFirstOrder: boolean, customerId: string | null = 'c1') => ({ customerId, memberLevelId: null, isFirstOrder, now: '2026-05-01T04:00:00.000Z' });

  it('首单立减 ¥10 stacks with 满减; not for a second order or a guest', () => {
    const r = priceCart(cart([line('a', 30000)], { promotions: [MJ, first({ amountFen: 1000 })], context: ctx(true) }));
    expect(r.applied.map((a) => [a.sourceId, a.amountFen])).toEqual([['mj', 3000], ['sd', 1000]]);
    expect(priceCart(cart([line('a', 30000)], { promotions: [first({ amountFen: 1000 })], context: ctx(false) })).notApplied[0]).toMatchObject({ code: 'not_first_order', text: { zh: '首单立减 ¥10：仅限首次下单' } });
    expect(priceCart(cart([line('a', 30000)], { promotions: [first({ amountFen: 1000 })], context: ctx(true, null) })).notApplied[0]).toMatchObject({ code: 'sign_in_required' });
  });

  it('首单 9 折最多减 ¥20: of ¥270 after 满减, ¥27 capped at ¥20', () => {
    const r = priceCart(cart([line('a', 30000)], { promotions: [MJ, first({ rateBp: 9000, capFen: 2000 })], context: ctx(true) }));
    expect(r.applied[1]).toMatchObject({ sourceId: 'sd', amountFen: 2000, text: { zh: '首单 9折，最多减 ¥20：已减 ¥20' } });
    expect(ZFirstOrderArgs.safeParse({ amountFen: 1000, rateBp: 9000 }).success).toBe(false);
  });
});
