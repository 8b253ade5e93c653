import { z } from 'zod';
import { defineCouponKind, ruleIssue } from './kind.ts';
import { text, yuan } from '../texts.ts';

const MAX_FEN = 100_000_000_00;

export const ZAmountOffArgs = z
  .strictObject({
    thresholdFen: z.number().int().min(0).max(MAX_FEN).meta({
      label: { zh: '使用门槛（满）', en: 'Minimum spend' },
      unit: 'fen',
      help: { zh: '可用商品满多少可用；0 为无门槛', en: 'Eligible items must reach this amount; 0 for no minimum' },
    }),
    amountFen: z.number().int().min(1).max(MAX_FEN).meta({ label: { zh: '减', en: 'Amount off' }, unit: 'fen' }),
  })
  .superRefine((a, ctx) => {
    if (a.thresholdFen > 0 && a.amountFen >= a.thresholdFen) ruleIssue(ctx, ['amountFen'], '优惠须低于使用门槛', 'The amount must be below the minimum spend');
  });
export type TAmountOffArgs = z.output<typeof ZAmountOffArgs>;

const ruleOf = (a: TAmountOffArgs) =>
  a.thresholdFen > 0
    ? text(`满 ${yuan(a.thresholdFen)} 减 ${yuan(a.amountFen)}`, `${yuan(a.amountFen)} off over ${yuan(a.thresholdFen)}`)
    : text(`无门槛减 ${yuan(a.amountFen)}`, `${yuan(a.amountFen)} off, no minimum`);

/**
 * 满减券: the amount off when the covered lines reach the threshold. What the threshold looks at is
 * the merchant's policy (before or after 满减). One coupon of this group per order.
 */
export const amountOff = defineCouponKind<TAmountOffArgs>({
  kind: 'amount_off',
  target: 'coupon',
  stage: 'coupon',
  name: { zh: '满减券', en: 'Amount-off coupon' },
  description: { zh: '满一定金额减现金，可设为无门槛', en: 'Money off over a minimum spend, or with none' },
  args: ZAmountOffArgs,
  stacking: { exclusiveGroup: 'order_coupon', priority: 100 },

  summary: ruleOf,

  apply({ args, lines, policy }) {
    const base = lines.reduce((s, l) => s + l.baseFen, 0);
    const rule = ruleOf(args);
    if (base < args.thresholdFen) {
      const shortFen = args.thresholdFen - base;
      const after = policy.couponThresholdBase === 'after_order_promotions';
      return {
        type: 'not_applied',
        code: 'below_threshold',
        data: { thresholdFen: args.thresholdFen, amountFen: args.amountFen, baseFen: base, shortFen },
        text: text(
          `${rule.zh}：可用商品${after ? '优惠后' : ''} ${yuan(base)}，差 ${yuan(shortFen)}`,
          `${rule.en}: eligible items come to ${yuan(base)}${after ? ' after promotions' : ''}, ${yuan(shortFen)} short`,
        ),
      };
    }
    return {
      type: 'discount',
      amountFen: args.amountFen,
      explain: (applied) => text(`${rule.zh} 券：已减 ${yuan(applied)}`, `Coupon ${rule.en}: −${yuan(applied)}`),
    };
  },
});
