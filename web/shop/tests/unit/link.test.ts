import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkTarget, withQuery } from '../../src/utils/link.ts';

describe('linkTarget', () => {
  it('maps every link type to the shop page that shows it', () => {
    assert.deepEqual(linkTarget({ type: 'product', id: 'p_1' }), { kind: 'page', url: '/pages/product/product?id=p_1' });
    assert.deepEqual(linkTarget({ type: 'category', id: 'c 1' }), { kind: 'page', url: '/pages/list/list?categoryId=c%201' });
    assert.deepEqual(linkTarget({ type: 'category', id: 'c1' }, '紫砂壶'), { kind: 'page', url: `/pages/list/list?categoryId=c1&title=${encodeURIComponent('紫砂壶')}` });
    assert.deepEqual(linkTarget({ type: 'collection', id: 'k9' }), { kind: 'page', url: '/pages/list/list?collectionId=k9' });
    assert.deepEqual(linkTarget({ type: 'search', q: '紫砂 壶&' }), { kind: 'page', url: `/pages/search/search?q=${encodeURIComponent('紫砂 壶&')}` });
    assert.deepEqual(linkTarget({ type: 'page', slug: 'spring-tea' }), { kind: 'page', url: '/pages/page/page?slug=spring-tea' });
    assert.deepEqual(linkTarget({ type: 'url', url: 'https://example.com/a?b=1' }), { kind: 'external', url: 'https://example.com/a?b=1' });
  });

  it('the home page is a tab, opened without a query', () => {
    assert.deepEqual(linkTarget({ type: 'page', slug: 'home' }), { kind: 'tab', url: '/pages/index/index' });
  });

  it('withQuery drops empty values', () => {
    assert.equal(withQuery('/p', { a: '', b: undefined }), '/p');
    assert.equal(withQuery('/p', { a: '1', b: undefined, c: 'x y' }), '/p?a=1&c=x%20y');
  });
});
