import { describe, expect, it } from 'vitest';
import { priceCart } from '../price-cart.rules.ts';
import { bestCoupons, couponOptions } from '../coupon-options.rules.ts';
import { amountOffCoupon, cart, couponOf, fullReduction, line, promo } from '../pricing-fixtures.ts';
import { ZPercentOffArgs } from './percent-off.kind.ts';
import { KINDS } from './registry.ts';

const percent = (id: string, rateBp: number, capFen: number, thresholdFen = 0) => couponOf(id, 'percent_off', { thresholdFen, rateBp, capFen });
const shipping = (id: string, amountFen: number, thresholdFen = 0) => couponOf(id, 'shipping_off', { thresholdFen, amountFen });

describe('折扣券 percent_off', () => {
  it('8 折最多减 ¥30: ¥100 of goods take ¥20 off, ¥200 take ¥30 (capped)', () => {
    const small = priceCart(cart([line('a', 10000)], { coupons: [percent('k', 8000, 3000)] }));
    expect(small.applied[0]).toMatchObject({ stage: 'coupon', amountFen: 2000, text: { zh: '8折，最多减 ¥30 券：已减 ¥20' } });
    const big = priceCart(cart([line('a', 20000)], { coupons: [percent('k', 8000, 3000)] }));
    expect(big.applied[0]).toMatchObject({ amountFen: 3000, text: { zh: '8折，最多减 ¥30 券：已减 ¥30（已达封顶）' } });
  });

  it('满 ¥300 9 折 looks at the goods after 满减 (the default policy): ¥310 − ¥30 = ¥280 is ¥20 short', () => {
    const r = priceCart(cart([line('a', 31000)], { promotions: [fullReduction('mj', [[30000, 3000]])], coupons: [percent('k', 9000, 5000, 30000)] }));
    expect(r.notApplied[0]).toMatchObject({ sourceId: 'k', code: 'below_threshold', data: { baseFen: 28000, shortFen: 2000 } });
  });

  it('needs a cap and a rate between 1 and 99 %', () => {
    expect(ZPercentOffArgs.safeParse({ rateBp: 8000 }).success).toBe(false);
    expect(ZPercentOffArgs.safeParse({ rateBp: 10000, capFen: 100 }).success).toBe(false);
  });
});

describe('无门槛券', () => {
  it('amount_off with threshold 0 already applies to any order, and no_threshold is the same coupon by name', () => {
    expect(priceCart(cart([line('a', 300)], { coupons: [amountOffCoupon('k', 0, 500)] })).applied[0]).toMatchObject({ amountFen: 300, capped: true });
    const r = priceCart(cart([line('a', 3000)], { coupons: [couponOf('w', 'no_threshold', { amountFen: 500 })] }));
    expect(r.applied[0]).toMatchObject({ kind: 'no_threshold', amountFen: 500, text: { zh: '无门槛减 ¥5 券：已减 ¥5' } });
    expect(priceCart(cart([line('a', 3000)], { coupons: [couponOf('w', 'no_threshold', { amountFen: 500 }), amountOffCoupon('k', 0, 400)] })).applied.map((a) => a.sourceId)).toEqual(['w']);
  });
});

describe('运费券 shipping_off', () => {
  it('takes up to its amount off the fee, and goes with one goods coupon', () => {
    const r = priceCart(cart([line('a', 10000)], { shippingFen: 1000, coupons: [shipping('s', 800), amountOffCoupon('k', 5000, 500)] }));
    expect(r.applied.map((a) => [a.sourceId, a.amountFen])).toEqual([['k', 500], ['s', 800]]);
    expect(r.totals).toMatchObject({ discounts: { coupon: 500, shipping: 800 }, payableFen: 9700 });
    expect(priceCart(cart([line('a', 10000)], { shippingFen: 600, coupons: [shipping('s', 800)] })).applied[0]!.amountFen).toBe(600);
    expect(priceCart(cart([line('a', 10000)], { coupons: [shipping('s', 800)] })).notApplied[0]).toMatchObject({ code: 'no_shipping_fee' });
  });
});

describe('商品兑换券 exchange', () => {
  const cups = { type: 'products' as const, ids: ['p-cup', 'p-big'], excludeProductIds: [] };

  it('兑换 1 只茶杯: the dearest cup in scope is free, on its own line, up to the most it is worth', () => {
    const lines = [line('cup', 6800, 2, { productId: 'p-cup' }), line('big', 8800, 1, { productId: 'p-big' }), line('pot', 26800)];
    const r = priceCart(cart(lines, { coupons: [couponOf('x', 'exchange', {}, { scope: cups })] }));
    expect(r.applied[0]).toMatchObject({ kind: 'exchange', amountFen: 8800, lineIds: ['big'], text: { zh: '兑换 1 件商品 券：已减 ¥88' } });
    const capped = priceCart(cart(lines, { coupons: [couponOf('x', 'exchange', { maxValueFen: 7000 }, { scope: cups })] }));
    expect(capped.applied[0]).toMatchObject({ amountFen: 7000, lineIds: ['big'] });
    expect(priceCart(cart([line('pot', 26800)], { coupons: [couponOf('x', 'exchange', {}, { scope: cups })] })).notApplied[0]).toMatchObject({ code: 'out_of_scope' });
  });

  it('goes with a 满减券 (its own exclusive group)', () => {
    const r = priceCart(cart([line('big', 8800, 1, { productId: 'p-big' }), line('pot', 26800)], { coupons: [couponOf('x', 'exchange', {}, { scope: cups }), amountOffCoupon('k', 20000, 2000)] }));
    // The 兑换券 acts first: the cup is wholly free and the ¥20 falls on the teapot.
    expect(r.applied.map((a) => [a.sourceId, a.amountFen])).toEqual([['x', 8800], ['k', 2000]]);
    expect(r.lines.map((l) => l.payableFen)).toEqual([0, 24800]);
  });
});

describe('bestCoupons', () => {
  const wallet = [amountOffCoupon('k1', 10000, 1000), percent('k2', 9000, 5000), shipping('s1', 800), shipping('s2', 500)];

  it('picks the best goods coupon and the best shipping coupon together', () => {
    const input = cart([line('a', 30000)], { shippingFen: 1000 });
    expect(bestCoupons(input, wallet)).toEqual(['k2', 's1']);
    expect(couponOptions(input, wallet)).toMatchObject({ bestId: 'k2', bestIds: ['k2', 's1'] });
  });

  it('leaves the 运费券 in the wallet when 满 ¥199 包邮 covers the fee anyway', () => {
    const input = cart([line('a', 30000)], { shippingFen: 1000, promotions: [promo('by', 'free_shipping_over', { thresholdFen: 19900 })] });
    expect(bestCoupons(input, wallet)).toEqual(['k2']);
  });

  it('every kind the admin can pick is in the registry', () => {
    expect([...KINDS.promotions.keys()]).toEqual(['full_reduction', 'full_discount', 'bundle_price', 'first_order', 'timed_discount', 'free_shipping_over', 'full_gift', 'member_price']);
    expect([...KINDS.coupons.keys()]).toEqual(['amount_off', 'no_threshold', 'percent_off', 'shipping_off', 'exchange']);
  });
});
