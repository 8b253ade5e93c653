import { z } from 'zod';
import { definePromotionKind, ruleIssue, type KindOutcome } from './kind.ts';
import { text, yuan } from '../texts.ts';
import { MAX_FEN, ZRateBp, baseOf, pieces, rateDiscount, zhe } from './rates.ts';

const BY = { amount: { zh: '按金额', en: 'By amount' }, pieces: { zh: '按件数', en: 'By pieces' } };

const ZTier = z.strictObject({
  thresholdFen: z.number().int().min(0).max(MAX_FEN).default(0).meta({ label: { zh: '满（金额）', en: 'Spend at least' }, unit: 'fen', help: { zh: '按金额时填写', en: 'When by amount' } }),
  pieces: z.number().int().min(0).max(999).default(0).meta({ label: { zh: '满（件）', en: 'At least (pieces)' }, help: { zh: '按件数时填写', en: 'When by pieces' } }),
  rateBp: ZRateBp({ zh: '折扣', en: 'Pay (basis points)' }),
});

export const ZFullDiscountArgs = z
  .strictObject({
    by: z.enum(['amount', 'pieces']).default('amount').meta({ label: { zh: '门槛类型', en: 'Threshold' }, options: BY }),
    tiers: z.array(ZTier).min(1).max(5).meta({
      label: { zh: '优惠门槛', en: 'Tiers' },
      help: { zh: '门槛从低到高，折扣逐档加深；只享受达到的最高一档', en: 'Thresholds rising, discounts deepening; the highest tier reached applies' },
    }),
  })
  .superRefine((a, ctx) => {
    const key = a.by === 'amount' ? 'thresholdFen' : 'pieces';
    a.tiers.forEach((t, i) => {
      if (t[key] < 1) ruleIssue(ctx, ['tiers', i, key], '请填写门槛', 'Enter the threshold');
      const prev = a.tiers[i - 1];
      if (prev && t[key] <= prev[key]) ruleIssue(ctx, ['tiers', i, key], '门槛须逐档升高', 'Thresholds must rise tier by tier');
      if (prev && t.rateBp >= prev.rateBp) ruleIssue(ctx, ['tiers', i, 'rateBp'], '折扣须逐档加深', 'Discounts must deepen tier by tier');
    });
  });
export type TFullDiscountArgs = z.output<typeof ZFullDiscountArgs>;
type Tier = TFullDiscountArgs['tiers'][number];

const need = (by: TFullDiscountArgs['by'], t: Tier) => (by === 'amount' ? t.thresholdFen : t.pieces);
const ruleOf = (by: TFullDiscountArgs['by'], t: Tier) =>
  by === 'amount'
    ? text(`满 ${yuan(t.thresholdFen)} 打 ${zhe(t.rateBp).zh}`, `${zhe(t.rateBp).en} over ${yuan(t.thresholdFen)}`)
    : text(`满 ${t.pieces} 件打 ${zhe(t.rateBp).zh}`, `${zhe(t.rateBp).en} on ${t.pieces}+ pieces`);

/**
 * 满折: tiers by the covered lines' amount after item-level prices, or by their pieces; the highest
 * tier reached takes its percentage off the covered amount (⌊·⌋ to the fen). Shares the exclusive group
 * `order_discount` with 满减: one of them per order, the one leaving the lowest payable.
 */
export const fullDiscount = definePromotionKind<TFullDiscountArgs>({
  kind: 'full_discount',
  target: 'promotion',
  stage: 'order',
  name: { zh: '满折', en: 'Spend & get % off' },
  description: { zh: '满一定金额或件数打折，可设多档', en: 'A percentage off over an amount or a number of pieces, in tiers' },
  args: ZFullDiscountArgs,
  stacking: { exclusiveGroup: 'order_discount', priority: 100 },

  summary: (a) => {
    const rules = a.tiers.map((t) => ruleOf(a.by, t));
    return text(rules.map((r) => r.zh).join('，'), rules.map((r) => r.en).join('; '));
  },

  apply({ args, lines }): KindOutcome {
    const base = baseOf(lines);
    const have = args.by === 'amount' ? base : pieces(lines);
    const reached = args.tiers.filter((t) => need(args.by, t) <= have).at(-1);
    const unit = (n: number) => (args.by === 'amount' ? text(yuan(n), yuan(n)) : text(`${n} 件`, `${n} piece(s)`));
    if (!reached) {
      const first = args.tiers[0]!;
      const short = need(args.by, first) - have;
      const rule = ruleOf(args.by, first);
      return {
        type: 'not_applied', code: 'below_threshold',
        data: { by: args.by, threshold: need(args.by, first), have, short, rateBp: first.rateBp },
        text: text(`${rule.zh}：还差 ${unit(short).zh}`, `${rule.en}: ${unit(short).en} short`),
      };
    }
    const rule = ruleOf(args.by, reached);
    const next = args.tiers.find((t) => need(args.by, t) > have);
    return {
      type: 'discount',
      amountFen: rateDiscount(base, reached.rateBp),
      explain: (applied) => text(`${rule.zh}：已减 ${yuan(applied)}`, `${rule.en}: −${yuan(applied)}`),
      hint: next ? text(`再买 ${unit(need(args.by, next) - have).zh} 可享 ${zhe(next.rateBp).zh}`, `Add ${unit(need(args.by, next) - have).en} more for ${zhe(next.rateBp).en}`) : null,
    };
  },
});
