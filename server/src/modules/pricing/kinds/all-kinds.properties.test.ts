import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TPricedOrder, TPricingCoupon, TPricingInput, TPricingPromotion, TScope } from '@koi/contracts';
import { priceCart } from '../price-cart.rules.ts';
import { bestCoupons } from '../coupon-options.rules.ts';
import { NOW, couponOf, line, promo } from '../pricing-fixtures.ts';
import { checkBalanced, shuffled } from '../pricing-checks.ts';
import { KINDS as OPERATOR_KINDS } from './registry.ts';
import { withMemberKinds } from './member-benefits.kind.ts';

/** Every shipped kind at once, on random carts. KOI_FC_SCALE=20 for a deeper search. */
const SCALE = Number(process.env.KOI_FC_SCALE ?? 1);
/** The operator's kinds and the member benefit kinds checkout adds (issue 8 §1). */
const KINDS = withMemberKinds(OPERATOR_KINDS);
const LEVELS = ['gold', 'silver'];
const PRODUCTS = ['p1', 'p2', 'p3', 'p4'];
const GIFT_SKUS = ['g1', 'g2'];

const scope: fc.Arbitrary<TScope> = fc.oneof(
  fc.constant<TScope>({ type: 'all', ids: [], excludeProductIds: [] }),
  fc.record({ type: fc.constant('products' as const), ids: fc.uniqueArray(fc.constantFrom(...PRODUCTS), { minLength: 1 }), excludeProductIds: fc.constant<string[]>([]) }),
);

const lines = fc.array(fc.record({ price: fc.integer({ min: 0, max: 40_000 }), qty: fc.integer({ min: 1, max: 4 }), product: fc.constantFrom(...PRODUCTS) }), { minLength: 1, maxLength: 6 })
  .map((ls) => ls.map((l, i) => line(`l${i}`, l.price, l.qty, { productId: l.product, skuId: `sku-${l.product}`, categoryIds: ['c1'] })));

const rate = fc.integer({ min: 100, max: 9900 });
const fen = (max: number) => fc.integer({ min: 1, max });
const live = fc.integer({ min: 0, max: 5 }).map((n) => (n === 0 ? { startsAt: '2026-06-01T00:00:00.000Z' } : {}));

const tiersOf = <T>(n: number, make: (k: number) => fc.Arbitrary<T>) => fc.tuple(...Array.from({ length: n }, (_, k) => make(k)));

const promotionArb = (id: string): fc.Arbitrary<TPricingPromotion> =>
  fc.oneof(
    fc.record({ t: fen(100_000), d: fen(30_000), every: fc.boolean() }).map(({ t, d, every }) => ({ kind: 'full_reduction', args: { tiers: [{ thresholdFen: t + d, discountFen: d }], repeat: every } })),
    fc.record({ by: fc.constantFrom('amount', 'pieces'), n: fen(50_000), r: rate, r2: rate }).map(({ by, n, r, r2 }) => ({
      kind: 'full_discount',
      args: { by, tiers: [{ thresholdFen: n, pieces: (n % 5) + 1, rateBp: Math.max(r, r2) }, ...(r !== r2 ? [{ thresholdFen: n * 2, pieces: (n % 5) + 6, rateBp: Math.min(r, r2) }] : [])] },
    })),
    fc.record({ by: fc.constantFrom('amount', 'pieces'), t: fc.integer({ min: 0, max: 60_000 }), p: fen(8) }).map(({ by, t, p }) => ({ kind: 'free_shipping_over', args: { by, thresholdFen: t, pieces: p } })),
    fc.record({ items: fc.uniqueArray(fc.record({ sku: fc.constantFrom(...PRODUCTS), price: fc.integer({ min: 0, max: 30_000 }), r: rate, usePrice: fc.boolean() }), { minLength: 1, maxLength: 3, selector: (x) => x.sku }) }).map(({ items }) => ({
      kind: 'timed_discount',
      args: { startsAt: '2026-04-28T00:00:00+08:00', endsAt: '2026-05-04T00:00:00+08:00', items: items.map((x) => ({ skuId: `sku-${x.sku}`, priceFen: x.usePrice ? Math.max(x.price, 1) : 0, rateBp: x.usePrice ? 0 : x.r })) },
    })),
    fc.record({ count: fc.integer({ min: 2, max: 4 }), price: fen(40_000) }).map(({ count, price }) => ({ kind: 'bundle_price', args: { count, priceFen: price } })),
    fc.record({ amount: fc.integer({ min: 0, max: 5_000 }), r: rate, cap: fc.integer({ min: 0, max: 5_000 }) }).map(({ amount, r, cap }) => ({ kind: 'first_order', args: amount > 0 ? { amountFen: amount } : { rateBp: r, capFen: cap } })),
    fc.uniqueArray(fc.record({ sku: fc.constantFrom(...PRODUCTS), level: fc.constantFrom(...LEVELS), price: fc.integer({ min: 0, max: 30_000 }) }), { minLength: 1, maxLength: 4, selector: (x) => `${x.sku}|${x.level}` })
      .map((items) => ({ kind: 'member_price', args: { items: items.map((x) => ({ skuId: `sku-${x.sku}`, levelId: x.level, priceFen: x.price })) } })),
    fc.integer({ min: 2500, max: 9999 }).map((r) => ({ kind: 'member_discount', args: { rateBp: r, label: { zh: '会员折扣', en: 'Member' } } })),
    fc.constant({ kind: 'member_free_shipping', args: { label: { zh: '会员包邮', en: 'Member free shipping' } } }),
    fc.record({ by: fc.constantFrom('amount', 'pieces'), n: fen(60_000), q: fc.integer({ min: 1, max: 3 }), sku: fc.constantFrom(...GIFT_SKUS) }).map(({ by, n, q, sku }) => ({
      kind: 'full_gift',
      args: { by, tiers: [{ thresholdFen: n, pieces: (n % 6) + 1, giftSkuId: sku, giftName: sku, quantity: q }] },
    })),
  ).chain((k) => fc.record({ scope, priority: fc.integer({ min: 0, max: 3 }), live }).map((m) => promo(id, k.kind, k.args, { scope: m.scope, priority: m.priority, ...m.live })));

