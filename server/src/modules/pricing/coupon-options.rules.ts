import type { TNotApplied, TPricingCoupon, TPricingInput } from '@koi/contracts';
import { priceCart } from './price-cart.rules.ts';
import { KINDS, type KindRegistry } from './kinds/registry.ts';

export type CouponOption = {
  couponId: string;
  /** What it takes off this order when it is the chosen coupon (0 when it cannot be used). */
  discountFen: number;
  /** The order's payable with it. */
  payableFen: number;
  usable: boolean;
  /** Why not, when not usable. */
  reason: TNotApplied | null;
};

/**
 * Every coupon of the wallet tried alone on this cart (the engine once per coupon), the best single
 * one (`bestId`: the usable one leaving the lowest payable; ties: the larger discount, then the id),
 * and the best set (`bestIds`, one coupon per exclusive group: a goods coupon with a 运费券).
 */
export function couponOptions(input: Omit<TPricingInput, 'coupons'>, wallet: readonly TPricingCoupon[], registry: KindRegistry = KINDS): { options: CouponOption[]; bestId: string | null; bestIds: string[] } {
  const options = wallet.map((c): CouponOption => {
    const priced = priceCart({ ...input, coupons: [c] }, registry);
    const applied = priced.applied.find((a) => a.source === 'coupon' && a.sourceId === c.id);
    const reason = applied ? null : (priced.notApplied.find((n) => n.source === 'coupon' && n.sourceId === c.id) ?? null);
    return { couponId: c.id, discountFen: applied?.amountFen ?? 0, payableFen: priced.totals.payableFen, usable: !!applied, reason };
  });
  const best = options
    .filter((o) => o.usable)
    .sort((a, b) => a.payableFen - b.payableFen || b.discountFen - a.discountFen || (a.couponId < b.couponId ? -1 : 1))[0];
  return { options, bestId: best?.couponId ?? null, bestIds: bestCoupons(input, options.filter((o) => o.usable).map((o) => wallet.find((c) => c.id === o.couponId)!), registry) };
}

/** Past this many combinations, each group's best alone is taken (the groups of today's kinds do not interact). */
const MAX_COMBINATIONS = 512;

/**
 * The best set of coupons: at most one per exclusive group (a goods coupon and a shipping coupon), the
 * set leaving the lowest payable; ties go to fewer coupons (a 运费券 stays in the wallet when 满包邮
 * would cover the fee anyway), then to the lower ids. Every combination is priced by the engine.
 */
export function bestCoupons(input: Omit<TPricingInput, 'coupons'>, usable: readonly TPricingCoupon[], registry: KindRegistry = KINDS): string[] {
  const groups = new Map<string, TPricingCoupon[]>();
  for (const c of [...usable].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = registry.coupons.get(c.kind)?.stacking.exclusiveGroup ?? `own:${c.id}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const lists = [...groups.values()];
  const count = lists.reduce((n, g) => n * (g.length + 1), 1);
  const combos: TPricingCoupon[][] = count <= MAX_COMBINATIONS ? product(lists) : [lists.map((g) => bestOf(input, g, registry))];
  let best: { ids: string[]; payable: number } | null = null;
  for (const combo of combos) {
    const payable = priceCart({ ...input, coupons: combo }, registry).totals.payableFen;
    const ids = combo.map((c) => c.id).sort();
    if (!best || payable < best.payable || (payable === best.payable && (ids.length < best.ids.length || (ids.length === best.ids.length && ids.join() < best.ids.join())))) best = { ids, payable };
  }
  return best?.ids ?? [];
}

function product(lists: readonly TPricingCoupon[][]): TPricingCoupon[][] {
  let out: TPricingCoupon[][] = [[]];
  for (const g of lists) out = out.flatMap((combo) => [combo, ...g.map((c) => [...combo, c])]);
  return out;
}

function bestOf(input: Omit<TPricingInput, 'coupons'>, group: readonly TPricingCoupon[], registry: KindRegistry): TPricingCoupon {
  const applied = priceCart({ ...input, coupons: [...group] }, registry).applied.find((a) => a.source === 'coupon');
  return group.find((c) => c.id === applied?.sourceId) ?? group[0]!;
}
