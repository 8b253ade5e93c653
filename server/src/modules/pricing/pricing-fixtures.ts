import { DEFAULT_PRICING_POLICY, SCOPE_ALL, type TPricingCoupon, type TPricingInput, type TPricingLine, type TPricingPromotion, type TScope } from '@koi/contracts';

/** Builders for the engine's tests and benchmark (not used by the running server). */
export const NOW = '2026-05-01T04:00:00.000Z';

export function line(id: string, unitPriceFen: number, quantity = 1, more: Partial<TPricingLine> = {}): TPricingLine {
  return { lineId: id, skuId: `sku-${id}`, productId: `p-${id}`, categoryIds: ['c-tea'], quantity, unitPriceFen, listPriceFen: null, weightGrams: 200, ...more };
}

export function fullReduction(id: string, tiers: [number, number][], more: Partial<TPricingPromotion> & { repeat?: boolean } = {}): TPricingPromotion {
  const { repeat = false, ...rest } = more;
  return {
    id, kind: 'full_reduction', name: `满减 ${id}`, args: { tiers: tiers.map(([thresholdFen, discountFen]) => ({ thresholdFen, discountFen })), repeat },
    scope: SCOPE_ALL, priority: 0, startsAt: '2026-04-01T00:00:00.000Z', endsAt: null, ...rest,
  };
}

export function amountOffCoupon(id: string, thresholdFen: number, amountFen: number, more: Partial<TPricingCoupon> & { scope?: TScope } = {}): TPricingCoupon {
  return {
    id, templateId: `t-${id}`, kind: 'amount_off', name: `券 ${id}`, args: { thresholdFen, amountFen }, scope: SCOPE_ALL, status: 'available',
    validFrom: '2026-04-01T00:00:00.000Z', validUntil: '2026-06-01T00:00:00.000Z', ...more,
  };
}

export function cart(lines: TPricingLine[], more: Partial<TPricingInput> = {}): TPricingInput {
  return {
    lines, context: { customerId: 'c1', memberLevelId: null, isFirstOrder: false, now: NOW }, promotions: [], coupons: [], points: null,
    shippingFen: 0, storedValue: null, policy: DEFAULT_PRICING_POLICY, ...more,
  };
}

/** Any promotion kind with its args, live since April, in scope of everything unless told. */
export function promo(id: string, kind: string, args: unknown, more: Partial<TPricingPromotion> = {}): TPricingPromotion {
  return { id, kind, name: `${kind} ${id}`, args, scope: SCOPE_ALL, priority: 0, startsAt: '2026-04-01T00:00:00.000Z', endsAt: null, ...more };
}

/** Any coupon kind with its args, valid April to June. */
export function couponOf(id: string, kind: string, args: unknown, more: Partial<TPricingCoupon> = {}): TPricingCoupon {
  return { id, templateId: `t-${id}`, kind, name: `${kind} ${id}`, args, scope: SCOPE_ALL, status: 'available', validFrom: '2026-04-01T00:00:00.000Z', validUntil: '2026-06-01T00:00:00.000Z', ...more };
}
