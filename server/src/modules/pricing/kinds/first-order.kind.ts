import { z } from 'zod';
import { definePromotionKind, ruleIssue, type KindOutcome } from './kind.ts';
import { text, yuan } from '../texts.ts';
import { MAX_FEN, rateDiscount, zhe } from './rates.ts';

export const ZFirstOrderArgs = z
  .strictObject({
    amountFen: z.number().int().min(0).max(MAX_FEN).default(0).meta({ label: { zh: '立减', en: 'Amount off' }, unit: 'fen', help: { zh: '立减或折扣填其一', en: 'An amount or a rate, not both' } }),
    rateBp: z.number().int().min(0).max(9900).default(0).meta({ label: { zh: '折扣（万分比）', en: 'Pay (basis points)' }, help: { zh: '9 折填 9000；填了立减则留 0', en: '9000 = 10 % off; 0 when an amount is set' } }),
    capFen: z.number().int().min(0).max(MAX_FEN).default(0).meta({ label: { zh: '最多优惠', en: 'At most' }, unit: 'fen', help: { zh: '折扣时的封顶，0 为不封顶', en: 'Cap of a rate; 0 for none' } }),
  })
  .superRefine((a, ctx) => {
    if ((a.amountFen > 0) === (a.rateBp > 0)) ruleIssue(ctx, ['amountFen'], '立减与折扣须填且只填一个', 'Set either an amount or a rate');
    if (a.rateBp > 0 && a.rateBp < 100) ruleIssue(ctx, ['rateBp'], '折扣不能低于 100（0.1 折）', 'At least 100 basis points');
  });
export type TFirstOrderArgs = z.output<typeof ZFirstOrderArgs>;

const ruleOf = (a: TFirstOrderArgs) =>
  a.amountFen > 0
    ? text(`首单立减 ${yuan(a.amountFen)}`, `${yuan(a.amountFen)} off your first order`)
    : text(`首单 ${zhe(a.rateBp).zh}${a.capFen > 0 ? `，最多减 ${yuan(a.capFen)}` : ''}`, `${zhe(a.rateBp).en} your first order${a.capFen > 0 ? `, up to ${yuan(a.capFen)}` : ''}`);

/**
 * 首单优惠: for a signed-in shopper with no order before this one (the fact `isFirstOrder` comes from
 * the order module through the checkout link). An amount, or a rate (optionally capped) of what the
 * covered lines still cost after 满减 / 满折: no exclusive group, it stacks with them, after them (priority 50).
 * Under concurrency the order module decides: the order that applied it claims the shopper's one
 * `order_first_claims` row in its transaction, so of two parallel first checkouts only one keeps it.
 */
export const firstOrder = definePromotionKind<TFirstOrderArgs>({
  kind: 'first_order',
  target: 'promotion',
  stage: 'order',
  name: { zh: '首单优惠', en: 'First-order discount' },
  description: { zh: '新客第一笔订单立减或打折', en: 'Money or a percentage off a new customer’s first order' },
  args: ZFirstOrderArgs,
  stacking: { priority: 50 },
  summary: ruleOf,

  apply({ args, lines, shopper }): KindOutcome {
    const rule = ruleOf(args);
    if (!shopper.customerId) return { type: 'not_applied', code: 'sign_in_required', data: {}, text: text(`${rule.zh}：登录后可享`, `${rule.en}: sign in to get it`) };
    if (!shopper.isFirstOrder) return { type: 'not_applied', code: 'not_first_order', data: {}, text: text(`${rule.zh}：仅限首次下单`, `${rule.en}: first orders only`) };
    const rate = args.amountFen > 0 ? 0 : rateDiscount(lines.reduce((s, l) => s + l.remainingFen, 0), args.rateBp);
    const amount = args.amountFen > 0 ? args.amountFen : args.capFen > 0 ? Math.min(rate, args.capFen) : rate;
    return { type: 'discount', amountFen: amount, explain: (applied) => text(`${rule.zh}：已减 ${yuan(applied)}`, `${rule.en}: −${yuan(applied)}`) };
  },
});
