import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TScope } from '@koi/contracts';
import { couponsForProduct, scopeCovers } from './coupon-for-product.rules.ts';

const product = { productId: 'p1', categoryIds: ['c-child', 'c-parent'] };
const scope = (type: TScope['type'], ids: string[] = [], excludeProductIds: string[] = []): TScope => ({ type, ids, excludeProductIds });

describe('scopeCovers', () => {
  it('all covers every product unless it is excluded', () => {
    expect(scopeCovers(scope('all'), product)).toBe(true);
    expect(scopeCovers(scope('all', [], ['p1']), product)).toBe(false);
  });
  it('categories match the product category or its parent', () => {
    expect(scopeCovers(scope('categories', ['c-child']), product)).toBe(true);
    expect(scopeCovers(scope('categories', ['c-parent']), product)).toBe(true);
    expect(scopeCovers(scope('categories', ['c-other']), product)).toBe(false);
    expect(scopeCovers(scope('categories', ['c-parent'], ['p1']), product)).toBe(false);
  });
  it('products match the product id only', () => {
    expect(scopeCovers(scope('products', ['p1']), product)).toBe(true);
    expect(scopeCovers(scope('products', ['p2']), product)).toBe(false);
    expect(scopeCovers(scope('products', ['p1'], ['p1']), product)).toBe(false);
  });
  it('an excluded product is never covered, whatever the scope', () => {
    fc.assert(fc.property(fc.constantFrom<TScope['type']>('all', 'categories', 'products'), fc.array(fc.constantFrom('p1', 'c-child', 'c-parent', 'x'), { minLength: 1 }), (type, ids) => {
      expect(scopeCovers(scope(type, type === 'all' ? [] : ids, ['p1']), product)).toBe(false);
    }));
  });
});

describe('couponsForProduct', () => {
  it('keeps the covered templates in the coupon centre order, claimed or not', () => {
    const items = [
      { id: 'a', scope: scope('all'), canClaim: false },
      { id: 'b', scope: scope('products', ['p2']), canClaim: true },
      { id: 'c', scope: scope('categories', ['c-parent']), canClaim: true },
      { id: 'd', scope: scope('all'), canClaim: true },
    ];
    expect(couponsForProduct(items, product).map((t) => t.id)).toEqual(['a', 'c', 'd']);
  });
});
