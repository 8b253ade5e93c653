import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_POLICY, type TPricingPromotion } from '@koi/contracts';
import { priceCart } from './price-cart.rules.ts';
import { couponOptions } from './coupon-options.rules.ts';
import { amountOffCoupon, cart, fullReduction, line } from './pricing-fixtures.ts';
import { TEST_KINDS } from './test-kinds.ts';

const BEFORE = { ...DEFAULT_PRICING_POLICY, couponThresholdBase: 'before_order_promotions' as const };
const MJ = fullReduction('mj', [[30000, 3000], [60000, 8000]]);

describe('priceCart: 满减', () => {
  it('applies the highest tier reached, allocates it over the lines and hints at the next tier', () => {
    const r = priceCart(cart([line('a', 18800), line('b', 12000, 2)], { promotions: [MJ] }));
    expect(r.applied).toHaveLength(1);
    expect(r.applied[0]).toMatchObject({ sourceId: 'mj', stage: 'order', amountFen: 3000, capped: false, lineIds: ['a', 'b'] });
    expect(r.applied[0]!.text).toEqual({ zh: '满 ¥300 减 ¥30：已减 ¥30', en: '¥30 off over ¥300: −¥30' });
    expect(r.applied[0]!.hint).toEqual({ zh: '再买 ¥172 可减 ¥80', en: 'Add ¥172 more to save ¥80' });
    expect(r.lines.map((l) => l.discounts[0]!.amountFen)).toEqual([1318, 1682]);
    expect(r.totals).toMatchObject({ itemsFen: 42800, discountFen: 3000, payableFen: 39800, cashPayableFen: 39800 });
  });

  it('says how much is missing when below the first tier: 差 ¥12 可减 ¥30', () => {
    const r = priceCart(cart([line('a', 28800)], { promotions: [MJ] }));
    expect(r.applied).toEqual([]);
    expect(r.notApplied).toEqual([{
      source: 'promotion', sourceId: 'mj', kind: 'full_reduction', name: '满减 mj', code: 'below_threshold',
      data: { thresholdFen: 30000, discountFen: 3000, baseFen: 28800, shortFen: 1200 },
      text: { zh: '满 ¥300 减 ¥30：差 ¥12 可减 ¥30', en: '¥30 off over ¥300: add ¥12 more to save ¥30' },
    }]);
  });

  it('每满 takes the discount once per full threshold, 上不封顶', () => {
    const r = priceCart(cart([line('a', 35050)], { promotions: [fullReduction('every', [[10000, 1000]], { repeat: true })] }));
    expect(r.applied[0]!.text).toEqual({ zh: '每满 ¥100 减 ¥10：已减 ¥30', en: '¥10 off every ¥100: −¥30' });
    expect(r.applied[0]!.hint).toEqual({ zh: '再买 ¥49.50 可再减 ¥10', en: 'Add ¥49.50 more to save ¥10 more' });
  });

  it('explains promotions out of their dates, out of scope, of unknown kinds or with bad settings', () => {
    const r = priceCart(cart([line('a', 50000)], {
      promotions: [
        fullReduction('later', [[100, 10]], { startsAt: '2026-05-02T00:00:00.000Z' }),
        fullReduction('over', [[100, 10]], { endsAt: '2026-04-30T16:00:00.000Z' }),
        fullReduction('scoped', [[100, 10]], { scope: { type: 'products', ids: ['p-other'], excludeProductIds: [] } }),
        { ...fullReduction('odd', [[100, 10]]), kind: 'lottery' },
        { ...fullReduction('bad', [[100, 10]]), args: { tiers: [] } },
      ],
    }));
    expect(r.notApplied.map((n) => [n.sourceId, n.code, n.text.zh])).toEqual([
      ['bad', 'args_invalid', '优惠设置有误，未生效'],
      ['later', 'not_started', '活动 2026-05-02 08:00 开始'],
      ['odd', 'kind_unknown', '暂不支持的优惠类型（lottery），未生效'],
      ['over', 'ended', '活动已于 2026-05-01 00:00 结束'],
      ['scoped', 'out_of_scope', '所选商品都不参与此活动'],
    ]);
  });

  it('of two 满减 keeps the one that saves more and says why the other did not apply', () => {
    const r = priceCart(cart([line('a', 70000)], { promotions: [fullReduction('small', [[30000, 3000]], { priority: 9 }), MJ] }));
    expect(r.applied.map((a) => a.sourceId)).toEqual(['mj']);
    expect(r.notApplied[0]).toMatchObject({ sourceId: 'small', code: 'exclusive', data: { winnerId: 'mj' } });
    expect(r.notApplied[0]!.text.zh).toBe('与「满减 mj」不可同享，已为你选择更优惠的「满减 mj」');
  });
});