const couponArb = (id: string): fc.Arbitrary<TPricingCoupon> =>
  fc.oneof(
    fc.record({ t: fc.integer({ min: 0, max: 80_000 }), a: fen(20_000) }).map(({ t, a }) => ({ kind: 'amount_off', args: { thresholdFen: t > 0 ? t + a : 0, amountFen: a } })),
    fen(5_000).map((a) => ({ kind: 'no_threshold', args: { amountFen: a } })),
    fc.record({ t: fc.integer({ min: 0, max: 80_000 }), r: rate, cap: fen(20_000) }).map(({ t, r, cap }) => ({ kind: 'percent_off', args: { thresholdFen: t, rateBp: r, capFen: cap } })),
    fc.record({ t: fc.integer({ min: 0, max: 40_000 }), a: fen(2_000) }).map(({ t, a }) => ({ kind: 'shipping_off', args: { thresholdFen: t, amountFen: a } })),
    fc.integer({ min: 0, max: 30_000 }).map((m) => ({ kind: 'exchange', args: { maxValueFen: m } })),
  ).chain((k) => fc.record({ scope, status: fc.constantFrom('available', 'available', 'available', 'used' as const) }).map((m) => couponOf(id, k.kind, k.args, { scope: m.scope, status: m.status })));

const base = fc.record({
  lines,
  promotions: fc.tuple(promotionArb('a'), promotionArb('b'), promotionArb('c'), promotionArb('d')).chain((ps) => fc.subarray(ps)),
  points: fc.option(fc.record({ requested: fc.integer({ min: 0, max: 50_000 }), balance: fc.integer({ min: 0, max: 50_000 }), perYuan: fc.constantFrom(1, 100), capPercent: fc.integer({ min: 0, max: 100 }) })),
  shippingFen: fc.integer({ min: 0, max: 2000 }),
  storedValue: fc.constant(null),
  policy: fc.record({ couponThresholdBase: fc.constantFrom('before_order_promotions' as const, 'after_order_promotions' as const), pointsMayPayShipping: fc.boolean() }),
  first: fc.boolean(),
  giftStock: fc.option(fc.record({ g1: fc.integer({ min: 0, max: 4 }), g2: fc.integer({ min: 0, max: 4 }) }), { nil: undefined }),
  level: fc.constantFrom(null, ...LEVELS),
}).map(({ first, level, ...rest }) => ({ ...rest, context: { customerId: 'c1', memberLevelId: level, isFirstOrder: first, now: NOW } }));

const input: fc.Arbitrary<TPricingInput> = fc.tuple(base, fc.tuple(couponArb('k1'), couponArb('k2'), couponArb('k3')).chain((cs) => fc.subarray(cs))).map(([b, coupons]) => ({ ...b, coupons }));

const price = (i: TPricingInput) => priceCart(i, KINDS);

