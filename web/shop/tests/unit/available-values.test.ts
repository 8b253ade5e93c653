// Run: node --import tsx --test tests/unit/*.test.ts (from web/shop; see README)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availableValues, type SkuLike, type SpecLike } from '../../src/utils/available-values.ts';
import { initialChoice, matchSku } from '../../src/utils/sku-choice.ts';

const specs: SpecLike[] = [
  { name: '颜色', values: ['天青', '月白', '豆青'] },
  { name: '容量', values: ['120ml', '150ml'] },
];
const sku = (a: string, b: string, stockState: SkuLike['stockState'] = 'in_stock'): SkuLike => ({ specValues: [a, b], stockState });
// 豆青 is only made in 150ml; 月白 150ml is sold out.
const skus = [sku('天青', '120ml'), sku('天青', '150ml', 'low'), sku('月白', '120ml'), sku('月白', '150ml', 'out_of_stock'), sku('豆青', '150ml')];

describe('availableValues', () => {
  it('with nothing chosen, every value some in-stock SKU has', () => {
    assert.deepEqual(availableValues(specs, skus, [null, null]), [['天青', '月白', '豆青'], ['120ml', '150ml']]);
  });

  it('greys out values that cannot lead to an in-stock SKU given the other choices', () => {
    assert.deepEqual(availableValues(specs, skus, ['月白', null]), [['天青', '月白', '豆青'], ['120ml']]);
    assert.deepEqual(availableValues(specs, skus, [null, '150ml']), [['天青', '豆青'], ['120ml', '150ml']]);
    assert.deepEqual(availableValues(specs, skus, ['豆青', null]), [['天青', '月白', '豆青'], ['150ml']]);
  });

  it('ignores a dimension’s own choice, so the shopper can switch within it', () => {
    assert.deepEqual(availableValues(specs, skus, ['天青', '120ml'])[0], ['天青', '月白']);
  });

  it('low stock is still in stock; everything sold out leaves nothing', () => {
    assert.deepEqual(availableValues(specs, [sku('天青', '150ml', 'low')], [null, null]), [['天青'], ['150ml']]);
    assert.deepEqual(availableValues(specs, skus.map((s) => ({ ...s, stockState: 'out_of_stock' as const })), [null, null]), [[], []]);
  });

  it('keeps the spec order whatever the SKU order', () => {
    assert.deepEqual(availableValues(specs, [...skus].reverse(), [null, null])[0], ['天青', '月白', '豆青']);
  });

  it('a product without specs has no rows', () => {
    assert.deepEqual(availableValues([], [{ specValues: [], stockState: 'in_stock' }], []), []);
  });

  it('property: a value is offered iff an in-stock SKU has it and agrees with the other choices; picking offered values always ends on an in-stock SKU', () => {
    let seed = 20260704;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const states: SkuLike['stockState'][] = ['in_stock', 'low', 'out_of_stock'];
    for (let run = 0; run < 400; run++) {
      const dims: SpecLike[] = Array.from({ length: 1 + rand(3) }, (_, d) => ({ name: `d${d}`, values: Array.from({ length: 1 + rand(4) }, (_, v) => `v${d}${v}`) }));
      // A random subset of the full cartesian product, with random stock.
      let combos: string[][] = [[]];
      for (const dim of dims) combos = combos.flatMap((c) => dim.values.map((v) => [...c, v]));
      const all = combos.filter(() => rand(4) > 0).map((specValues) => ({ specValues, stockState: states[rand(3)] }));
      const chosen = dims.map((dim) => (rand(2) ? dim.values[rand(dim.values.length)] : null));

      const got = availableValues(dims, all, chosen);
      dims.forEach((dim, d) => {
        for (const v of dim.values) {
          const expected = all.some((s) => s.stockState !== 'out_of_stock' && s.specValues[d] === v && chosen.every((c, e) => e === d || c === null || s.specValues[e] === c));
          assert.equal(got[d].includes(v), expected, `run ${run}: dimension ${d} value ${v}`);
        }
      });

      // A shopper who taps only offered values, dimension by dimension, ends on an in-stock SKU.
      const walk: (string | null)[] = initialChoice(dims, all);
      for (let d = 0; d < dims.length; d++) {
        const offered = availableValues(dims, all, walk)[d];
        if (!offered.length) break;
        walk[d] = offered[rand(offered.length)];
      }
      const picked = matchSku(dims, all, walk);
      if (walk.every((c) => c !== null)) {
        assert.ok(picked, `run ${run}: complete choice ${walk.join('/')} names no SKU`);
        assert.notEqual(picked.stockState, 'out_of_stock');
      }
    }
  });
});
