import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { priceCart } from '../pricing/index.ts';
import { NOW, amountOffCoupon, cart, fullReduction, line } from '../pricing/pricing-fixtures.ts';
import { addEffect, DRAFT_ID, newTally, replayOrder, summarize, type SkuFacts, type SoldOrder } from './dry-run.rules.ts';

const facts = new Map<string, SkuFacts>([
  ['tea', { categoryIds: ['c-tea'], costPriceFen: 4000, weightGrams: 200 }],
  ['cup', { categoryIds: ['c-cup'], costPriceFen: null, weightGrams: 300 }],
]);
const look = (id: string) => facts.get(id);

function order(id: string, customerId: string, lines: [string, number, number][], shippingFen = 0): SoldOrder {
  return {
    id, orderNo: `N${id}`, customerId, createdAt: NOW, shippingFen,
    lines: lines.map(([skuId, unitPriceFen, quantity]) => ({ skuId, productId: `p-${skuId}`, quantity, unitPriceFen, listPriceFen: null })),
  };
}

const draft = { promotion: { ...fullReduction(DRAFT_ID, [[30000, 4000]]), startsAt: '1970-01-01T00:00:00.000Z' } };
const running = [fullReduction('mj', [[30000, 3000], [60000, 8000]])];

describe('replayOrder', () => {
  it('prices with and without the draft through the engine itself', () => {
    const o = order('1', 'c1', [['tea', 20000, 2]]);
    const e = replayOrder(o, look, running, draft, NOW);
    const lines = [line('0', 20000, 2, { skuId: 'tea', productId: 'p-tea', categoryIds: ['c-tea'], weightGrams: 200 })];
    expect(e.before).toEqual(priceCart(cart(lines, { promotions: running })));
    expect(e.after).toEqual(priceCart(cart(lines, { promotions: [...running, draft.promotion] })));
    // 满减 is one exclusive group: the engine keeps the better of 减30 and 减40.
    expect(e.before.totals.payableFen - e.after.totals.payableFen).toBe(1000);
    expect(e.costs).toEqual([4000]);
  });

  it('leaves an order below the threshold untouched and says why', () => {
    const t = newTally(5);
    addEffect(t, replayOrder(order('2', 'c2', [['tea', 10000, 1]]), look, [], draft, NOW));
    const s = summarize(t);
    expect(s).toMatchObject({ ordersScanned: 1, ordersTouched: 0, customersTouched: 0, discountCostFen: 0, applied: 0, sample: [] });
    expect(s.notApplied).toHaveLength(1);
    expect(s.notApplied[0]!.count).toBe(1);
  });

  it('prices a coupon template as if the shopper held one', () => {
    const coupon = { ...amountOffCoupon(DRAFT_ID, 20000, 2000), validFrom: '1970-01-01T00:00:00.000Z', validUntil: '9999-12-31T23:59:59.999Z' };
    const e = replayOrder(order('3', 'c3', [['cup', 25000, 1]], 800), look, [], { coupon }, NOW);
    expect(e.before.totals.payableFen - e.after.totals.payableFen).toBe(2000);
    expect(e.after.applied.some((a) => a.sourceId === DRAFT_ID)).toBe(true);
  });
});

describe('addEffect / summarize', () => {
  it('margin counts only lines with a cost price; AOV over every scanned order', () => {
    const t = newTally(10);
    addEffect(t, replayOrder(order('1', 'c1', [['tea', 20000, 1], ['cup', 20000, 1]]), look, [], draft, NOW));
    addEffect(t, replayOrder(order('2', 'c1', [['tea', 10000, 1]]), look, [], draft, NOW));
    const s = summarize(t);
    // Order 1: 40000 → 36000, the 4000 allocated 2000/2000 by largest remainder; only the tea line has a cost.
    expect(s).toMatchObject({
      ordersScanned: 2, customersScanned: 1, ordersTouched: 1, customersTouched: 1, discountCostFen: 4000,
      revenueBeforeFen: 50000, revenueAfterFen: 46000, aovBeforeFen: 25000, aovAfterFen: 23000,
      costFen: 8000, lines: 3, linesWithoutCost: 1, costedRevenueBeforeFen: 30000, costedRevenueAfterFen: 28000,
      marginBeforeFen: 22000, marginAfterFen: 20000, marginChangeFen: -2000, aovChangeFen: -2000, marginRateBeforeBp: 7333, marginRateAfterBp: 7143, applied: 1,
    });
    expect(s.sample).toEqual([{ orderId: '1', orderNo: 'N1', customerId: 'c1', createdAt: NOW, beforeFen: 40000, afterFen: 36000, deltaFen: 4000 }]);
  });

  it('on random orders: cost = revenue before − after = Σ per-order engine deltas; the sample is the largest deltas', () => {
    const arbOrder = fc.record({
      customer: fc.constantFrom('a', 'b', 'c', 'd'),
      lines: fc.array(fc.tuple(fc.constantFrom('tea', 'cup', 'gone'), fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 5 }),
      shipping: fc.integer({ min: 0, max: 2000 }),
    });
    fc.assert(fc.property(fc.array(arbOrder, { maxLength: 30 }), fc.integer({ min: 0, max: 5 }), (orders, k) => {
      const t = newTally(k);
      const deltas: number[] = [];
      orders.forEach((o, i) => {
        const e = replayOrder(order(String(i), o.customer, o.lines, o.shipping), look, running, draft, NOW);
        deltas.push(e.before.totals.payableFen - e.after.totals.payableFen);
        addEffect(t, e);
      });
      const s = summarize(t);
      const sum = deltas.reduce((a, b) => a + b, 0);
      expect(s.discountCostFen).toBe(sum);
      expect(s.revenueBeforeFen - s.revenueAfterFen).toBe(sum);
      expect(s.ordersTouched).toBe(deltas.filter((d) => d !== 0).length);
      expect(deltas.every((d) => d >= 0)).toBe(true);
      const top = deltas.filter((d) => d !== 0).sort((a, b) => b - a).slice(0, k);
      expect(s.sample.map((x) => x.deltaFen)).toEqual(top);
      expect(s.marginBeforeFen - s.marginAfterFen).toBe(s.costedRevenueBeforeFen - s.costedRevenueAfterFen);
    }), { numRuns: 200 });
  });
});
