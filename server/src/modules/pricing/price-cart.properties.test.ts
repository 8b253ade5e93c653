import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TPricingCoupon, TPricingInput, TPricingPromotion, TRefundItem, TScope } from '@koi/contracts';
import { priceCart } from './price-cart.rules.ts';
import { quoteRefund } from './refund.rules.ts';
import { NOW, amountOffCoupon, fullReduction, line } from './pricing-fixtures.ts';
import { TEST_KINDS } from './test-kinds.ts';
import { checkBalanced, shuffled } from './pricing-checks.ts';

/** KOI_FC_SCALE=20 for a deeper search than the default runs. */
const SCALE = Number(process.env.KOI_FC_SCALE ?? 1);
const PRODUCTS = ['p1', 'p2', 'p3', 'p4'];
const CATEGORIES = ['c1', 'c2', 'c3'];

const scope: fc.Arbitrary<TScope> = fc.oneof(
  fc.constant<TScope>({ type: 'all', ids: [], excludeProductIds: [] }),
  fc.record({ type: fc.constant('products' as const), ids: fc.uniqueArray(fc.constantFrom(...PRODUCTS), { minLength: 1 }), excludeProductIds: fc.constant<string[]>([]) }),
  fc.record({ type: fc.constant('categories' as const), ids: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1 }), excludeProductIds: fc.uniqueArray(fc.constantFrom(...PRODUCTS), { maxLength: 1 }) }),
);

const lines = fc.array(
  fc.record({ price: fc.integer({ min: 0, max: 60_000 }), qty: fc.integer({ min: 1, max: 4 }), product: fc.constantFrom(...PRODUCTS), cats: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 2 }) }),
  { minLength: 1, maxLength: 8 },
).map((ls) => ls.map((l, i) => line(`l${i}`, l.price, l.qty, { productId: l.product, categoryIds: l.cats })));

/** Valid 满减 tiers: thresholds and discounts rising, each discount below its threshold. */
const tiers = fc.uniqueArray(fc.integer({ min: 100, max: 200_000 }), { minLength: 1, maxLength: 3 }).chain((ts) => {
  const sorted = [...ts].sort((a, b) => a - b);
  return fc.tuple(...sorted.map((t) => fc.integer({ min: 1, max: t - 1 }))).map((ds) => {
    const discounts = [...ds].sort((a, b) => a - b);
    return sorted.map((t, i) => [t, Math.min(discounts[i]!, t - 1)] as [number, number]).filter((p, i, all) => i === 0 || p[1] > all[i - 1]![1]);
  });
});

const promotion = (id: string): fc.Arbitrary<TPricingPromotion> =>
  fc.record({ tiers, repeat: fc.boolean(), scope, priority: fc.integer({ min: 0, max: 3 }), live: fc.integer({ min: 0, max: 9 }) }).map((p) =>
    fullReduction(id, p.repeat ? p.tiers.slice(0, 1) : p.tiers, {
      repeat: p.repeat, scope: p.scope, priority: p.priority,
      ...(p.live === 0 ? { startsAt: '2026-06-01T00:00:00.000Z' } : p.live === 1 ? { endsAt: '2026-04-02T00:00:00.000Z' } : {}),
    }));

const coupon = (id: string): fc.Arbitrary<TPricingCoupon> =>
  fc.record({ threshold: fc.integer({ min: 0, max: 150_000 }), amount: fc.integer({ min: 1, max: 40_000 }), scope, status: fc.constantFrom('available', 'available', 'available', 'used' as const) }).map((c) => {
    const amount = c.threshold > 0 ? Math.min(c.amount, c.threshold - 1) : c.amount;
    return amountOffCoupon(id, amount > 0 ? c.threshold : 0, Math.max(amount, 1), { scope: c.scope, status: c.status as TPricingCoupon['status'] });
  });

const memberPrice = fc.record({ percent: fc.integer({ min: 1, max: 99 }), scope }).map(({ percent, scope: s }): TPricingPromotion => ({ ...fullReduction('mp', []), kind: 'test_member_price', name: '会员价', args: { percent }, scope: s }));

