import { DEFAULT_PRICING_POLICY, type TCheckoutPreview, type TPricedOrder, type TPricingCoupon, type TPricingInput, type TPriceNote } from '@koi/contracts';
import { clock } from '../platform/clock.ts';
import type { Lang } from '../platform/errors.ts';
import { couponOptions, memberPromotions, priceCart, withMemberKinds, type KindRegistry, type MemberBenefitsInput } from '../modules/pricing/index.ts';
import type { PromotionService } from '../modules/promotion/index.ts';
import type { PricedLineInput, SelectionPrice } from '../modules/cart/index.ts';
import type { LineDiscount, LoyaltyChoice, PriceQuote, PricingPort } from '../modules/order/index.ts';
import { quoteGifts, withGiftStock, type GiftStock } from './order-gifts.ts';

/** What checkout asks of the loyalty module: spendable points and balance, and the merchant's redeem rule. */
export type CheckoutLoyalty = { forCheckout(customerId: string): Promise<{ points: number; walletFen: number; redeem: { perYuan: number; capPercent: number; includeShipping?: boolean } }> };

type Held = Awaited<ReturnType<CheckoutLoyalty['forCheckout']>>;

/** The shopper's effective member benefits (level, paid card, member day), which price as the engine's member kinds (issue 8 §1). */
export type CheckoutMember = { benefitsOf(customerId: string, now: Date): Promise<MemberBenefitsInput & { levelId: string | null }> };

/** The points asked for: all spendable (true), at most N (a number), none (false). */
function pointsAsked(choice: LoyaltyChoice, held: Held): number {
  if (choice.points === true) return held.points;
  if (choice.points === false) return 0;
  return Math.min(choice.points, held.points);
}
const pointsInput = (held: Held, requested: number): TPricingInput['points'] =>
  held.points > 0 && requested > 0 ? { requested, balance: held.points, perYuan: held.redeem.perYuan, capPercent: held.redeem.capPercent } : null;

/** Facts of the order module the engine's kinds need (首单优惠: has this shopper ordered before; 满赠: the gift SKUs' stock). */
export type OrderFacts = { hasOrdered(customerId: string): Promise<boolean>; giftStock?: GiftStock };

const pick = (t: { zh: string; en: string }, lang: Lang) => (lang === 'en' ? t.en : t.zh);

/**
 * Every wallet coupon's effect on this cart, and the best. Coupons claimed from one template price
 * alike (same kind, args and scope), so the engine runs once per template rather than once per
 * coupon — a keen shopper's wallet of 60 identical coupons costs one run, not 60 — and of alike
 * coupons the one expiring first is the one to use.
 */
