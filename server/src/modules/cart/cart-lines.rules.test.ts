import { describe, expect, it } from 'vitest';
import { limitLeftByLine, lineIssue, mergedQuantity } from './cart-lines.rules.ts';

const ok = { sellable: true, available: 10, limitLeft: null };

describe('lineIssue', () => {
  it('flags a vanished SKU, an off-shelf product, no stock, a limit and low stock in that order', () => {
    expect(lineIssue(undefined, 1, 'zh-CN')?.code).toBe('sku_removed');
    expect(lineIssue({ ...ok, sellable: false, available: 0 }, 1, 'zh-CN')?.code).toBe('off_shelf');
    expect(lineIssue({ ...ok, available: 0 }, 1, 'zh-CN')).toMatchObject({ code: 'out_of_stock', maxQuantity: 0 });
    expect(lineIssue({ ...ok, available: 3, limitLeft: 2 }, 5, 'zh-CN')).toMatchObject({ code: 'over_limit', maxQuantity: 2 });
    expect(lineIssue({ ...ok, available: 3 }, 5, 'en')).toEqual({ code: 'insufficient_stock', maxQuantity: 3, message: 'Only 3 left' });
    expect(lineIssue({ ...ok, available: 3 }, 5, 'zh-CN')?.message).toBe('库存仅剩 3 件');
    expect(lineIssue(ok, 10, 'zh-CN')).toBeNull();
  });
});

describe('limitLeftByLine', () => {
  it('shares one product limit across its lines in order, after what was already bought', () => {
    const lines = [
      { id: 'a', productId: 'p', quantity: 1 },
      { id: 'b', productId: 'p', quantity: 2 },
      { id: 'c', productId: 'q', quantity: 9 },
    ];
    const left = limitLeftByLine(lines, new Map([['p', 3], ['q', null]]), new Map([['p', 1]]));
    expect([...left]).toEqual([['a', 2], ['b', 1], ['c', null]]);
  });
});

it('merges guest quantities with a cap', () => {
  expect(mergedQuantity(2, 3, 999)).toBe(5);
  expect(mergedQuantity(998, 3, 999)).toBe(999);
});
