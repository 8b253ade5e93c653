import { describe, expect, it } from 'vitest';
import type { TArgField } from '@koi/contracts';
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

  it('gives every field of every kind a label in both languages and a type the admin form renders', () => {
    const { promotions, coupons } = describeKinds(KINDS);
    const check = (f: TArgField, inRow: boolean) => {
      expect(f.label.zh, `${f.key} zh`).not.toBe(f.key);
      expect(f.label.en, `${f.key} en`).not.toBe(f.key);
      // Rows of a list render fen / percent / whole-number / text / SKU-picker cells only.
      expect(inRow ? ['fen', 'percent', 'integer', 'text', 'sku'] : ['fen', 'percent', 'integer', 'boolean', 'text', 'enum', 'list', 'sku']).toContain(f.type);
      if (f.type === 'enum') for (const o of f.options) expect(o.label.zh).not.toBe(o.value);
      for (const c of f.fields) check(c, true);
    };
    for (const k of [...promotions, ...coupons]) {
      expect(k.name.zh && k.name.en && k.description.zh && k.description.en).toBeTruthy();
      expect(k.fields.length).toBeGreaterThan(0);
      for (const f of k.fields) check(f, false);
    }
    const xs = promotions.find((k) => k.kind === 'timed_discount')!;
    expect(xs.fields.map((f) => [f.key, f.type, f.required])).toEqual([['startsAt', 'text', true], ['endsAt', 'text', true], ['items', 'list', true]]);
    expect(xs.fields[2]!.fields.map((f) => [f.key, f.type, f.required])).toEqual([['skuId', 'text', true], ['priceFen', 'fen', false], ['rateBp', 'integer', false]]);
    const zk = coupons.find((k) => k.kind === 'percent_off')!;
    expect(zk.fields.map((f) => [f.key, f.type, f.min, f.max])).toEqual([['thresholdFen', 'fen', 0, 10_000_000_000], ['rateBp', 'integer', 100, 9900], ['capFen', 'fen', 1, 10_000_000_000]]);
  });
});