function walletOptions(base: Omit<TPricingInput, 'coupons'>, wallet: TPricingCoupon[], kinds: KindRegistry) {
  const groups = new Map<string, TPricingCoupon[]>();
  for (const c of [...wallet].sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.id.localeCompare(b.id))) {
    const key = `${c.templateId}|${c.kind}|${JSON.stringify(c.args)}|${JSON.stringify(c.scope)}|${c.validFrom <= base.context.now}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const firsts = [...groups.values()].map((g) => g[0]!);
  const { options, bestId, bestIds } = firsts.length ? couponOptions(base, firsts, kinds) : { options: [], bestId: null, bestIds: [] };
  const byFirst = new Map(options.map((o) => [o.couponId, o]));
  return {
    bestId,
    bestIds,
    options: [...groups.values()].flatMap((g) => g.map((coupon) => ({ ...byFirst.get(g[0]!.id)!, couponId: coupon.id, coupon }))),
  };
}

/**
 * The pricing engine fed from the promotion module: the active promotions (cached there), the
 * shopper's coupons, the catalog's prices as the lines carry them. Pure engine, I/O here.
 */
export function orderPricing(promotion: PromotionService, loyalty: CheckoutLoyalty & CheckoutMember, facts?: OrderFacts): { port: PricingPort; cartPrice: (customerId: string | null, lines: PricedLineInput[], lang: Lang) => Promise<SelectionPrice> } {
  // The operator's kinds plus the member benefit kinds, which only this link creates.
  const kinds = withMemberKinds(promotion.registry);
  async function baseInput(customerId: string | null, lines: PricedLineInput[], shippingFen: number): Promise<Omit<TPricingInput, 'coupons'>> {
    const now = clock.now();
    const member = customerId ? await loyalty.benefitsOf(customerId, now) : null;
    return {
      lines: lines.map((l) => ({
        lineId: l.lineId, skuId: l.snapshot.skuId, productId: l.snapshot.productId, categoryIds: l.snapshot.categoryIds,
        quantity: l.quantity, unitPriceFen: l.snapshot.priceFen, listPriceFen: l.snapshot.listPriceFen, weightGrams: l.snapshot.weightGrams,
      })),
      context: { customerId, memberLevelId: member?.levelId ?? null, isFirstOrder: !!customerId && !!facts && !(await facts.hasOrdered(customerId)), now: now.toISOString() },
      // Member free shipping only where there is a fee to waive (the cart quotes none): no empty "包邮" hint.
      promotions: [...(await promotion.activeFor(now)), ...memberPromotions(member && { ...member, freeShipping: member.freeShipping && shippingFen > 0 })],
      points: null,
      shippingFen,
      storedValue: null,
      policy: DEFAULT_PRICING_POLICY,
    };
  }

  function notes(priced: TPricedOrder, lang: Lang) {
    const applied: TPriceNote[] = priced.applied.map((a) => ({ code: a.kind, text: pick(a.text, lang), sourceId: a.sourceId }));
    const hints: TPriceNote[] = [
      ...priced.applied.filter((a) => a.hint).map((a) => ({ code: `${a.kind}.hint`, text: pick(a.hint!, lang), sourceId: a.sourceId })),
      ...priced.notApplied.filter((n) => n.source === 'promotion').map((n) => ({ code: n.code, text: pick(n.text, lang), sourceId: n.sourceId })),
    ];
    return { applied, hints };
  }

  const port: PricingPort = {
    async quote({ customerId, lines, couponIds, shippingFen, lang, withCoupons, loyalty: choice }): Promise<PriceQuote> {
      const base = await withGiftStock(await baseInput(customerId, lines, shippingFen), kinds, facts?.giftStock);
      const wallet: TPricingCoupon[] = withCoupons && customerId ? await promotion.availableFor(customerId, clock.now()) : [];
      const { options, bestIds } = walletOptions(base, wallet, kinds);
      const chosenIds = couponIds === 'best' ? bestIds : couponIds;
      const chosen = wallet.filter((c) => chosenIds.includes(c.id));
      // Points and stored value come last (the engine's fixed stages): one run at the most points
      // allowed (the row's "可用 N 积分抵 ¥X"), one with the shopper's choice.
      const held = choice && customerId ? await loyalty.forCheckout(customerId) : null;
      const asked = held && choice ? pointsAsked(choice, held) : 0;
      // The merchant's redeem rule says whether points may pay the shipping fee too (issue 8).
      const policy = held?.redeem.includeShipping ? { ...base.policy, pointsMayPayShipping: true } : base.policy;
      const atMost = held && held.points > 0 ? priceCart({ ...base, policy, coupons: chosen, points: pointsInput(held, held.points) }, kinds) : null;
      const priced = priceCart({
        ...base, policy, coupons: chosen, points: held ? pointsInput(held, asked) : null,
        storedValue: held && choice?.balance && held.walletFen > 0 ? { balanceFen: held.walletFen, requestedFen: null } : null,
      }, kinds);
      const { applied, hints } = notes(priced, lang);
      const unknown = chosenIds.filter((id) => !wallet.some((c) => c.id === id));
      const notApplied: TPriceNote[] = [
        ...hints,
        ...priced.notApplied.filter((n) => n.source === 'coupon').map((n) => ({ code: n.code, text: pick(n.text, lang), sourceId: n.sourceId })),
        ...unknown.map((id) => ({ code: 'coupon_unavailable', text: lang === 'en' ? 'This coupon is not in your wallet or no longer usable' : '该优惠券不在您的券包中或已不可用', sourceId: id })),
      ];
      const usedCoupons = priced.applied.filter((a) => a.source === 'coupon').map((a) => a.sourceId);
      const summaryOf = (c: TPricingCoupon) => {
        const def = promotion.registry.coupons.get(c.kind);
        const args = def?.args.safeParse(c.args);
        return def && args?.success ? pick(def.summary(args.data), lang) : c.name;
      };
      const coupons: TCheckoutPreview['coupons'] = options.map((o) => {
        const c = o.coupon;
        return { id: c.id, name: c.name, summary: summaryOf(c), discountFen: o.discountFen, usable: o.usable, reason: o.reason ? pick(o.reason.text, lang) : null, validUntil: c.validUntil };
      });
      const t = priced.totals;
      return {
        lines: new Map(priced.lines.map((l) => {
          const discounts: LineDiscount[] = l.discounts.map((d) => ({ source: d.source, sourceId: d.sourceId, label: pick(d.label, lang), amountFen: d.amountFen }));
          return [l.lineId, { unitPriceFen: l.unitPriceFen, subtotalFen: l.amountFen, discounts, discountFen: l.discountFen, payableFen: l.payableFen, balanceFen: l.storedValueFen }];
        })),
        itemsTotalFen: t.itemsFen,
        promotionDiscountFen: t.discounts.item + t.discounts.order,
        couponDiscountFen: t.discounts.coupon,
        shippingFen: priced.shipping.feeFen,
        shippingDiscountFen: t.discounts.shipping,
        payableFen: t.payableFen,
        applied,
        notApplied,
        coupons,
        chosenCouponIds: usedCoupons,
        rejectedCouponIds: couponIds === 'best' ? [] : couponIds.filter((id) => !usedCoupons.includes(id)),
        points: held && held.points > 0 ? {
          balance: held.points, perYuan: held.redeem.perYuan, capPercent: held.redeem.capPercent,
          usable: atMost?.points?.used ?? 0, usableFen: atMost?.totals.pointsFen ?? 0,
          used: priced.points?.used ?? 0, valueFen: t.pointsFen, chosen: asked > 0,
        } : null,
        balance: held && held.walletFen > 0 ? {
          balanceFen: held.walletFen, usableFen: Math.min(held.walletFen, t.payableFen), usedFen: t.storedValueFen, chosen: !!choice?.balance,
        } : null,
        pointsUsed: priced.points?.used ?? 0,
        pointsFen: t.pointsFen,
        balanceFen: t.storedValueFen,
        gifts: quoteGifts(priced, lang),
      };
    },
  };

  async function cartPrice(customerId: string | null, lines: PricedLineInput[], lang: Lang): Promise<SelectionPrice> {
    const priced = priceCart({ ...(await withGiftStock(await baseInput(customerId, lines, 0), kinds, facts?.giftStock)), coupons: [] }, kinds);
    const { applied, hints } = notes(priced, lang);
    return { totalFen: priced.totals.itemsFen, discountFen: priced.totals.discountFen, payableFen: priced.totals.payableFen, applied, hints };
  }

  return { port, cartPrice };
}
