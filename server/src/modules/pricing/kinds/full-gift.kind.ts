import { z } from 'zod';
import { definePromotionKind, ruleIssue, type KindOutcome } from './kind.ts';
import { text, yuan } from '../texts.ts';
import { MAX_FEN, baseOf, pieces } from './rates.ts';

const BY = { amount: { zh: '按金额', en: 'By amount' }, pieces: { zh: '按件数', en: 'By pieces' } };

const ZTier = z.strictObject({
  thresholdFen: z.number().int().min(0).max(MAX_FEN).default(0).meta({ label: { zh: '满（金额）', en: 'Spend at least' }, unit: 'fen', help: { zh: '按金额时填写', en: 'When by amount' } }),
  pieces: z.number().int().min(0).max(999).default(0).meta({ label: { zh: '满（件）', en: 'At least (pieces)' }, help: { zh: '按件数时填写', en: 'When by pieces' } }),
  giftSkuId: z.string().min(1).max(64).meta({ label: { zh: '赠品', en: 'Gift' }, widget: 'sku', help: { zh: '选择赠送的商品规格', en: 'The SKU given away' } }),
  giftName: z.string().trim().min(1).max(40).meta({ label: { zh: '赠品名称', en: 'Gift name' }, help: { zh: '如「茶巾一条」，展示给顾客', en: 'As the shopper reads it, e.g. “a tea towel”' } }),
  quantity: z.number().int().min(1).max(99).default(1).meta({ label: { zh: '赠送数量', en: 'Quantity' } }),
});

export const ZFullGiftArgs = z
  .strictObject({
    by: z.enum(['amount', 'pieces']).default('amount').meta({ label: { zh: '门槛类型', en: 'Threshold' }, options: BY }),
    tiers: z.array(ZTier).min(1).max(5).meta({
      label: { zh: '赠品门槛', en: 'Tiers' },
      help: { zh: '门槛从低到高；只赠达到的最高一档的赠品', en: 'Thresholds rising; the gift of the highest tier reached is given' },
    }),
  })
  .superRefine((a, ctx) => {
    const key = a.by === 'amount' ? 'thresholdFen' : 'pieces';
    a.tiers.forEach((t, i) => {
      if (t[key] < 1) ruleIssue(ctx, ['tiers', i, key], '请填写门槛', 'Enter the threshold');
      const prev = a.tiers[i - 1];
      if (prev && t[key] <= prev[key]) ruleIssue(ctx, ['tiers', i, key], '门槛须逐档升高', 'Thresholds must rise tier by tier');
    });
  });
export type TFullGiftArgs = z.output<typeof ZFullGiftArgs>;
type Tier = TFullGiftArgs['tiers'][number];

const need = (by: TFullGiftArgs['by'], t: Tier) => (by === 'amount' ? t.thresholdFen : t.pieces);
const giftOf = (t: Tier) => text(`${t.giftName}${t.quantity > 1 ? ` ×${t.quantity}` : ''}`, `${t.giftName}${t.quantity > 1 ? ` ×${t.quantity}` : ''}`);
const ruleOf = (by: TFullGiftArgs['by'], t: Tier) => {
  const g = giftOf(t);
  return by === 'amount'
    ? text(`满 ${yuan(t.thresholdFen)} 赠 ${g.zh}`, `Free ${g.en} over ${yuan(t.thresholdFen)}`)
    : text(`满 ${t.pieces} 件赠 ${g.zh}`, `Free ${g.en} with ${t.pieces}+ pieces`);
};

/**
 * 满赠: tiers on the amount (after item-level prices, like 满减) or the pieces of the covered lines;
 * the highest tier reached gives its SKU × quantity. A gift costs nothing and changes no payable: the
 * engine lists it in `gifts` (and in `applied` with amount 0), never in a line's allocation, so
 * refunds of the paid lines stay exact. The engine checks the gift's stock when the checkout passes it
 * (`giftStock`): too few units left → not applied, "赠品已赠完". One 满赠 per order (exclusive group
 * `order_gift`, apart from 满减/满折 so it stacks with them); of several the highest ranked applies.
 */
export const fullGift = definePromotionKind<TFullGiftArgs>({
  kind: 'full_gift',
  target: 'promotion',
  stage: 'order',
  name: { zh: '满赠', en: 'Gift with purchase' },
  description: { zh: '订单满一定金额或件数赠送商品', en: 'A free item with orders over an amount or a number of pieces' },
  args: ZFullGiftArgs,
  stacking: { exclusiveGroup: 'order_gift', priority: 80 },
  giftSkuIds: (a) => a.tiers.map((t) => t.giftSkuId),

  summary(a) {
    return text(a.tiers.map((t) => ruleOf(a.by, t).zh).join('，'), a.tiers.map((t) => ruleOf(a.by, t).en).join('; '));
  },

  apply({ args, lines }): KindOutcome {
    const have = args.by === 'amount' ? baseOf(lines) : pieces(lines);
    const reached = args.tiers.filter((t) => need(args.by, t) <= have).at(-1);
    const next = args.tiers.find((t) => need(args.by, t) > have);
    if (!reached) {
      const first = args.tiers[0]!;
      const short = need(args.by, first) - have;
      const g = giftOf(first);
      return {
        type: 'not_applied', code: 'below_threshold', data: { threshold: need(args.by, first), have, short },
        text: args.by === 'amount'
          ? text(`${ruleOf(args.by, first).zh}：差 ${yuan(short)} 可获赠 ${g.zh}`, `${ruleOf(args.by, first).en}: add ${yuan(short)} more to get it`)
          : text(`${ruleOf(args.by, first).zh}：再买 ${short} 件可获赠 ${g.zh}`, `${ruleOf(args.by, first).en}: add ${short} more pieces to get it`),
      };
    }
    const rule = ruleOf(args.by, reached);
    return {
      type: 'gift', skuId: reached.giftSkuId, quantity: reached.quantity,
      text: text(`${rule.zh}：赠品随订单发出`, `${rule.en}: it ships free with your order`),
      hint: next
        ? args.by === 'amount'
          ? text(`再买 ${yuan(next.thresholdFen - have)} 可换赠 ${giftOf(next).zh}`, `Add ${yuan(next.thresholdFen - have)} more for ${giftOf(next).en}`)
          : text(`再买 ${next.pieces - have} 件可换赠 ${giftOf(next).zh}`, `Add ${next.pieces - have} more pieces for ${giftOf(next).en}`)
        : null,
    };
  },
});
