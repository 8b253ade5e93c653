import { describe, expect, it } from 'vitest';
import { priceCart } from './price-cart.rules.ts';
import { quoteRefund, RefundQuantityError } from './refund.rules.ts';
import { amountOffCoupon, cart, fullReduction, line } from './pricing-fixtures.ts';

const order = priceCart(cart([line('a', 10000, 3), line('b', 5000)], {
  promotions: [fullReduction('mj', [[30000, 3000]])], coupons: [amountOffCoupon('k', 0, 1000)], shippingFen: 800, storedValue: { balanceFen: 2000, requestedFen: null },
}));

describe('quoteRefund', () => {
  it('refunds one unit of a line by its share of the line, and the rest of the line exactly', () => {
    const line = order.lines[0]!;
    // 3 × ¥100 − ¥25.71 (its share of 满减 ¥30) − ¥8.57 (of the ¥10 coupon); ¥16.71 of it paid from the balance.
    expect([line.payableFen, line.storedValueFen, line.cashFen]).toEqual([26572, 1671, 24901]);
    const one = quoteRefund(order, [{ lineId: 'a', quantity: 1 }]);
    // ⌊1671 / 3⌋ = 557 back to the balance, ⌊24901 / 3⌋ = 8300 back to WeChat Pay / Alipay.
    expect(one.lines[0]).toEqual({ lineId: 'a', quantity: 1, amountFen: 8857, storedValueFen: 557, cashFen: 8300, pointsFen: 0, points: 0 });
    expect(one.shipping).toBeNull();
    const rest = quoteRefund(order, [{ lineId: 'a', quantity: 2 }], [{ lineId: 'a', quantity: 1 }]);
    expect(one.totals.amountFen + rest.totals.amountFen).toBe(line.payableFen);
    expect(one.totals.storedValueFen + rest.totals.storedValueFen).toBe(line.storedValueFen);
  });

  it('gives the shipping fee back with the last unit of the order', () => {
    const q = quoteRefund(order, [{ lineId: 'b', quantity: 1 }], [{ lineId: 'a', quantity: 3 }]);
    expect(q.shipping).toMatchObject({ amountFen: 800 });
    expect(quoteRefund(order, [{ lineId: 'a', quantity: 3 }, { lineId: 'b', quantity: 1 }]).totals.amountFen).toBe(order.totals.payableFen);
  });

  it('refuses more units than are left, or unknown lines', () => {
    expect(() => quoteRefund(order, [{ lineId: 'a', quantity: 2 }], [{ lineId: 'a', quantity: 2 }])).toThrow(RefundQuantityError);
    expect(() => quoteRefund(order, [{ lineId: 'zz', quantity: 1 }])).toThrow(RangeError);
  });
});