function checkExclusive(r: TPricedOrder): void {
  const groups = new Map<string, number>();
  for (const a of r.applied) {
    if (a.source === 'points') continue;
    const kind = a.source === 'coupon' ? KINDS.coupons.get(a.kind) : KINDS.promotions.get(a.kind);
    const g = kind?.stacking.exclusiveGroup;
    if (g) groups.set(`${a.stage}:${g}`, (groups.get(`${a.stage}:${g}`) ?? 0) + 1);
  }
  for (const n of groups.values()) expect(n).toBe(1);
  // Item-level prices never stack on one line.
  for (const l of r.lines) expect(l.discounts.filter((d) => d.stage === 'item').length).toBeLessThanOrEqual(1);
}

/** 满赠: gifts are never allocated, never oversell the stock given, and come one per order (group `order_gift`). */
function checkGifts(r: TPricedOrder, i: TPricingInput): void {
  const given = new Map<string, number>();
  for (const g of r.gifts) given.set(g.skuId, (given.get(g.skuId) ?? 0) + g.quantity);
  if (i.giftStock) for (const [sku, n] of given) expect(n).toBeLessThanOrEqual(i.giftStock[sku as 'g1' | 'g2'] ?? 0);
  expect(r.gifts.length).toBeLessThanOrEqual(1);
  for (const g of r.gifts) expect(r.applied.find((a) => a.sourceId === g.promotionId)).toMatchObject({ amountFen: 0, kind: 'full_gift' });
  const giftIds = new Set(r.gifts.map((g) => g.promotionId));
  for (const l of r.lines) for (const d of l.discounts) expect(giftIds.has(d.sourceId)).toBe(false);
}

describe('every kind together: properties', () => {
  it('the generators make valid args for every kind (else the properties would be vacuous)', () => {
    fc.assert(fc.property(promotionArb('x'), couponArb('y'), (p, c) => {
      expect(KINDS.promotions.get(p.kind)!.args.safeParse(p.args).success).toBe(true);
      expect(KINDS.coupons.get(c.kind)!.args.safeParse(c.args).success).toBe(true);
    }), { numRuns: 300 });
  });

  it('payable ≥ 0, lines sum to the total, allocation exact, one per exclusive group', () => {
    fc.assert(fc.property(input, (i) => {
      const r = price(i);
      checkBalanced(r, i);
      checkExclusive(r);
      checkGifts(r, i);
    }), { numRuns: 400 * SCALE });
  });

  it('gifts never change a payable: without the 满赠 promotions every line, total and discount is the same', () => {
    fc.assert(fc.property(input, (i) => {
      const r = price(i);
      const without = price({ ...i, promotions: i.promotions.filter((p) => p.kind !== 'full_gift') });
      expect(r.lines).toEqual(without.lines);
      expect(r.shipping).toEqual(without.shipping);
      expect(r.totals).toEqual(without.totals);
      expect(r.applied.filter((a) => a.kind !== 'full_gift')).toEqual(without.applied);
      // Stock only decides whether the gift is given, never a price.
      expect(price({ ...i, giftStock: undefined }).totals).toEqual(r.totals);
    }), { numRuns: 200 * SCALE });
  });

  it('is deterministic, whatever the order of promotions and coupons', () => {
    fc.assert(fc.property(input, fc.nat(), (i, seed) => {
      const r = price(i);
      expect(price(structuredClone(i))).toEqual(r);
      expect(price({ ...i, promotions: shuffled(i.promotions, seed), coupons: shuffled(i.coupons, seed + 1) })).toEqual(r);
    }), { numRuns: 200 * SCALE });
  });

  it('the best coupons are never worse than any other choice of the wallet (brute force over every subset)', () => {
    fc.assert(fc.property(base, fc.tuple(couponArb('w1'), couponArb('w2'), couponArb('w3'), couponArb('w4')).chain((cs) => fc.subarray(cs)), (b, wallet) => {
      const chosen = bestCoupons(b, wallet, KINDS);
      const best = price({ ...b, coupons: wallet.filter((c) => chosen.includes(c.id)) });
      checkBalanced(best, { ...b, coupons: [] });
      // The engine uses every coupon it was given for the best choice.
      expect(best.applied.filter((a) => a.source === 'coupon').map((a) => a.sourceId).sort()).toEqual(chosen);
      for (let mask = 0; mask < 1 << wallet.length; mask++) {
        const other = price({ ...b, coupons: wallet.filter((_, k) => mask & (1 << k)) });
        expect(best.totals.payableFen).toBeLessThanOrEqual(other.totals.payableFen);
      }
    }), { numRuns: 150 * SCALE });
  });
});
