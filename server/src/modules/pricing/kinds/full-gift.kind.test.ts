import { describe, expect, it } from 'vitest';
import { priceCart } from '../price-cart.rules.ts';
import { giftSkusOf } from '../gifts.rules.ts';
import { cart, fullReduction, line, promo } from '../pricing-fixtures.ts';
import { ZFullGiftArgs } from './full-gift.kind.ts';
import { argFields } from './describe-args.ts';
import { KINDS } from './registry.ts';

const towel = { giftSkuId: 'sku-towel', giftName: '茶巾一条', quantity: 1 };
const GIFT = promo('mz', 'full_gift', { by: 'amount', tiers: [{ thresholdFen: 29900, ...towel }, { thresholdFen: 59900, giftSkuId: 'sku-cup', giftName: '品茗杯', quantity: 2 }] });

describe('满赠 full_gift', () => {
  it('满 ¥299 赠 茶巾一条: the gift is listed, costs nothing and changes no payable', () => {
    const without = priceCart(cart([line('a', 18800), line('b', 12000)], { shippingFen: 1000 }));
    const r = priceCart(cart([line('a', 18800), line('b', 12000)], { shippingFen: 1000, promotions: [GIFT] }));
    expect(r.gifts).toEqual([{ promotionId: 'mz', kind: 'full_gift', name: GIFT.name, skuId: 'sku-towel', quantity: 1, text: { zh: '满 ¥299 赠 茶巾一条：赠品随订单发出', en: 'Free 茶巾一条 over ¥299: it ships free with your order' } }]);
    expect(r.applied).toMatchObject([{ sourceId: 'mz', amountFen: 0, lineIds: ['a', 'b'], hint: { zh: '再买 ¥291 可换赠 品茗杯 ×2' } }]);
    expect(r.lines).toEqual(without.lines);
    expect(r.totals).toEqual(without.totals);
  });

  it('below the threshold: not applied with how much is missing', () => {
    const r = priceCart(cart([line('a', 18800)], { promotions: [GIFT] }));
    expect(r.gifts).toEqual([]);
    expect(r.notApplied[0]).toMatchObject({ sourceId: 'mz', code: 'below_threshold', data: { short: 11100 }, text: { zh: '满 ¥299 赠 茶巾一条：差 ¥111 可获赠 茶巾一条' } });
  });

  it('the highest tier reached gives its gift; by pieces counts units', () => {
    expect(priceCart(cart([line('a', 60000)], { promotions: [GIFT] })).gifts.map((g) => [g.skuId, g.quantity])).toEqual([['sku-cup', 2]]);
    const byPieces = promo('mz', 'full_gift', { by: 'pieces', tiers: [{ pieces: 3, ...towel }] });
    expect(priceCart(cart([line('a', 100, 2)], { promotions: [byPieces] })).notApplied[0]).toMatchObject({ code: 'below_threshold', data: { short: 1 } });
    expect(priceCart(cart([line('a', 100, 3)], { promotions: [byPieces] })).gifts).toHaveLength(1);
  });

  it('stock checked: too few units left → "赠品已赠完", the order is priced the same without it', () => {
    const r = priceCart(cart([line('a', 30000)], { promotions: [GIFT], giftStock: { 'sku-towel': 0 } }));
    expect(r.gifts).toEqual([]);
    expect(r.notApplied).toMatchObject([{ sourceId: 'mz', code: 'gift_out_of_stock', data: { skuId: 'sku-towel', left: 0 }, text: { zh: '赠品已赠完' } }]);
    expect(r.totals.payableFen).toBe(30000);
    // A SKU the stock record does not name has none; an absent record checks nothing.
    expect(priceCart(cart([line('a', 30000)], { promotions: [GIFT], giftStock: {} })).gifts).toEqual([]);
    expect(priceCart(cart([line('a', 30000)], { promotions: [GIFT], giftStock: { 'sku-towel': 1 } })).gifts).toHaveLength(1);
  });

  it('one 满赠 per order: the higher ranked applies; out of stock, the next one in the group does', () => {
    const other = promo('mz2', 'full_gift', { by: 'amount', tiers: [{ thresholdFen: 10000, giftSkuId: 'sku-spoon', giftName: '茶匙', quantity: 1 }] }, { priority: 0 });
    const high = { ...GIFT, priority: 5 };
    const r = priceCart(cart([line('a', 30000)], { promotions: [other, high] }));
    expect(r.gifts.map((g) => g.promotionId)).toEqual(['mz']);
    expect(r.notApplied).toMatchObject([{ sourceId: 'mz2', code: 'exclusive' }]);
    const out = priceCart(cart([line('a', 30000)], { promotions: [other, high], giftStock: { 'sku-spoon': 3 } }));
    expect(out.gifts.map((g) => g.promotionId)).toEqual(['mz2']);
    expect(out.notApplied).toMatchObject([{ sourceId: 'mz', code: 'gift_out_of_stock' }]);
  });

  it('stacks with 满减 (its own exclusive group) and never takes its place', () => {
    const r = priceCart(cart([line('a', 30000)], { promotions: [GIFT, fullReduction('mj', [[30000, 3000]])] }));
    expect(r.applied.map((a) => [a.sourceId, a.amountFen])).toEqual([['mj', 3000], ['mz', 0]]);
    expect(r.totals.payableFen).toBe(27000);
    expect(r.gifts).toHaveLength(1);
  });

  it('names its gift SKUs for the stock check, and the admin form gets a SKU picker', () => {
    expect(giftSkusOf([GIFT, promo('x', 'full_reduction', { tiers: [{ thresholdFen: 2, discountFen: 1 }] })], KINDS)).toEqual(['sku-cup', 'sku-towel']);
    const tiers = argFields(ZFullGiftArgs).find((f) => f.key === 'tiers')!;
    expect(tiers.fields.find((f) => f.key === 'giftSkuId')).toMatchObject({ type: 'sku', required: true, label: { zh: '赠品' } });
  });

  it('refuses thresholds that do not rise, or a missing gift', () => {
    expect(ZFullGiftArgs.safeParse({ by: 'amount', tiers: [{ thresholdFen: 500, ...towel }, { thresholdFen: 500, ...towel }] }).success).toBe(false);
    expect(ZFullGiftArgs.safeParse({ by: 'amount', tiers: [{ thresholdFen: 500, giftSkuId: '', giftName: 'x' }] }).success).toBe(false);
    expect(ZFullGiftArgs.safeParse({ by: 'pieces', tiers: [{ thresholdFen: 500, ...towel }] }).success).toBe(false);
  });
});
