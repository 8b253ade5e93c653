import type { TOrderLine } from '@koi/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustFormFor, allocationTable, reconcile, toAdjustInput } from './data.ts';

const line = (id: string, subtotalFen: number, discounts: TOrderLine['discounts']): TOrderLine => {
  const discountFen = discounts.reduce((s, d) => s + d.amountFen, 0);
  return { id, skuId: `s-${id}`, productId: `p-${id}`, title: `商品${id}`, specValues: ['120ml'], image: null, quantity: 1, listPriceFen: null, unitPriceFen: subtotalFen, subtotalFen, discounts, discountFen, payableFen: subtotalFen - discountFen };
};
const promo = (amountFen: number) => ({ source: 'promotion' as const, sourceId: 'pm1', label: '满300减30', amountFen });
const coupon = (amountFen: number) => ({ source: 'coupon' as const, sourceId: 'c1', label: '新客券', amountFen });

describe('allocationTable', () => {
  const lines = [line('a', 12800, [promo(1280), coupon(640)]), line('b', 25600, [promo(2560), coupon(1280)]), line('c', 1000, [])];
  const table = allocationTable(lines);

  it('has a column per source in order of appearance and a row per line', () => {
    expect(table.columns.map((c) => c.label)).toEqual(['满300减30', '新客券']);
    expect(table.rows.map((r) => r.amounts)).toEqual([{ 'promotion:pm1': 1280, 'coupon:c1': 640 }, { 'promotion:pm1': 2560, 'coupon:c1': 1280 }, {}]);
  });

  it('sums each column in the totals row', () => {
    expect(table.totals).toEqual({ subtotalFen: 39400, amounts: { 'promotion:pm1': 3840, 'coupon:c1': 1920 }, discountFen: 5760, payableFen: 33640 });
  });

  it('agrees with an order whose figures match, and names what does not', () => {
    const order = { itemsTotalFen: 39400, promotionDiscountFen: 3840, couponDiscountFen: 1920, adjustmentFen: 0, shippingFen: 1000, shippingDiscountFen: 1000, payableFen: 33640 };
    expect(reconcile(order, table)).toEqual([]);
    expect(reconcile({ ...order, couponDiscountFen: 1921, payableFen: 33641 }, table)).toEqual(['coupon', 'payable']);
  });

  it('totals are the sums of the rows, whatever the lines (property)', () => {
    const discount = fc.record({
      source: fc.constantFrom('promotion' as const, 'coupon' as const, 'points' as const, 'adjustment' as const),
      sourceId: fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null }),
      label: fc.constantFrom('满减', '券', '积分', '改价'),
      amountFen: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.array(discount, { maxLength: 4 })), { maxLength: 8 }), (specs) => {
        const t = allocationTable(specs.map(([sub, ds], i) => line(String(i), sub, ds)));
        for (const c of t.columns) expect(t.totals.amounts[c.key]).toBe(t.rows.reduce((s, r) => s + (r.amounts[c.key] ?? 0), 0));
        expect(t.totals.payableFen).toBe(t.rows.reduce((s, r) => s + r.payableFen, 0));
        const columnSum = Object.values(t.totals.amounts).reduce((s, v) => s + v, 0);
        expect(columnSum).toBe(t.totals.discountFen);
      }),
    );
  });
});

describe('改价 form', () => {
  it('starts from what the buyer would pay now', () => {
    const lines = [line('a', 12800, [promo(1280)]), line('b', 1000, [])];
    expect(adjustFormFor({ lines, shippingFen: 1000, shippingDiscountFen: 0 })).toEqual({ items: '125.20', shipping: '10.00', reason: '' });
  });

  it('turns yuan text into exact fen and requires a reason', () => {
    expect(toAdjustInput({ items: '99.90', shipping: '0', reason: ' 老客户优惠 ' })).toEqual({ ok: true, body: { itemsPayableFen: 9990, shippingFen: 0, reason: '老客户优惠' } });
    expect(toAdjustInput({ items: '9.999', shipping: '0', reason: 'x' })).toEqual({ ok: false, field: 'items', error: 'decimals' });
    expect(toAdjustInput({ items: '10', shipping: '-1', reason: 'x' })).toEqual({ ok: false, field: 'shipping', error: 'negative' });
    expect(toAdjustInput({ items: '10', shipping: '0', reason: '  ' })).toEqual({ ok: false, field: 'reason', error: 'reason' });
  });
});