describe('priceCart: coupons', () => {
  const lines = [line('a', 15000), line('b', 6000, 1, { productId: 'p-b', categoryIds: ['c-cup'] })];

  it('takes the coupon off its eligible lines only', () => {
    const r = priceCart(cart(lines, { coupons: [amountOffCoupon('k', 10000, 2000, { scope: { type: 'categories', ids: ['c-tea'], excludeProductIds: [] } })] }));
    expect(r.applied[0]!.text).toEqual({ zh: '满 ¥100 减 ¥20 券：已减 ¥20', en: 'Coupon ¥20 off over ¥100: −¥20' });
    expect(r.lines.map((l) => l.discountFen)).toEqual([2000, 0]);
    expect(r.totals.discounts.coupon).toBe(2000);
  });

  it('measures the threshold after 满减 by default, before it when the merchant says so', () => {
    const input = cart([line('a', 30000)], { promotions: [fullReduction('mj', [[30000, 1500]])], coupons: [amountOffCoupon('k', 30000, 2000)] });
    const after = priceCart(input);
    expect(after.notApplied[0]).toMatchObject({ sourceId: 'k', code: 'below_threshold', data: { baseFen: 28500, shortFen: 1500 } });
    expect(after.notApplied[0]!.text.zh).toBe('满 ¥300 减 ¥20：可用商品优惠后 ¥285，差 ¥15');
    const before = priceCart({ ...input, policy: BEFORE });
    expect(before.applied.map((a) => a.sourceId)).toEqual(['mj', 'k']);
    expect(before.totals.payableFen).toBe(30000 - 1500 - 2000);
  });

  it('caps a coupon larger than what its lines have left, and says so', () => {
    const r = priceCart(cart([line('a', 3000)], { coupons: [amountOffCoupon('k', 0, 5000)] }));
    expect(r.applied[0]).toMatchObject({ amountFen: 3000, requestedFen: 5000, capped: true });
    expect(r.applied[0]!.text.zh).toBe('无门槛减 ¥50 券：已减 ¥30（可优惠金额仅 ¥30，按此封顶）');
    expect(r.totals.payableFen).toBe(0);
  });

  it('says so when the eligible lines have nothing left to discount', () => {
    const r = priceCart(cart([line('gift', 0), line('a', 5000, 1, { productId: 'p-a' })], {
      coupons: [amountOffCoupon('k', 0, 1000, { scope: { type: 'products', ids: ['p-gift'], excludeProductIds: [] } })],
    }));
    expect(r.notApplied.map((n) => [n.code, n.text.zh])).toEqual([['nothing_to_discount', '可用商品已无可优惠的金额']]);
  });

  it('explains coupons not yet valid, expired, used, held, out of scope or beaten by a better one', () => {
    const r = priceCart(cart(lines, {
      coupons: [
        amountOffCoupon('k1', 10000, 1000),
        amountOffCoupon('k2', 10000, 1500),
        amountOffCoupon('k3', 100, 10, { validFrom: '2026-05-10T00:00:00.000Z' }),
        amountOffCoupon('k4', 100, 10, { validUntil: '2026-04-30T00:00:00.000Z' }),
        amountOffCoupon('k5', 100, 10, { status: 'used' }),
        amountOffCoupon('k6', 100, 10, { status: 'frozen' }),
        amountOffCoupon('k7', 100, 10, { scope: { type: 'all', ids: [], excludeProductIds: ['p-a', 'p-b'] } }),
      ],
    }));
    expect(r.applied.map((a) => a.sourceId)).toEqual(['k2']);
    expect(r.notApplied.map((n) => [n.sourceId, n.code, n.text.zh])).toEqual([
      ['k1', 'exclusive', '与「券 k2」不可同享，已为你选择更优惠的「券 k2」'],
      ['k3', 'coupon_not_yet_valid', '2026-05-10 08:00 起可用'],
      ['k4', 'coupon_expired', '已于 2026-04-30 08:00 过期'],
      ['k5', 'coupon_used', '优惠券已使用'],
      ['k6', 'coupon_frozen', '优惠券已被另一笔待支付订单占用'],
      ['k7', 'out_of_scope', '所选商品都不在此券的可用范围内'],
    ]);
  });

  it('of two 满减, keeps the one that leaves the lower payable, even with the smaller discount of its own', () => {
    // After 满 ¥300 减 ¥40 the coupon's threshold (after promotions) is missed; after 减 ¥20 it is met.
    const input = cart([line('a', 30000)], {
      promotions: [fullReduction('big', [[30000, 4000]]), fullReduction('small', [[30000, 2000]])],
      coupons: [amountOffCoupon('k', 28000, 3000)],
    });
    const r = priceCart(input);
    expect(r.applied.map((a) => a.sourceId)).toEqual(['small', 'k']);
    expect(r.totals.payableFen).toBe(25000);
  });

  it('documents the one way a promotion can raise the payable: with thresholds after 满减, a new 满减 can push a coupon below its threshold', () => {
    const base = cart([line('a', 21000)], { coupons: [amountOffCoupon('k', 20000, 2000)] });
    const withPromotion = { ...base, promotions: [fullReduction('mj', [[21000, 1500]])] };
    expect(priceCart(base).totals.payableFen).toBe(19000);
    expect(priceCart(withPromotion).totals.payableFen).toBe(19500);
    expect(priceCart({ ...withPromotion, policy: BEFORE }).totals.payableFen).toBe(17500);
  });

  it('tries every wallet coupon alone and picks the one leaving the lowest payable', () => {
    const { coupons: _none, ...input } = cart(lines, { promotions: [MJ] });
    const wallet = [amountOffCoupon('k1', 10000, 1000), amountOffCoupon('k2', 19000, 1500), amountOffCoupon('k3', 50000, 5000)];
    const { options, bestId } = couponOptions(input, wallet);
    expect(bestId).toBe('k2');
    expect(options.map((o) => [o.couponId, o.usable, o.discountFen, o.payableFen])).toEqual([['k1', true, 1000, 20000], ['k2', true, 1500, 19500], ['k3', false, 0, 21000]]);
    expect(options[2]!.reason?.code).toBe('below_threshold');
  });
});

