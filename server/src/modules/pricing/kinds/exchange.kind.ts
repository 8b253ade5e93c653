import { z } from 'zod';
import { defineCouponKind, type KindOutcome } from './kind.ts';
import { text, yuan } from '../texts.ts';
import { MAX_FEN } from './rates.ts';

export const ZExchangeArgs = z.strictObject({
  maxValueFen: z.number().int().min(0).max(MAX_FEN).default(0).meta({
    label: { zh: '最高抵扣', en: 'Worth at most' }, unit: 'fen',
    help: { zh: '可兑换的商品在“适用范围”中选择；0 为不限', en: 'Choose the products in the scope; 0 for no limit' },
  }),
});
export type TExchangeArgs = z.output<typeof ZExchangeArgs>;

const ruleOf = (a: TExchangeArgs) => (a.maxValueFen > 0 ? text(`兑换 1 件商品（最高 ${yuan(a.maxValueFen)}）`, `One item free (up to ${yuan(a.maxValueFen)})`) : text('兑换 1 件商品', 'One item free'));

/**
 * 商品兑换券: one unit of a product in its scope for free — the dearest unit after item-level prices,
 * for the shopper — at most `maxValueFen`. The discount sits on that unit's line only. Its own group
 * `exchange_coupon`: one per order, usable with one goods coupon and one 运费券; it acts before them
 * (priority 110), so the unit is wholly free and the goods coupon spreads over the rest.
 */
export const exchange = defineCouponKind<TExchangeArgs>({
  kind: 'exchange',
  target: 'coupon',
  stage: 'coupon',
  name: { zh: '商品兑换券', en: 'Free-item coupon' },
  description: { zh: '免费兑换指定商品 1 件', en: 'One of the chosen products for free' },
  args: ZExchangeArgs,
  stacking: { exclusiveGroup: 'exchange_coupon', priority: 110 },
  summary: ruleOf,

  apply({ args, lines }): KindOutcome {
    const rule = ruleOf(args);
    const dearest = [...lines].sort((a, b) => b.salePriceFen - a.salePriceFen)[0];
    if (!dearest || dearest.salePriceFen === 0) return { type: 'not_applied', code: 'nothing_to_exchange', data: {}, text: text(`${rule.zh}：所选商品无可兑换的`, `${rule.en}: nothing to take for free`) };
    const amount = args.maxValueFen > 0 ? Math.min(dearest.salePriceFen, args.maxValueFen) : dearest.salePriceFen;
    return {
      type: 'discount', amountFen: amount, onLineIds: [dearest.lineId],
      explain: (applied) => text(`${rule.zh} 券：已减 ${yuan(applied)}`, `Coupon ${rule.en}: −${yuan(applied)}`),
    };
  },
});