const input: fc.Arbitrary<TPricingInput> = fc.record({
  lines,
  promotions: fc.tuple(promotion('a'), promotion('b'), promotion('c'), fc.option(memberPrice)).chain(([a, b, c, m]) => fc.subarray([a, b, c, ...(m ? [m] : [])])),
  coupons: fc.tuple(coupon('k1'), coupon('k2'), coupon('k3')).chain((cs) => fc.subarray(cs)),
  points: fc.option(fc.record({ requested: fc.integer({ min: 0, max: 50_000 }), balance: fc.integer({ min: 0, max: 50_000 }), perYuan: fc.constantFrom(1, 10, 100, 150, 1000), capPercent: fc.integer({ min: 0, max: 100 }) })),
  shippingFen: fc.integer({ min: 0, max: 2000 }),
  storedValue: fc.option(fc.record({ balanceFen: fc.integer({ min: 0, max: 200_000 }), requestedFen: fc.option(fc.integer({ min: 0, max: 200_000 })) })),
  policy: fc.record({ couponThresholdBase: fc.constantFrom('before_order_promotions' as const, 'after_order_promotions' as const), pointsMayPayShipping: fc.boolean() }),
  member: fc.boolean(),
}).map(({ member, ...rest }) => ({ ...rest, context: { customerId: 'c1', memberLevelId: member ? 'gold' : null, isFirstOrder: false, now: NOW } }));

const price = (i: TPricingInput) => priceCart(i, TEST_KINDS);
describe('priceCart properties', () => {
  it('payable ≥ 0, no line below zero, lines + shipping sum to the total, every allocation exact', () => {
    fc.assert(fc.property(input, (i) => checkBalanced(price(i), i)), { numRuns: 400 * SCALE });
  });

  it('is deterministic: the same input, or its promotions and coupons in any order, give a deep-equal result', () => {
    fc.assert(
      fc.property(input, fc.nat(), (i, seed) => {
        const r = price(i);
        expect(price(structuredClone(i))).toEqual(r);
        expect(price({ ...i, promotions: shuffled(i.promotions, seed), coupons: shuffled(i.coupons, seed + 1) })).toEqual(r);
      }),
      { numRuns: 300 * SCALE },
    );
  });

  it('adding a 满减 never raises the payable (coupon thresholds before 满减; see the example test for after)', () => {
    fc.assert(
      fc.property(input, promotion('new'), (i, extra) => {
        const base = { ...i, policy: { ...i.policy, couponThresholdBase: 'before_order_promotions' as const }, promotions: i.promotions.filter((p) => p.kind === 'full_reduction') };
        expect(price({ ...base, promotions: [...base.promotions, extra] }).totals.payableFen).toBeLessThanOrEqual(price(base).totals.payableFen);
      }),
      { numRuns: 400 * SCALE },
    );
  });

  it('refunding any subset of units, then the rest, gives back exactly the payable, stored value and points', () => {
    fc.assert(
      fc.property(input, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (i, picks) => {
        const r = price(i);
        // Split every unit into two refunds by the picks: first one subset, then the rest.
        const first: TRefundItem[] = [];
        const rest: TRefundItem[] = [];
        r.lines.forEach((l, k) => {
          const n = (picks[k % picks.length] ?? 0) % (l.quantity + 1);
          if (n > 0) first.push({ lineId: l.lineId, quantity: n });
          if (l.quantity - n > 0) rest.push({ lineId: l.lineId, quantity: l.quantity - n });
        });
        const a = quoteRefund(r, first);
        const b = quoteRefund(r, rest, first);
        expect(a.totals.amountFen + b.totals.amountFen).toBe(r.totals.payableFen);
        expect(a.totals.storedValueFen + b.totals.storedValueFen).toBe(r.totals.storedValueFen);
        expect(a.totals.cashFen + b.totals.cashFen).toBe(r.totals.cashPayableFen);
        expect(a.totals.pointsFen + b.totals.pointsFen).toBe(r.totals.pointsFen);
        expect(a.totals.points + b.totals.points).toBe(r.points?.used ?? 0);
        for (const part of [...a.lines, ...b.lines]) expect(part.amountFen).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 * SCALE },
    );
  });
});
