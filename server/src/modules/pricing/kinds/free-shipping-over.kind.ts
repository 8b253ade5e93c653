import { z } from 'zod';
import { definePromotionKind, ruleIssue, type KindOutcome } from './kind.ts';
import { text, yuan } from '../texts.ts';
import { MAX_FEN, baseOf, pieces } from './rates.ts';

export const ZFreeShippingOverArgs = z
  .strictObject({
    by: z.enum(['amount', 'pieces']).default('amount').meta({ label: { zh: '门槛类型', en: 'Threshold' }, options: { amount: { zh: '按金额', en: 'By amount' }, pieces: { zh: '按件数', en: 'By pieces' } } }),
    thresholdFen: z.number().int().min(0).max(MAX_FEN).default(0).meta({
      label: { zh: '满（金额）', en: 'Spend at least' }, unit: 'fen',
      help: { zh: '按金额时：优惠（含优惠券）后的商品金额', en: 'By amount: the goods after promotions and coupons' },
    }),
    pieces: z.number().int().min(0).max(999).default(0).meta({ label: { zh: '满（件）', en: 'At least (pieces)' } }),
  })
  .superRefine((a, ctx) => {
    if (a.by === 'pieces' && a.pieces < 1) ruleIssue(ctx, ['pieces'], '请填写件数', 'Enter the number of pieces');
  });
export type TFreeShippingOverArgs = z.output<typeof ZFreeShippingOverArgs>;

const ruleOf = (a: TFreeShippingOverArgs) =>
  a.by === 'pieces'
    ? text(`满 ${a.pieces} 件包邮`, `Free shipping on ${a.pieces}+ pieces`)
    : a.thresholdFen > 0 ? text(`满 ${yuan(a.thresholdFen)} 包邮`, `Free shipping over ${yuan(a.thresholdFen)}`) : text('全场包邮', 'Free shipping');

/**
 * 满包邮: in the shipping stage, the whole fee (what coupons left of it) when the covered lines reach
 * the amount — what they still cost after promotions and coupons, as Taobao counts it — or the pieces.
 * One free-shipping promotion per order (exclusive group `free_shipping`).
 */
export const freeShippingOver = definePromotionKind<TFreeShippingOverArgs>({
  kind: 'free_shipping_over',
  target: 'promotion',
  stage: 'shipping',
  name: { zh: '满包邮', en: 'Free shipping over' },
  description: { zh: '满一定金额或件数免运费', en: 'No shipping fee over an amount or a number of pieces' },
  args: ZFreeShippingOverArgs,
  stacking: { exclusiveGroup: 'free_shipping', priority: 100 },
  summary: ruleOf,

  apply({ args, lines, shipping }): KindOutcome {
    const rule = ruleOf(args);
    const have = args.by === 'pieces' ? pieces(lines) : baseOf(lines);
    const need = args.by === 'pieces' ? args.pieces : args.thresholdFen;
    if (have < need) {
      const short = need - have;
      const unit = args.by === 'pieces' ? text(`${short} 件`, `${short} piece(s)`) : text(yuan(short), yuan(short));
      return { type: 'not_applied', code: 'below_threshold', data: { by: args.by, threshold: need, have, short }, text: text(`${rule.zh}：还差 ${unit.zh}`, `${rule.en}: ${unit.en} short`) };
    }
    // In the cart (no fee quoted yet) or on a fee-free order: reached, but nothing to take off.
    if (shipping.remainingFen === 0) return { type: 'not_applied', code: 'no_shipping_fee', data: { by: args.by, threshold: need, have }, text: text(`${rule.zh}：已满足包邮条件`, `${rule.en}: reached`) };
    return { type: 'shipping', amountFen: shipping.remainingFen, explain: (applied) => text(`${rule.zh}：运费减 ${yuan(applied)}`, `${rule.en}: −${yuan(applied)} shipping`) };
  },
});
