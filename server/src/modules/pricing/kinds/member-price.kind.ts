import { z } from 'zod';
import { definePromotionKind, ruleIssue, type KindOutcome } from './kind.ts';
import { text, yuan } from '../texts.ts';
import { MAX_FEN } from './rates.ts';

const ZItem = z.strictObject({
  skuId: z.string().min(1).max(64).meta({ label: { zh: 'SKU', en: 'SKU' } }),
  levelId: z.string().min(1).max(64).meta({ label: { zh: '会员等级', en: 'Member level' }, help: { zh: '等级 ID（会员 → 等级）', en: 'The level id (Loyalty → Levels)' } }),
  priceFen: z.number().int().min(0).max(MAX_FEN).meta({ label: { zh: '会员价', en: 'Member price' }, unit: 'fen' }),
});

export const ZMemberPriceArgs = z
  .strictObject({ items: z.array(ZItem).min(1).max(300).meta({ label: { zh: '会员价（每 SKU 每等级一行）', en: 'Prices (one row per SKU and level)' } }) })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.items.forEach((it, i) => {
      const key = `${it.skuId}|${it.levelId}`;
      if (seen.has(key)) ruleIssue(ctx, ['items', i, 'levelId'], '同一 SKU 与等级重复', 'This SKU and level are listed twice');
      seen.add(key);
    });
  });
export type TMemberPriceArgs = z.output<typeof ZMemberPriceArgs>;

/**
 * 会员价: a price per SKU per membership level (the shopper's level comes from the loyalty module
 * through the checkout link as `memberLevelId`). Item level: against a limited-time price or the
 * member discount the lowest unit price wins per line. A price at or above the catalog's is ignored.
 */
export const memberPrice = definePromotionKind<TMemberPriceArgs>({
  kind: 'member_price',
  target: 'promotion',
  stage: 'item',
  name: { zh: '会员价', en: 'Member price' },
  description: { zh: '指定 SKU 按会员等级的专享价出售', en: 'Chosen SKUs at a price per membership level' },
  args: ZMemberPriceArgs,
  stacking: { priority: 100 },
  summary: (a) => {
    const one = a.items[0]!;
    const skus = new Set(a.items.map((i) => i.skuId)).size;
    return text(`会员专享价 ${yuan(one.priceFen)} 起，共 ${skus} 个 SKU`, `Member prices from ${yuan(Math.min(...a.items.map((i) => i.priceFen)))} on ${skus} SKU(s)`);
  },

  apply({ args, lines, shopper }): KindOutcome {
    if (!shopper.customerId) return { type: 'not_applied', code: 'sign_in_required', data: {}, text: text('会员价：登录后可享', 'Member price: sign in to get it') };
    const level = shopper.memberLevelId;
    if (!level) return { type: 'not_applied', code: 'member_only', data: {}, text: text('会员价：仅限会员', 'Member price: members only') };
    const mine = new Map(args.items.filter((it) => it.levelId === level).map((it) => [it.skuId, it.priceFen]));
    const prices = new Map<string, number>();
    for (const l of lines) {
      const p = mine.get(l.skuId);
      if (p !== undefined && p < l.unitPriceFen) prices.set(l.lineId, p);
    }
    if (!prices.size) return { type: 'not_applied', code: 'no_price_for_level', data: { levelId: level }, text: text('会员价：你的等级在这些商品上暂无会员价', 'Member price: none for your level on these items') };
    return { type: 'prices', prices, explain: (saved, n) => text(`会员价 ${n} 件商品省 ${yuan(saved)}`, `Member price on ${n} item(s): −${yuan(saved)}`) };
  },
});
