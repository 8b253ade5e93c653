import { describe, expect, it } from 'vitest';
import { priceCart } from '../price-cart.rules.ts';
import { cart, line, promo } from '../pricing-fixtures.ts';
import { KINDS } from './registry.ts';
import { memberPromotions, withMemberKinds } from './member-benefits.kind.ts';

const CHECKOUT = withMemberKinds(KINDS);
const GOLD = { discountRateBp: 9500, discountLabel: { zh: '金卡会员 95折', en: 'Gold 5% off' }, freeShipping: true, freeShippingLabel: { zh: '会员包邮', en: 'Member free shipping' } };
const timed = (skuId: string, priceFen: number) =>
  promo('t1', 'timed_discount', { startsAt: '2026-04-28T00:00:00+08:00', endsAt: '2026-05-04T00:00:00+08:00', items: [{ skuId, priceFen }] });

describe('member benefit kinds', () => {
  it('95折 on every line, explained per line; 会员包邮 takes the fee', () => {
    const r = priceCart(cart([line('a', 9900, 2), line('b', 3000)], { promotions: memberPromotions(GOLD), shippingFen: 1000 }), CHECKOUT);
    expect(r.lines[0]!.discounts).toEqual([{ source: 'promotion', sourceId: 'member:discount', stage: 'item', label: { zh: '金卡会员 95折', en: '金卡会员 95折' }, amountFen: 990 }]);
    expect(r.lines[1]!.discountFen).toBe(150);
    expect(r.shipping.discountFen).toBe(1000);
    expect(r.totals.payableFen).toBe(19_800 - 990 + 3000 - 150);
    expect(r.applied.map((a) => a.text.zh)).toEqual(['金卡会员 95折：已省 ¥11.40', '会员包邮：运费减 ¥10']);
  });

  it('against a limited-time price the lower unit price wins per line, never both', () => {
    const r = priceCart(cart([line('a', 10_000), line('b', 10_000)], { promotions: [...memberPromotions(GOLD), timed('sku-a', 8000)] }), CHECKOUT);
    expect(r.lines.map((l) => l.salePriceFen)).toEqual([8000, 9500]);
    expect(r.lines.every((l) => l.discounts.length === 1)).toBe(true);
  });

  it('with 满包邮 only one free shipping applies; the other is explained', () => {
    const r = priceCart(cart([line('a', 10_000)], { promotions: [...memberPromotions(GOLD), promo('f', 'free_shipping_over', { by: 'amount', thresholdFen: 5000 })], shippingFen: 800 }), CHECKOUT);
    expect(r.totals.discounts.shipping).toBe(800);
    expect(r.notApplied.map((n) => n.code)).toContain('exclusive');
  });

  it('no benefits, no synthetic promotions; without the member kinds the engine says the kind is unknown', () => {
    expect(memberPromotions(null)).toEqual([]);
    expect(memberPromotions({ ...GOLD, discountRateBp: 10_000, freeShipping: false })).toEqual([]);
    expect(priceCart(cart([line('a', 1000)], { promotions: memberPromotions(GOLD) })).notApplied.map((n) => n.code)).toEqual(['kind_unknown', 'kind_unknown']);
    expect([...KINDS.promotions.keys()]).not.toContain('member_discount');
  });
});

describe('member price', () => {
  const args = { items: [{ skuId: 'sku-a', levelId: 'gold', priceFen: 8800 }, { skuId: 'sku-a', levelId: 'silver', priceFen: 9500 }] };
  const run = (memberLevelId: string | null, customerId: string | null = 'c1', promotions = [promo('m', 'member_price', args)]) =>
    priceCart(cart([line('a', 10_000), line('b', 5000)], { promotions, context: { customerId, memberLevelId, isFirstOrder: false, now: '2026-05-01T04:00:00.000Z' } }), CHECKOUT);

  it('the level\'s price on its SKUs only', () => {
    expect(run('gold').lines.map((l) => l.salePriceFen)).toEqual([8800, 5000]);
    expect(run('silver').lines.map((l) => l.salePriceFen)).toEqual([9500, 5000]);
  });

  it('not applied, with reasons: a guest, no level, a level without prices', () => {
    expect(run(null, null).notApplied[0]!.code).toBe('sign_in_required');
    expect(run(null).notApplied[0]!.code).toBe('member_only');
    expect(run('bronze').notApplied[0]!.code).toBe('no_price_for_level');
  });

  it('against the member discount the lower price wins per line', () => {
    const r = run('gold', 'c1', [promo('m', 'member_price', args), ...memberPromotions(GOLD)]);
    expect(r.lines.map((l) => l.salePriceFen)).toEqual([8800, 4750]);
    expect(r.lines[0]!.discounts[0]!.sourceId).toBe('m');
    expect(r.lines[1]!.discounts[0]!.sourceId).toBe('member:discount');
  });

  it('refuses the same SKU and level twice', () => {
    expect(KINDS.promotions.get('member_price')!.args.safeParse({ items: [args.items[0], args.items[0]] }).success).toBe(false);
  });
});
