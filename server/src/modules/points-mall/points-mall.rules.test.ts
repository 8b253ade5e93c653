import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affordable, blockOf, maskMobile, onShelfAt, type ShelfItem } from './points-mall.rules.ts';

const now = new Date('2026-11-23T06:00:00Z');
const item = (over: Partial<ShelfItem> = {}): ShelfItem => ({
  onShelf: true, deleted: false, validFrom: null, validUntil: null, stock: 5, pointsPrice: 1000, perCustomerLimit: 2, ...over,
});

describe('points mall rules', () => {
  it('the window: from inclusive, until exclusive', () => {
    expect(onShelfAt(item({ validFrom: now }), now)).toBe(true);
    expect(onShelfAt(item({ validUntil: now }), now)).toBe(false);
    expect(onShelfAt(item({ validFrom: new Date(now.getTime() + 1) }), now)).toBe(false);
    expect(onShelfAt(item({ onShelf: false }), now)).toBe(false);
    expect(onShelfAt(item({ deleted: true }), now)).toBe(false);
  });

  it('names the first thing in the way, in the order a shopper would fix it', () => {
    const me = { exchanged: 0, balance: 5000 };
    expect(blockOf(item(), me, now)).toBeNull();
    expect(blockOf(item({ onShelf: false, stock: 0 }), me, now)).toBe('off_shelf');
    expect(blockOf(item({ validFrom: new Date(now.getTime() + 60_000) }), me, now)).toBe('not_started');
    expect(blockOf(item({ validUntil: new Date(now.getTime() - 60_000) }), me, now)).toBe('ended');
    expect(blockOf(item({ stock: 0 }), { exchanged: 9, balance: 0 }, now)).toBe('sold_out');
    expect(blockOf(item(), null, now)).toBe('sign_in');
    expect(blockOf(item(), { exchanged: 2, balance: 0 }, now)).toBe('limit_reached');
    expect(blockOf(item(), { exchanged: 1, balance: 999 }, now)).toBe('insufficient_points');
    expect(blockOf(item(), { exchanged: 1, balance: 1000 }, now)).toBeNull();
  });

  it('affordable never exceeds stock, the limit left or the points, and agrees with blockOf', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 100_000 }),
      (stock, pointsPrice, perCustomerLimit, exchanged, balance) => {
        const it = item({ stock, pointsPrice, perCustomerLimit });
        const n = affordable(it, { exchanged, balance });
        expect(n).toBeLessThanOrEqual(stock);
        expect(n).toBeLessThanOrEqual(Math.max(0, perCustomerLimit - exchanged));
        expect(n * pointsPrice).toBeLessThanOrEqual(balance);
        expect(n > 0).toBe(blockOf(it, { exchanged, balance }, now) === null);
      }));
  });

  it('masks phones', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+441234567890')).toBe('*********7890');
    expect(maskMobile(null)).toBeNull();
  });
});
