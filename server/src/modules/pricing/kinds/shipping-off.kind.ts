import { z } from 'zod';
import { defineCouponKind, type KindOutcome } from './kind.ts';
import { text, yuan } from '../texts.ts';
import { MAX_FEN, baseOf } from './rates.ts';

export const ZShippingOffArgs = z.strictObject({
  thresholdFen: z.number().int().min(0).max(MAX_FEN).default(0).meta({ label: { zh: '使用门槛（满）', en: 'Minimum spend' }, unit: 'fen', help: { zh: '0 为无门槛', en: '0 for no minimum' } }),
  amountFen: z.number().int().min(1).max(MAX_FEN).meta({ label: { zh: '运费最多减', en: 'Shipping off, at most' }, unit: 'fen', help: { zh: '超过运费时按运费封顶', en: 'Never more than the fee' } }),
});
export type TShippingOffArgs = z.output<typeof ZShippingOffArgs>;

const ruleOf = (a: TShippingOffArgs) =>
  text(`${a.thresholdFen > 0 ? `满 ${yuan(a.thresholdFen)} ` : ''}运费减 ${yuan(a.amountFen)}`, `${yuan(a.amountFen)} off shipping${a.thresholdFen > 0 ? ` over ${yuan(a.thresholdFen)}` : ''}`);

/**
 * 运费券: money off the shipping fee, at most the fee. Its own group `shipping_coupon`, so it can be used
 * together with one goods coupon (满减券 / 折扣券). It acts in the coupon stage, before 满包邮: the
 * checkout's best choice leaves it in the wallet when free shipping would cover the fee anyway.
 */
export const shippingOff = defineCouponKind<TShippingOffArgs>({
  kind: 'shipping_off',
  target: 'coupon',
  stage: 'coupon',
  name: { zh: '运费券', en: 'Shipping coupon' },
  description: { zh: '抵扣运费', en: 'Money off the shipping fee' },
  args: ZShippingOffArgs,
  stacking: { exclusiveGroup: 'shipping_coupon', priority: 50 },
  summary: ruleOf,

  apply({ args, lines, shipping }): KindOutcome {
    const base = baseOf(lines);
    const rule = ruleOf(args);
    if (base < args.thresholdFen) {
      const shortFen = args.thresholdFen - base;
      return { type: 'not_applied', code: 'below_threshold', data: { thresholdFen: args.thresholdFen, baseFen: base, shortFen }, text: text(`${rule.zh}：差 ${yuan(shortFen)}`, `${rule.en}: ${yuan(shortFen)} short`) };
    }
    if (shipping.remainingFen === 0) return { type: 'not_applied', code: 'no_shipping_fee', data: {}, text: text('本单无运费', 'No shipping fee on this order') };
    return { type: 'shipping', amountFen: Math.min(args.amountFen, shipping.remainingFen), explain: (applied) => text(`运费券：运费减 ${yuan(applied)}`, `Shipping coupon: −${yuan(applied)}`) };
  },
});
