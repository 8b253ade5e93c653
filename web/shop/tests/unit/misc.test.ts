import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCount } from '../../src/utils/format-count.ts';
import { queryParam } from '../../src/utils/query-param.ts';
import { filterCount, filterQuery, NO_FILTERS } from '../../src/utils/search-filters.ts';
import { priceRangeBounds } from '../../src/utils/price-range.ts';
import { addRecent, RECENT_MAX } from '../../src/utils/recent.ts';
import { fitRichText } from '../../src/utils/rich-text.ts';

describe('priceRangeBounds', () => {
  it('reads "<minFen>-<maxFen>" with open ends', () => {
    assert.deepEqual(priceRangeBounds('0-5000'), { priceMinFen: 0, priceMaxFen: 5000 });
    assert.deepEqual(priceRangeBounds('20000-'), { priceMinFen: 20000 });
    assert.deepEqual(priceRangeBounds('-9900'), { priceMaxFen: 9900 });
  });
  it('rejects anything else', () => {
    for (const bad of ['', '-', 'abc', '1.5-2', '10-20-30', '99999999999999999999-']) assert.equal(priceRangeBounds(bad), null, bad);
  });
});

describe('addRecent', () => {
  it('puts the newest first, once, and keeps at most 20', () => {
    let list: { id: string }[] = [];
    for (let i = 0; i < 25; i++) list = addRecent(list, { id: `p${i}` });
    assert.equal(list.length, RECENT_MAX);
    assert.equal(list[0].id, 'p24');
    assert.equal(list.at(-1)?.id, 'p5');
    list = addRecent(list, { id: 'p10' });
    assert.equal(list[0].id, 'p10');
    assert.equal(list.filter((x) => x.id === 'p10').length, 1);
    assert.equal(list.length, RECENT_MAX);
  });
});

describe('fitRichText', () => {
  it('keeps images and tables inside the screen', () => {
    assert.equal(fitRichText('<p><img src="/media/a.jpg"></p>'), '<p><img style="max-width:100%;height:auto;display:block;" src="/media/a.jpg"></p>');
    assert.equal(fitRichText('<img src="a" style="border:0">'), '<img src="a" style="max-width:100%;height:auto;display:block;border:0">');
    assert.equal(fitRichText('<table><tr><td>1</td></tr></table>'), '<table style="max-width:100%;"><tr><td>1</td></tr></table>');
  });
});

describe('formatCount', () => {
  it('abbreviates large counts, rounding down', () => {
    assert.equal(formatCount(9999, 'zh-CN'), '9999');
    assert.equal(formatCount(12_345, 'zh-CN'), '1.2万');
    assert.equal(formatCount(20_000, 'zh-CN'), '2万');
    assert.equal(formatCount(19_999, 'zh-CN'), '1.9万');
    assert.equal(formatCount(999, 'en'), '999');
    assert.equal(formatCount(12_345, 'en'), '12.3k');
  });
});

describe('queryParam', () => {
  it('decodes what the mini-program leaves encoded, keeps what H5 already decoded', () => {
    assert.equal(queryParam(encodeURIComponent('紫砂 壶')), '紫砂 壶');
    assert.equal(queryParam('紫砂 壶'), '紫砂 壶');
    assert.equal(queryParam('100%'), '100%');
    assert.equal(queryParam('  '), undefined);
    assert.equal(queryParam(undefined), undefined);
    assert.equal(queryParam(3), undefined);
  });
});

describe('filterQuery', () => {
  it('sends only the filters that are on, the price range as fen bounds', () => {
    assert.deepEqual(filterQuery(NO_FILTERS), {});
    assert.equal(filterCount(NO_FILTERS), 0);
    const f = { categoryId: 'c1', priceRange: '10000-30000', tag: '', inStock: true };
    assert.deepEqual(filterQuery(f), { categoryId: 'c1', inStock: 'true', priceMinFen: 10000, priceMaxFen: 30000 });
    assert.equal(filterCount(f), 3);
    assert.deepEqual(filterQuery({ ...NO_FILTERS, priceRange: 'cheap' }), {});
  });
});
