import { describe, expect, it } from 'vitest';
import { describeKinds } from './describe-args.ts';
import { KINDS } from './registry.ts';

describe('describeKinds', () => {
  it('generates the admin form of 满减 from its args schema, labels and units included', () => {
    const { promotions, coupons } = describeKinds(KINDS);
    const mj = promotions.find((k) => k.kind === 'full_reduction')!;
    expect(mj).toMatchObject({ stage: 'order', exclusiveGroup: 'order_discount', name: { zh: '满减', en: 'Spend & save' } });
    expect(mj.fields.map((f) => [f.key, f.type, f.label.zh, f.required])).toEqual([['tiers', 'list', '优惠门槛', true], ['repeat', 'boolean', '每满（上不封顶）', false]]);
    const tiers = mj.fields[0]!;
    expect([tiers.minItems, tiers.maxItems]).toEqual([1, 5]);
    expect(tiers.fields.map((f) => [f.key, f.type, f.label.zh, f.min])).toEqual([['thresholdFen', 'fen', '满', 1], ['discountFen', 'fen', '减', 1]]);
    expect(mj.fields[1]!.default).toBe(false);
    const coupon = coupons.find((k) => k.kind === 'amount_off')!;
    expect(coupon.fields.map((f) => [f.key, f.type, f.min])).toEqual([['thresholdFen', 'fen', 0], ['amountFen', 'fen', 1]]);
    expect(coupon.fields[0]!.help?.zh).toBe('可用商品满多少可用；0 为无门槛');
  });
});
