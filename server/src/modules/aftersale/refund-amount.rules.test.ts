import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hold, quoteAfterSale, shareOf, splitAsked, type Quote, type Slot } from './refund-amount.rules.ts';
import { couponComesBack } from './coupon-return.rules.ts';

const slot = (quantity: number, payableFen: number): Slot => ({ quantity, payableFen, heldQty: 0, heldFen: 0 });

describe('refundable amounts', () => {
  it('splits a line by largest remainder and gives the last unit what is left', () => {
    const s = slot(3, 10_000);
    expect(shareOf(s, 1)).toBe(3_333); // 3333.33 vs 6666.67: the larger remainder stays
    const after = hold(s, 1, 3_333)!;
    expect(shareOf(after, 1)).toBe(3_334); // 3333.5 each: a tie goes to the refunded part
    expect(shareOf(after, 2)).toBe(6_667);
    expect(shareOf(s, 3)).toBe(10_000);
  });

  it('refunds shipping only when the whole order is refunded before shipping', () => {
    const slots = new Map([['a', slot(2, 5_000)], ['b', slot(1, 1_001)]]);
    const shipping = slot(1, 1_000);
    const all = [{ lineId: 'a', quantity: 2 }, { lineId: 'b', quantity: 1 }];
    expect(quoteAfterSale({ orderStatus: 'paid', kind: 'refund_only', slots, shipping, items: all })).toMatchObject({ shippingFen: 1_000, maxAmountFen: 7_001 });
    expect(quoteAfterSale({ orderStatus: 'shipped', kind: 'refund_only', slots, shipping, items: all })).toMatchObject({ shippingFen: 0, maxAmountFen: 6_001 });
    expect(quoteAfterSale({ orderStatus: 'paid', kind: 'refund_only', slots, shipping, items: [{ lineId: 'a', quantity: 2 }] })).toMatchObject({ shippingFen: 0 });
    expect(quoteAfterSale({ orderStatus: 'completed', kind: 'exchange', slots, shipping, items: all })).toMatchObject({ maxAmountFen: 0 });
    expect(quoteAfterSale({ orderStatus: 'paid', kind: 'refund_only', slots, shipping, items: [{ lineId: 'a', quantity: 3 }] })).toBe('aftersale.quantity_exceeded');
    expect(quoteAfterSale({ orderStatus: 'paid', kind: 'refund_only', slots, shipping, items: [{ lineId: 'x', quantity: 1 }] })).toBe('aftersale.line_unknown');
  });

  it('spreads a smaller asked amount without any part exceeding its maximum', () => {
    const q: Quote = { lines: [{ lineId: 'a', quantity: 1, amountFen: 300 }, { lineId: 'b', quantity: 1, amountFen: 100 }], shippingFen: 0, maxAmountFen: 400 };
    expect(splitAsked(q, 201).lines.map((l) => l.amountFen)).toEqual([151, 50]);
    expect(() => splitAsked(q, 401)).toThrow(RangeError);
  });

  it('any sequence of partial refunds (and requests given back) never exceeds a line or the order, and ends exact to the fen', () => {
    const orderArb = fc.record({
      lines: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 7 }), payableFen: fc.integer({ min: 0, max: 500_000 }) }), { minLength: 1, maxLength: 4 }),
      shippingFen: fc.integer({ min: 0, max: 2_000 }),
      paid: fc.boolean(),
    });
    const opArb = fc.array(fc.record({
      line: fc.nat(), qty: fc.integer({ min: 1, max: 7 }), askShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      end: fc.constantFrom('refund', 'refund', 'release'),
    }), { maxLength: 25 });
    fc.assert(fc.property(orderArb, opArb, (order, ops) => {
      const slots = new Map(order.lines.map((l, i) => [`L${i}`, slot(l.quantity, l.payableFen)]));
      let shipping = slot(1, order.shippingFen);
      const paidTotal = order.lines.reduce((n, l) => n + l.payableFen, 0) + order.shippingFen;
      let refunded = 0;
      const refundedBy = new Map<string, number>();
      for (const op of ops) {
        const lineId = `L${op.line % order.lines.length}`;
        const q = quoteAfterSale({ orderStatus: order.paid ? 'paid' : 'completed', kind: 'refund_only', slots, shipping, items: [{ lineId, quantity: op.qty }] });
        if (typeof q === 'string') { expect(q).toBe('aftersale.quantity_exceeded'); continue; }
        const asked = op.askShare === undefined ? q : splitAsked(q, Math.floor(q.maxAmountFen * op.askShare));
        const l = asked.lines[0]!;
        const held = hold(slots.get(lineId)!, l.quantity, l.amountFen);
        expect(held).not.toBeNull();
        slots.set(lineId, held!);
        if (asked.shippingFen) shipping = hold(shipping, 1, asked.shippingFen)!;
        if (op.end === 'release') {
          slots.set(lineId, hold(slots.get(lineId)!, l.quantity, l.amountFen, -1)!);
          if (asked.shippingFen) shipping = hold(shipping, 1, asked.shippingFen, -1)!;
        } else {
          refunded += asked.maxAmountFen;
          refundedBy.set(lineId, (refundedBy.get(lineId) ?? 0) + l.amountFen);
        }
        for (const [id, s] of slots) {
          expect(s.heldFen).toBeLessThanOrEqual(s.payableFen);
          expect(s.heldQty).toBeLessThanOrEqual(s.quantity);
          expect(refundedBy.get(id) ?? 0).toBeLessThanOrEqual(s.payableFen);
        }
        expect(refunded).toBeLessThanOrEqual(paidTotal);
      }
      // Whatever came before, the rest of every line at its maximum brings the total to the paid amount exactly when nothing was asked below it.
      const untouched = ops.every((o) => o.askShare === undefined);
      for (const [lineId, s] of slots) {
        const left = s.quantity - s.heldQty;
        if (!left) continue;
        const q = quoteAfterSale({ orderStatus: order.paid ? 'paid' : 'completed', kind: 'refund_only', slots, shipping, items: [{ lineId, quantity: left }] });
        if (typeof q === 'string') throw new Error(q);
        slots.set(lineId, hold(s, left, q.lines[0]!.amountFen)!);
        if (q.shippingFen) shipping = hold(shipping, 1, q.shippingFen)!;
        refunded += q.maxAmountFen;
      }
      expect(refunded).toBeLessThanOrEqual(paidTotal);
      if (untouched) expect(refunded).toBe(paidTotal - (order.paid ? order.shippingFen - shipping.heldFen : order.shippingFen));
    }), { numRuns: 1500 });
  });
});

describe('coupons coming back', () => {
  it('follows the configured rule, and never returns an expired coupon', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const valid = new Date('2026-12-01T00:00:00Z');
    expect(couponComesBack('never', { orderFullyRefunded: true, beforeShipping: true, validUntil: valid, now })).toBe(false);
    expect(couponComesBack('full_refund', { orderFullyRefunded: true, beforeShipping: false, validUntil: valid, now })).toBe(true);
    expect(couponComesBack('full_refund', { orderFullyRefunded: false, beforeShipping: true, validUntil: valid, now })).toBe(false);
    expect(couponComesBack('full_refund_before_shipping', { orderFullyRefunded: true, beforeShipping: false, validUntil: valid, now })).toBe(false);
    expect(couponComesBack('full_refund_before_shipping', { orderFullyRefunded: true, beforeShipping: true, validUntil: valid, now })).toBe(true);
    expect(couponComesBack('full_refund', { orderFullyRefunded: true, beforeShipping: true, validUntil: new Date('2026-11-19T00:00:00Z'), now })).toBe(false);
  });
});