describe('priceCart: points, shipping and stored value', () => {
  it('pays with points up to the cap, spending only the points needed, and explains it', () => {
    const r = priceCart(cart([line('a', 10000)], { points: { requested: 5000, balance: 5000, perYuan: 100, capPercent: 20 } }));
    expect(r.points).toEqual({ requested: 5000, used: 2000, valueFen: 2000, capFen: 2000 });
    expect(r.applied[0]!.text).toEqual({ zh: '使用 2,000 积分抵 ¥20（积分最多抵扣 20%）', en: '2,000 points: −¥20 (points pay at most 20%)' });
    expect(r.lines[0]!.points).toBe(2000);
  });

  it('rounds points down to whole fen at rates above 100 points per yuan', () => {
    const r = priceCart(cart([line('a', 10000)], { points: { requested: 1234, balance: 9999, perYuan: 1000, capPercent: 100 } }));
    expect(r.points).toEqual({ requested: 1234, used: 1230, valueFen: 123, capFen: 10000 });
  });

  it('says why no points were used', () => {
    const few = priceCart(cart([line('a', 10000)], { points: { requested: 5, balance: 5, perYuan: 1000, capPercent: 50 } }));
    expect(few.notApplied[0]).toMatchObject({ source: 'points', code: 'points_too_few' });
    const free = priceCart(cart([line('a', 0)], { points: { requested: 500, balance: 500, perYuan: 100, capPercent: 50 } }));
    expect(free.notApplied[0]).toMatchObject({ source: 'points', code: 'points_capped_to_zero' });
  });

  it('lets points pay shipping only when the policy says so', () => {
    const input = cart([line('a', 1000)], { shippingFen: 1000, points: { requested: 10000, balance: 10000, perYuan: 100, capPercent: 100 } });
    expect(priceCart(input).totals).toMatchObject({ pointsFen: 1000, payableFen: 1000 });
    const r = priceCart({ ...input, policy: { ...DEFAULT_PRICING_POLICY, pointsMayPayShipping: true } });
    expect(r.totals).toMatchObject({ pointsFen: 2000, payableFen: 0 });
    expect(r.shipping).toMatchObject({ pointsFen: 1000, payableFen: 0 });
  });

  it('applies stored value as payment: the payable stays, the cash part shrinks, split per line', () => {
    const r = priceCart(cart([line('a', 6000), line('b', 4000)], { shippingFen: 1000, storedValue: { balanceFen: 5000, requestedFen: null } }));
    expect(r.totals).toMatchObject({ payableFen: 11000, storedValueFen: 5000, cashPayableFen: 6000, discountFen: 0 });
    expect(r.lines.map((l) => [l.storedValueFen, l.cashFen])).toEqual([[2727, 3273], [1818, 2182]]);
    expect(r.shipping).toMatchObject({ storedValueFen: 455, cashFen: 545 });
    expect(r.applied).toEqual([]);
  });
});

