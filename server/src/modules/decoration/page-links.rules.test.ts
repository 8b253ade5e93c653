import { describe, expect, it } from 'vitest';
import type { TBlock } from '@koi/contracts';
import { firstUnknown, isSafeUrl, refsOf, repeatedBlockId } from './page-links.rules.ts';

const blocks: TBlock[] = [
  { kind: 'banner', id: 'b1', autoplayMs: 4000, items: [{ image: '/media/banner-1.png', title: '春茶上新', link: { type: 'collection', id: 'col-new' } }] },
  { kind: 'notice', id: 'n1', text: '新人注册即送 20 元茶礼券', link: { type: 'page', slug: 'new-member' } },
  { kind: 'category_nav', id: 'c1', columns: 4, items: [{ categoryId: 'cat-pot', label: '', icon: null }] },
  { kind: 'product_grid', id: 'g1', title: '热销', columns: 2, limit: 6, source: { type: 'products', productIds: ['p1', 'p2'] } },
  { kind: 'image_hotspot', id: 'h1', image: 'https://cdn.example.com/a.png', hotspots: [{ x: 0, y: 0, w: 50, h: 50, link: { type: 'url', url: 'javascript:alert(1)' } }] },
  { kind: 'coupon', id: 'k1', title: '', templateIds: ['tpl-1'] },
];

describe('refsOf', () => {
  it('finds every product, category, collection and page a page points at, with its path', () => {
    const { refs, urls } = refsOf(blocks);
    expect(refs.map((r) => `${r.block}:${r.type}:${r.id}:${r.path}`)).toEqual([
      'b1:collection:col-new:blocks.0.items.0.link.id',
      'n1:page:new-member:blocks.1.link.slug',
      'c1:category:cat-pot:blocks.2.items.0.categoryId',
      'g1:product:p1:blocks.3.source.productIds.0',
      'g1:product:p2:blocks.3.source.productIds.1',
    ]);
    expect(urls.map((u) => u.url)).toEqual(['/media/banner-1.png', 'https://cdn.example.com/a.png', 'javascript:alert(1)']);
  });

  it('names the first unknown reference', () => {
    const { refs } = refsOf(blocks);
    const known = { product: new Set(['p1', 'p2']), category: new Set(['cat-pot']), collection: new Set<string>(), page: new Set(['new-member']) };
    expect(firstUnknown(refs, known)).toMatchObject({ block: 'b1', type: 'collection', id: 'col-new' });
    expect(firstUnknown(refs, { ...known, collection: new Set(['col-new']) })).toBeNull();
  });
});

describe('isSafeUrl', () => {
  it('allows site paths and http(s) only', () => {
    expect(isSafeUrl('/media/a.png')).toBe(true);
    expect(isSafeUrl('https://cdn.example.com/a.png')).toBe(true);
    expect(isSafeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeUrl('data:image/png;base64,xx')).toBe(false);
    expect(isSafeUrl('//evil.example.com/a.png')).toBe(false);
    expect(isSafeUrl('/\\evil.example.com')).toBe(false);
  });
});

describe('repeatedBlockId', () => {
  it('finds a block id used twice', () => {
    expect(repeatedBlockId(blocks)).toBeNull();
    expect(repeatedBlockId([...blocks, { kind: 'rich_text', id: 'g1', html: '' }])).toBe('g1');
  });
});
