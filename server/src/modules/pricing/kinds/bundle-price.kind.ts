import { z } from 'zod';
import { definePromotionKind, type KindOutcome } from './kind.ts';
import { text, yuan } from '../texts.ts';
import { MAX_FEN } from './rates.ts';

export const ZBundlePriceArgs = z.strictObject({
  count: z.number().int().min(2).max(20).meta({ label: { zh: '任选件数（N）', en: 'Pieces per bundle (N)' } }),
  priceFen: z.number().int().min(1).max(MAX_FEN).meta({ label: { zh: '一口价', en: 'Bundle price' }, unit: 'fen', help: { zh: '活动商品在“适用范围”中选择', en: 'Choose the products in the scope' } }),
});
export type TBundlePriceArgs = z.output<typeof ZBundlePriceArgs>;

const ruleOf = (a: TBundlePriceArgs) => text(`${yuan(a.priceFen)} 任选 ${a.count} 件`, `Any ${a.count} for ${yuan(a.priceFen)}`);

/**
 * N元任选 (any N items from the scope's products for a fixed price), repeated as often as the cart
 * allows. Which units go into bundles is the shopper's best: the units are sorted by their price after
 * item-level prices, dearest first, and cut into bundles of N from the top; a bundle counts only when
 * its units cost more than the bundle price (so the cheap rest stays at its own price). The discount
 * (Σ bundled units − bundles × price) is spread by largest remainder over the lines whose units were
 * bundled. In the group `order_discount`: one of 满减 / 满折 / N元任选 per order, the cheapest for the shopper.
 */
export const bundlePrice = definePromotionKind<TBundlePriceArgs>({
  kind: 'bundle_price',
  target: 'promotion',
  stage: 'order',
  name: { zh: 'N元任选', en: 'Any N for a price' },
  description: { zh: '活动商品任选 N 件一口价，可多组', en: 'Any N of the chosen products for one price, as often as the cart allows' },
  args: ZBundlePriceArgs,
  stacking: { exclusiveGroup: 'order_discount', priority: 90 },
  summary: ruleOf,

  apply({ args, lines }): KindOutcome {
    const rule = ruleOf(args);
    const units: { lineId: string; price: number; index: number }[] = [];
    lines.forEach((l, index) => {
      for (let q = 0; q < l.quantity; q++) units.push({ lineId: l.lineId, price: l.salePriceFen, index });
    });
    units.sort((a, b) => b.price - a.price || a.index - b.index);
    let bundles = 0;
    let discount = 0;
    const on = new Set<string>();
    for (let k = 0; k + args.count <= units.length; k += args.count) {
      const bundle = units.slice(k, k + args.count);
      const worth = bundle.reduce((s, u) => s + u.price, 0);
      if (worth <= args.priceFen) break;
      bundles += 1;
      discount += worth - args.priceFen;
      for (const u of bundle) on.add(u.lineId);
    }
    if (units.length < args.count) {
      const short = args.count - units.length;
      return { type: 'not_applied', code: 'below_threshold', data: { count: args.count, have: units.length, short }, text: text(`${rule.zh}：还差 ${short} 件`, `${rule.en}: ${short} more piece(s) needed`) };
    }
    if (!bundles) return { type: 'not_applied', code: 'not_cheaper', data: { count: args.count, priceFen: args.priceFen }, text: text(`${rule.zh}：所选商品原价已不高于一口价`, `${rule.en}: these items already cost no more than that`) };
    const left = units.length - bundles * args.count;
    const short = args.count - (left % args.count);
    return {
      type: 'discount',
      amountFen: discount,
      onLineIds: lines.filter((l) => on.has(l.lineId)).map((l) => l.lineId),
      explain: (applied) => text(`${rule.zh}：${bundles} 组（按价高优先组合），已减 ${yuan(applied)}`, `${rule.en}: ${bundles} bundle(s), dearest items first, −${yuan(applied)}`),
      hint: left > 0 && left < args.count ? text(`再选 ${short} 件可再凑一组`, `Add ${short} more for another bundle`) : null,
    };
  },
});
