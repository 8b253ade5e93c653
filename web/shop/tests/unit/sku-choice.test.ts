import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SkuLike, SpecLike } from '../../src/utils/available-values.ts';
import { DEFAULT_MAX_QUANTITY, initialChoice, matchSku, maxQuantity } from '../../src/utils/sku-choice.ts';

const specs: SpecLike[] = [
  { name: '颜色', values: ['天青', '月白'] },
  { name: '规格', values: ['单只'] },
];
const skus = [
  { id: 'a', specValues: ['天青', '单只'], stockState: 'in_stock' as const },
  { id: 'b', specValues: ['月白', '单只'], stockState: 'out_of_stock' as const },
];

describe('matchSku', () => {
  it('names the SKU only once every dimension is chosen', () => {
    assert.equal(matchSku(specs, skus, ['天青', null]), null);
    assert.equal(matchSku(specs, skus, ['天青', '单只'])?.id, 'a');
    assert.equal(matchSku(specs, skus, ['月白', '单只'])?.id, 'b');
  });

  it('a product without specs is its one SKU', () => {
    const only = [{ id: 'x', specValues: [], stockState: 'in_stock' as const }];
    assert.equal(matchSku([], only, [])?.id, 'x');
  });
});

describe('initialChoice', () => {
  it('preselects dimensions with a single available value, chained', () => {
    // 月白 is sold out, so 颜色 has one available value; 规格 has one value anyway.
    assert.deepEqual(initialChoice(specs, skus), ['天青', '单只']);
    const two: SkuLike[] = [
      { specValues: ['天青', '单只'], stockState: 'in_stock' },
      { specValues: ['月白', '单只'], stockState: 'low' },
    ];
    assert.deepEqual(initialChoice(specs, two), [null, '单只']);
  });
});

describe('maxQuantity', () => {
  it('is capped by the purchase limit and by an exact stock count', () => {
    assert.equal(maxQuantity(null, { stockState: 'in_stock', stockLeft: null }), DEFAULT_MAX_QUANTITY);
    assert.equal(maxQuantity(2, { stockState: 'in_stock', stockLeft: null }), 2);
    assert.equal(maxQuantity(5, { stockState: 'low', stockLeft: 3 }), 3);
    assert.equal(maxQuantity(2, { stockState: 'low', stockLeft: 3 }), 2);
    assert.equal(maxQuantity(null, null), DEFAULT_MAX_QUANTITY);
  });

  it('is 0 for a sold-out SKU', () => {
    assert.equal(maxQuantity(5, { stockState: 'out_of_stock', stockLeft: 0 }), 0);
  });
});
