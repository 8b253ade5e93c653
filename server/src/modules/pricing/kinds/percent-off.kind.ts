import { z } from 'zod';
import { defineCouponKind, type KindOutcome } from './kind.ts';
import { text, yuan } from '../texts.ts';
import { MAX_FEN, ZRateBp, baseOf, rateDiscount, zhe } from './rates.ts';

export const ZPercentOffArgs = z.strictObject({
  thresholdFen: z.number().int().min(0).max(MAX_FEN).default(0).meta({ label: { zh: '使用门槛（满）', en: 'Minimum spend' }, unit: 'fen', help: { zh: '0 为无门槛', en: '0 for no minimum' } }),
  rateBp: ZRateBp({ zh: '折扣', en: 'Pay (basis points)' }),
  capFen: z.number().int().min(1).max(MAX_FEN).meta({ label: { zh: '最多优惠', en: 'At most' }, unit: 'fen' }),
});
export type TPercentOffArgs = z.output<typeof ZPercentOffArgs>;

const ruleOf = (a: TPercentOffArgs) =>
  text(
    `${a.thresholdFen > 0 ? `满 ${yuan(a.thresholdFen)} ` : ''}${zhe(a.rateBp).zh}，最多减 ${yuan(a.capFen)}`,
    `${zhe(a.rateBp).en}${a.thresholdFen > 0 ? ` over ${yuan(a.thresholdFen)}` : ''}, up to ${yuan(a.capFen)}`,
  );

/**
 * 折扣券: a rate off the covered lines (⌊·⌋ to the fen), capped; the threshold and the amount both look
 * at the coupon base of the policy (after 满减 by default). One goods coupon per order (group `order_coupon`).
 */
export const percentOff = defineCouponKind<TPercentOffArgs>({
  kind: 'percent_off',
  target: 'coupon',
  stage: 'coupon',
  name: { zh: '折扣券', en: 'Percent-off coupon' },
  description: { zh: '按折扣优惠，设最高优惠金额', en: 'A percentage off, with a cap' },
  args: ZPercentOffArgs,
  stacking: { exclusiveGroup: 'order_coupon', priority: 100 },
  summary: ruleOf,

  apply({ args, lines }): KindOutcome {
    const base = baseOf(lines);
    const rule = ruleOf(args);
    if (base < args.thresholdFen) {
      const shortFen = args.thresholdFen - base;
      return { type: 'not_applied', code: 'below_threshold', data: { thresholdFen: args.thresholdFen, baseFen: base, shortFen }, text: text(`${rule.zh}：可用商品 ${yuan(base)}，差 ${yuan(shortFen)}`, `${rule.en}: eligible items come to ${yuan(base)}, ${yuan(shortFen)} short`) };
    }
    const raw = rateDiscount(base, args.rateBp);
    const capped = raw > args.capFen;
    return {
      type: 'discount',
      amountFen: Math.min(raw, args.capFen),
      explain: (applied) => text(`${rule.zh} 券：已减 ${yuan(applied)}${capped ? '（已达封顶）' : ''}`, `Coupon ${rule.en}: −${yuan(applied)}${capped ? ' (capped)' : ''}`),
    };
  },
});