describe('priceCart: kinds as plug-ins (item-level and shipping stages)', () => {
  const member = { customerId: 'c1', memberLevelId: 'gold', isFirstOrder: false, now: '2026-05-01T04:00:00.000Z' };
  const memberPrice: TPricingPromotion = { ...fullReduction('mp', []), kind: 'test_member_price', name: '金卡会员价', args: { percent: 90 } };
  const halfPrice: TPricingPromotion = { ...memberPrice, id: 'lt', name: '限时五折', args: { percent: 50 }, scope: { type: 'products', ids: ['p-a'], excludeProductIds: [] } };

  it('sets sale prices per line, the lowest winning, and order-level thresholds see them', () => {
    const input = cart([line('a', 20000), line('b', 20000)], { context: member, promotions: [memberPrice, halfPrice, MJ] });
    const r = priceCart(input, TEST_KINDS);
    expect(r.lines.map((l) => [l.unitPriceFen, l.salePriceFen, l.subtotalFen])).toEqual([[20000, 10000, 10000], [20000, 18000, 18000]]);
    expect(r.totals.discounts).toEqual({ item: 12000, order: 0, coupon: 0, shipping: 0 });
    expect(r.applied.map((a) => [a.sourceId, a.text.zh])).toEqual([['lt', '会员价 1 件商品省 ¥100'], ['mp', '会员价 1 件商品省 ¥20']]);
    expect(r.notApplied[0]).toMatchObject({ sourceId: 'mj', code: 'below_threshold', data: { baseFen: 28000 } });
    expect(priceCart({ ...input, context: { ...member, memberLevelId: null } }, TEST_KINDS).notApplied.map((n) => n.code)).toEqual(['not_member', 'not_member']);
  });

  it('explains an item-level price that is not lower than the price already there', () => {
    const r = priceCart(cart([line('a', 10000)], { context: member, promotions: [{ ...memberPrice, id: 'mp2', args: { percent: 95 } }, memberPrice] }), TEST_KINDS);
    expect(r.applied.map((a) => a.sourceId)).toEqual(['mp']);
    expect(r.notApplied[0]).toMatchObject({ sourceId: 'mp2', code: 'exclusive', data: { winnerId: 'mp' } });
    const none = priceCart(cart([line('free', 0)], { context: member, promotions: [memberPrice] }), TEST_KINDS);
    expect(none.notApplied.map((n) => [n.code, n.text.zh])).toEqual([['no_better_price', '商品已是更低的价格']]);
  });

  it('discounts shipping at the shipping stage, capped at the fee', () => {
    const free: TPricingPromotion = { ...fullReduction('fs', []), kind: 'test_free_shipping', name: '满 ¥99 包邮', args: { thresholdFen: 9900 } };
    const r = priceCart(cart([line('a', 10000)], { shippingFen: 800, promotions: [free] }), TEST_KINDS);
    expect(r.shipping).toMatchObject({ feeFen: 800, discountFen: 800, payableFen: 0 });
    expect(r.totals).toMatchObject({ discounts: { shipping: 800 }, payableFen: 10000 });
  });
});

describe('priceCart: input checks', () => {
  it('refuses inputs no caller should build', () => {
    expect(() => priceCart(cart([line('a', 100), line('a', 200)]))).toThrow(/line id appears twice/);
    expect(() => priceCart(cart([line('a', -1)]))).toThrow(RangeError);
    expect(() => priceCart(cart([line('a', 100)], { context: { customerId: null, memberLevelId: null, isFirstOrder: true, now: 'soon' } }))).toThrow(RangeError);
  });
});
