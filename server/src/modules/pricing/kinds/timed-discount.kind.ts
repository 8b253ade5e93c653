import { z } from 'zod';
import { definePromotionKind, ruleIssue, type KindOutcome } from './kind.ts';
import { beijingTime, text, yuan } from '../texts.ts';
import { MAX_FEN, rateDiscount, zhe } from './rates.ts';

const ZIso = (zh: string, en: string) =>
  z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date-time').meta({ label: { zh, en }, help: { zh: 'ISO 时间，如 2026-05-01T10:00:00+08:00', en: 'ISO date-time, e.g. 2026-05-01T10:00:00+08:00' } });

const ZItem = z.strictObject({
  skuId: z.string().min(1).max(64).meta({ label: { zh: 'SKU', en: 'SKU' } }),
  priceFen: z.number().int().min(0).max(MAX_FEN).default(0).meta({ label: { zh: '限时价', en: 'Sale price' }, unit: 'fen', help: { zh: '填限时价或折扣其一', en: 'A price or a rate, not both' } }),
  rateBp: z.number().int().min(0).max(9900).default(0).meta({ label: { zh: '折扣（万分比）', en: 'Pay (basis points)' }, help: { zh: '9 折填 9000；填了限时价则留 0', en: '9000 = 10 % off; 0 when a price is set' } }),
});

export const ZTimedDiscountArgs = z
  .strictObject({
    startsAt: ZIso('开始时间', 'Starts'),
    endsAt: ZIso('结束时间', 'Ends'),
    items: z.array(ZItem).min(1).max(100).meta({ label: { zh: '限时商品', en: 'SKUs' } }),
  })
  .superRefine((a, ctx) => {
    if (Date.parse(a.endsAt) <= Date.parse(a.startsAt)) ruleIssue(ctx, ['endsAt'], '结束时间须晚于开始时间', 'It must end after it starts');
    const seen = new Set<string>();
    a.items.forEach((it, i) => {
      if ((it.priceFen > 0) === (it.rateBp > 0)) ruleIssue(ctx, ['items', i, 'priceFen'], '限时价与折扣须填且只填一个', 'Set either a price or a rate');
      if (it.rateBp > 0 && it.rateBp < 100) ruleIssue(ctx, ['items', i, 'rateBp'], '折扣不能低于 100（0.1 折）', 'At least 100 basis points');
      if (seen.has(it.skuId)) ruleIssue(ctx, ['items', i, 'skuId'], 'SKU 重复', 'This SKU is listed twice');
      seen.add(it.skuId);
    });
  });
export type TTimedDiscountArgs = z.output<typeof ZTimedDiscountArgs>;

/**
 * 限时折扣: per SKU a price (¥59) or a rate (8折, ⌊·⌋ to the fen off) between its start and end. Item
 * level: it sets the unit price every later stage starts from; against another item-level price
 * (member price) the lower one wins per line, never both. A price above the catalog's is ignored.
 */
export const timedDiscount = definePromotionKind<TTimedDiscountArgs>({
  kind: 'timed_discount',
  target: 'promotion',
  stage: 'item',
  name: { zh: '限时折扣', en: 'Limited-time price' },
  description: { zh: '指定 SKU 在活动时段内按限时价或折扣出售', en: 'Chosen SKUs at a sale price or rate for a time' },
  args: ZTimedDiscountArgs,
  stacking: { priority: 100 },

  summary: (a) => {
    const one = a.items[0]!;
    const what = one.priceFen > 0 ? text(`限时价 ${yuan(one.priceFen)}`, `${yuan(one.priceFen)}`) : zhe(one.rateBp);
    const more = a.items.length > 1 ? text(` 等 ${a.items.length} 个 SKU`, ` and ${a.items.length - 1} more SKU(s)`) : text('', '');
    return text(`${beijingTime(Date.parse(a.startsAt))} 至 ${beijingTime(Date.parse(a.endsAt))}：${what.zh}${more.zh}`, `${what.en}${more.en}, ${beijingTime(Date.parse(a.startsAt))} to ${beijingTime(Date.parse(a.endsAt))} (Beijing time)`);
  },

  apply({ args, lines, nowMs }): KindOutcome {
    const start = Date.parse(args.startsAt);
    const end = Date.parse(args.endsAt);
    if (nowMs < start) return { type: 'not_applied', code: 'not_started', data: { startsAt: args.startsAt }, text: text(`限时折扣 ${beijingTime(start)} 开始`, `Starts ${beijingTime(start)} (Beijing time)`) };
    if (nowMs >= end) return { type: 'not_applied', code: 'ended', data: { endsAt: args.endsAt }, text: text(`限时折扣已于 ${beijingTime(end)} 结束`, `Ended ${beijingTime(end)} (Beijing time)`) };
    const bySku = new Map(args.items.map((it) => [it.skuId, it]));
    const prices = new Map<string, number>();
    for (const l of lines) {
      const it = bySku.get(l.skuId);
      if (!it) continue;
      const p = it.priceFen > 0 ? it.priceFen : l.unitPriceFen - rateDiscount(l.unitPriceFen, it.rateBp);
      if (p < l.unitPriceFen) prices.set(l.lineId, p);
    }
    if (!prices.size) return { type: 'not_applied', code: 'no_sku_on_sale', data: {}, text: text('所选商品都不在限时折扣中', 'None of these SKUs is on sale') };
    return {
      type: 'prices', prices,
      explain: (saved, n) => text(`限时折扣 ${n} 件商品省 ${yuan(saved)}（${beijingTime(end)} 结束）`, `Limited-time price on ${n} item(s): −${yuan(saved)} (ends ${beijingTime(end)} Beijing time)`),
    };
  },
});
