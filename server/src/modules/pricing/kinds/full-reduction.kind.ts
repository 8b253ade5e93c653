import { z } from 'zod';
import { definePromotionKind, ruleIssue } from './kind.ts';
import { text, yuan } from '../texts.ts';

const MAX_FEN = 100_000_000_00; // ¥100,000,000

const ZTier = z.strictObject({
  thresholdFen: z.number().int().min(1).max(MAX_FEN).meta({ label: { zh: '满', en: 'Spend at least' }, unit: 'fen' }),
  discountFen: z.number().int().min(1).max(MAX_FEN).meta({ label: { zh: '减', en: 'Take off' }, unit: 'fen' }),
});

export const ZFullReductionArgs = z
  .strictObject({
    tiers: z.array(ZTier).min(1).max(5).meta({
      label: { zh: '优惠门槛', en: 'Tiers' },
      help: { zh: '门槛从低到高，优惠随门槛递增；只享受达到的最高一档', en: 'Thresholds rising, discounts rising; the highest tier reached applies' },
    }),
    repeat: z.boolean().default(false).meta({
      label: { zh: '每满（上不封顶）', en: 'Every (no cap)' },
      help: { zh: '每满门槛减一次，不设上限；只能设一个门槛', en: 'Takes the discount off once per full threshold, without a cap; one tier only' },
    }),
  })
  .superRefine((a, ctx) => {
    if (a.repeat && a.tiers.length !== 1) ruleIssue(ctx, ['tiers'], '每满只能设一个门槛', '"Every" takes exactly one tier');
    a.tiers.forEach((t, i) => {
      if (t.discountFen >= t.thresholdFen) ruleIssue(ctx, ['tiers', i, 'discountFen'], '优惠须低于门槛', 'The discount must be below the threshold');
      const prev = a.tiers[i - 1];
      if (prev && t.thresholdFen <= prev.thresholdFen) ruleIssue(ctx, ['tiers', i, 'thresholdFen'], '门槛须逐档升高', 'Thresholds must rise tier by tier');
      if (prev && t.discountFen <= prev.discountFen) ruleIssue(ctx, ['tiers', i, 'discountFen'], '优惠须逐档升高', 'Discounts must rise tier by tier');
    });
  });
export type TFullReductionArgs = z.output<typeof ZFullReductionArgs>;

/**
 * 满减: tiers on the amount of the covered lines after item-level prices (其他满减 and coupons do not
 * lower it), the highest tier reached applies; or 每满 (repeat): the one tier's discount once per full
 * threshold, 上不封顶. Only one 满减 applies to an order (exclusive group `order_discount`, which 满折
 * will share): the engine keeps the one that leaves the shopper the lowest payable.
 */
export const fullReduction = definePromotionKind<TFullReductionArgs>({
  kind: 'full_reduction',
  target: 'promotion',
  stage: 'order',
  name: { zh: '满减', en: 'Spend & save' },
  description: { zh: '订单满一定金额减现金，可设多档或每满减', en: 'Money off orders over an amount, in tiers or for every full amount' },
  args: ZFullReductionArgs,
  stacking: { exclusiveGroup: 'order_discount', priority: 100 },

  summary(a) {
    if (a.repeat) {
      const t = a.tiers[0]!;
      return text(`每满 ${yuan(t.thresholdFen)} 减 ${yuan(t.discountFen)}，上不封顶`, `${yuan(t.discountFen)} off every ${yuan(t.thresholdFen)}, no cap`);
    }
    return text(
      a.tiers.map((t) => `满 ${yuan(t.thresholdFen)} 减 ${yuan(t.discountFen)}`).join('，'),
      a.tiers.map((t) => `${yuan(t.discountFen)} off over ${yuan(t.thresholdFen)}`).join('; '),
    );
  },

  apply({ args, lines }) {
    const base = lines.reduce((s, l) => s + l.baseFen, 0);
    const first = args.tiers[0]!;
    if (args.repeat) {
      const times = Math.floor(base / first.thresholdFen);
      const rule = text(`每满 ${yuan(first.thresholdFen)} 减 ${yuan(first.discountFen)}`, `${yuan(first.discountFen)} off every ${yuan(first.thresholdFen)}`);
      if (times === 0) return below(rule, first.thresholdFen, first.discountFen, base);
      const short = (times + 1) * first.thresholdFen - base;
      return {
        type: 'discount',
        amountFen: times * first.discountFen,
        explain: (applied) => text(`${rule.zh}：已减 ${yuan(applied)}`, `${rule.en}: −${yuan(applied)}`),
        hint: text(`再买 ${yuan(short)} 可再减 ${yuan(first.discountFen)}`, `Add ${yuan(short)} more to save ${yuan(first.discountFen)} more`),
      };
    }
    const reached = args.tiers.filter((t) => t.thresholdFen <= base).at(-1);
    if (!reached) return below(ruleOf(first), first.thresholdFen, first.discountFen, base);
    const next = args.tiers.find((t) => t.thresholdFen > base);
    const rule = ruleOf(reached);
    return {
      type: 'discount',
      amountFen: reached.discountFen,
      explain: (applied) => text(`${rule.zh}：已减 ${yuan(applied)}`, `${rule.en}: −${yuan(applied)}`),
      hint: next
        ? text(`再买 ${yuan(next.thresholdFen - base)} 可减 ${yuan(next.discountFen)}`, `Add ${yuan(next.thresholdFen - base)} more to save ${yuan(next.discountFen)}`)
        : null,
    };
  },
});

function ruleOf(t: { thresholdFen: number; discountFen: number }) {
  return text(`满 ${yuan(t.thresholdFen)} 减 ${yuan(t.discountFen)}`, `${yuan(t.discountFen)} off over ${yuan(t.thresholdFen)}`);
}

function below(rule: { zh: string; en: string }, thresholdFen: number, discountFen: number, baseFen: number) {
  const shortFen = thresholdFen - baseFen;
  return {
    type: 'not_applied' as const,
    code: 'below_threshold',
    data: { thresholdFen, discountFen, baseFen, shortFen },
    text: text(`${rule.zh}：差 ${yuan(shortFen)} 可减 ${yuan(discountFen)}`, `${rule.en}: add ${yuan(shortFen)} more to save ${yuan(discountFen)}`),
  };
}
