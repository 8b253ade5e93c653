import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { availableOf, mergeStockLines } from './stock-lines.rules.ts';

const DEF = 'loc-default';

describe('mergeStockLines', () => {
  it('sums the same SKU at the same location and fills in the default location', () => {
    const merged = mergeStockLines([{ skuId: 'b', qty: 2 }, { skuId: 'a', qty: 1 }, { skuId: 'b', qty: 3, locationId: DEF }, { skuId: 'b', qty: 1, locationId: 'x' }], DEF);
    expect(merged).toEqual([
      { skuId: 'a', qty: 1, locationId: DEF },
      { skuId: 'b', qty: 5, locationId: DEF },
      { skuId: 'b', qty: 1, locationId: 'x' },
    ]);
  });

  it('refuses zero, negative and fractional quantities', () => {
    expect(mergeStockLines([{ skuId: 'a', qty: 0 }], DEF)).toBeNull();
    expect(mergeStockLines([{ skuId: 'a', qty: -1 }], DEF)).toBeNull();
    expect(mergeStockLines([{ skuId: 'a', qty: 1.5 }], DEF)).toBeNull();
    expect(mergeStockLines([{ skuId: 'a', qty: Number.MAX_SAFE_INTEGER }, { skuId: 'a', qty: 1 }], DEF)).toBeNull();
  });

  it('keeps the total quantity and always yields the same lock order whatever the input order', () => {
    const line = fc.record({ skuId: fc.constantFrom('s1', 's2', 's3', 's4'), qty: fc.integer({ min: 1, max: 50 }), locationId: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const a = mergeStockLines(lines, DEF)!;
        const b = mergeStockLines([...lines].reverse(), DEF)!;
        expect(a).toEqual(b);
        expect(a.reduce((s, l) => s + l.qty, 0)).toBe(lines.reduce((s, l) => s + l.qty, 0));
        const keys = a.map((l) => `${l.skuId}/${l.locationId}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});

describe('availableOf', () => {
  it('is on hand minus reserved, never below zero', () => {
    expect(availableOf({ onHand: 10, reserved: 3 })).toBe(7);
    expect(availableOf({ onHand: 1, reserved: 3 })).toBe(0);
  });
});
