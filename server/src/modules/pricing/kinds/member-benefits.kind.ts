import { z } from 'zod';
import type { TLocalText, TPricingPromotion } from '@koi/contracts';
import { definePromotionKind, type KindOutcome, type PromotionKind } from './kind.ts';
import { kindRegistry, type KindRegistry } from './registry.ts';
import { text, yuan } from '../texts.ts';
import { rateDiscount } from './rates.ts';

/**
 * The shopper's own member benefits as two engine kinds (issue 8 §1). They are not promotions an
 * operator creates — the checkout link turns the loyalty module's effective benefits (level, paid
 * card, member day: best of each) into one synthetic promotion of each kind, so they go through the
 * same stages, stacking, allocation and explanation as everything else:
 * - `member_discount`, item level: the member rate on every line; against a limited-time price or a
 *   member price the lowest unit price wins per line (never both);
 * - `member_free_shipping`, shipping stage, in the `free_shipping` group with 满包邮 (one per order).
 * They live outside `KINDS` (so the admin does not offer them); `withMemberKinds` adds them.
 */

const ZLabel = z.strictObject({ zh: z.string().min(1).max(100), en: z.string().min(1).max(200) });

export const ZMemberDiscountArgs = z.strictObject({
  /** What the member pays, basis points (9500 = 95折). */
  rateBp: z.number().int().min(100).max(9999),
  label: ZLabel,
});
export type TMemberDiscountArgs = z.output<typeof ZMemberDiscountArgs>;

export const memberDiscount = definePromotionKind<TMemberDiscountArgs>({
  kind: 'member_discount',
  target: 'promotion',
  stage: 'item',
  name: { zh: '会员折扣', en: 'Member discount' },
  description: { zh: '会员等级、付费会员卡与会员日的折扣', en: 'The discount of the member level, paid card and member day' },
  args: ZMemberDiscountArgs,
  stacking: { priority: 90 },
  summary: (a) => a.label,

  apply({ args, lines }): KindOutcome {
    const prices = new Map<string, number>();
    for (const l of lines) {
      const p = l.unitPriceFen - rateDiscount(l.unitPriceFen, args.rateBp);
      if (p < l.unitPriceFen) prices.set(l.lineId, p);
    }
    if (!prices.size) return { type: 'not_applied', code: 'nothing_to_discount', data: {}, text: text(`${args.label.zh}：商品金额过低，无可优惠金额`, `${args.label.en}: nothing to discount`) };
    return {
      type: 'prices', prices,
      explain: (saved) => text(`${args.label.zh}：已省 ${yuan(saved)}`, `${args.label.en}: −${yuan(saved)}`),
    };
  },
});

export const ZMemberFreeShippingArgs = z.strictObject({ label: ZLabel });
export type TMemberFreeShippingArgs = z.output<typeof ZMemberFreeShippingArgs>;

export const memberFreeShipping = definePromotionKind<TMemberFreeShippingArgs>({
  kind: 'member_free_shipping',
  target: 'promotion',
  stage: 'shipping',
  name: { zh: '会员包邮', en: 'Member free shipping' },
  description: { zh: '会员等级或付费会员卡的包邮权益', en: 'Free shipping of the member level or paid card' },
  args: ZMemberFreeShippingArgs,
  stacking: { exclusiveGroup: 'free_shipping', priority: 110 },
  summary: (a) => a.label,

  apply({ args, shipping }): KindOutcome {
    if (shipping.remainingFen === 0) return { type: 'not_applied', code: 'no_shipping_fee', data: {}, text: text(`${args.label.zh}：下单免运费`, `${args.label.en}: no shipping fee at checkout`) };
    return { type: 'shipping', amountFen: shipping.remainingFen, explain: (applied) => text(`${args.label.zh}：运费减 ${yuan(applied)}`, `${args.label.en}: −${yuan(applied)} shipping`) };
  },
});

export const MEMBER_DISCOUNT_ID = 'member:discount';
export const MEMBER_SHIPPING_ID = 'member:free-shipping';

/** What the link hands over of the loyalty module's effective benefits. */
export type MemberBenefitsInput = { discountRateBp: number; discountLabel: TLocalText; freeShipping: boolean; freeShippingLabel: TLocalText };

const ALWAYS = '1970-01-01T00:00:00.000Z';

/** The synthetic promotions of a shopper's member benefits (none without benefits). */
export function memberPromotions(b: MemberBenefitsInput | null): TPricingPromotion[] {
  if (!b) return [];
  const out: TPricingPromotion[] = [];
  const all = { type: 'all' as const, ids: [], excludeProductIds: [] };
  if (b.discountRateBp < 10_000) {
    out.push({ id: MEMBER_DISCOUNT_ID, kind: memberDiscount.kind, name: b.discountLabel.zh, args: { rateBp: b.discountRateBp, label: b.discountLabel }, scope: all, priority: 0, startsAt: ALWAYS, endsAt: null });
  }
  if (b.freeShipping) {
    out.push({ id: MEMBER_SHIPPING_ID, kind: memberFreeShipping.kind, name: b.freeShippingLabel.zh, args: { label: b.freeShippingLabel }, scope: all, priority: 0, startsAt: ALWAYS, endsAt: null });
  }
  return out;
}

/** `registry` plus the member benefit kinds: what checkout prices with. */
export function withMemberKinds(registry: KindRegistry): KindRegistry {
  return kindRegistry([...registry.promotions.values(), memberDiscount, memberFreeShipping] as PromotionKind[], [...registry.coupons.values()]);
}
