import { z } from 'zod';
import { definePromotionKind, type PromotionKind } from './kinds/kind.ts';
import { fullReduction } from './kinds/full-reduction.kind.ts';
import { amountOff } from './kinds/amount-off.kind.ts';
import { kindRegistry } from './kinds/registry.ts';
import type { CouponKind } from './kinds/kind.ts';
import { text, yuan } from './texts.ts';

/**
 * Two kinds written the way issue 8 will write its own, used by the tests to exercise the item-level
 * and shipping stages of the engine and to show that a kind is one declared object.
 */
export const memberPercentPrice = definePromotionKind<{ percent: number }>({
  kind: 'test_member_price',
  target: 'promotion',
  stage: 'item',
  name: text('会员价（测试）', 'Member price (test)'),
  description: text('会员按折扣价购买', 'Members pay a percentage'),
  args: z.strictObject({ percent: z.number().int().min(1).max(99).meta({ label: text('折扣', 'Percent'), unit: 'percent' }) }),
  stacking: { priority: 50 },
  summary: (a) => text(`会员 ${a.percent}% 价`, `${a.percent}% for members`),
  apply({ args, lines, shopper }) {
    if (!shopper.memberLevelId) return { type: 'not_applied', code: 'not_member', data: {}, text: text('仅限会员', 'Members only') };
    return {
      type: 'prices',
      prices: new Map(lines.map((l) => [l.lineId, Math.floor((l.unitPriceFen * args.percent) / 100)])),
      explain: (saved, n) => text(`会员价 ${n} 件商品省 ${yuan(saved)}`, `Member price on ${n} item(s): −${yuan(saved)}`),
    };
  },
});

export const freeShippingOver = definePromotionKind<{ thresholdFen: number }>({
  kind: 'test_free_shipping',
  target: 'promotion',
  stage: 'shipping',
  name: text('满包邮（测试）', 'Free shipping (test)'),
  description: text('满额包邮', 'Free shipping over an amount'),
  args: z.strictObject({ thresholdFen: z.number().int().min(0).meta({ label: text('满', 'Over'), unit: 'fen' }) }),
  stacking: { exclusiveGroup: 'free_shipping', priority: 10 },
  summary: (a) => text(`满 ${yuan(a.thresholdFen)} 包邮`, `Free shipping over ${yuan(a.thresholdFen)}`),
  apply({ args, lines, shipping }) {
    const base = lines.reduce((s, l) => s + l.baseFen, 0);
    if (base < args.thresholdFen) return { type: 'not_applied', code: 'below_threshold', data: { shortFen: args.thresholdFen - base }, text: text('未满包邮', 'Below free shipping') };
    return { type: 'shipping', amountFen: shipping.feeFen, explain: (a) => text(`包邮：运费减 ${yuan(a)}`, `Free shipping: −${yuan(a)}`) };
  },
});

export const TEST_KINDS = kindRegistry([fullReduction as PromotionKind, memberPercentPrice as PromotionKind, freeShippingOver as PromotionKind], [amountOff as CouponKind]);
