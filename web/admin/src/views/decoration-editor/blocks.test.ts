import { BLOCK_KINDS, ZBlock, ZPageDraftInput, type TBlock } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { i18n } from '@/i18n';
import { blockProblems, cloneBlocks, defaultBlock, newBlockId, PALETTE, pageProblems } from './blocks.ts';

/** Placeholder text in a test language: the key's last part (real texts fit the contract's limits too). */
const t = (key: string) => `«${key.split('.').pop()}»`;

/** A default block with what the operator would pick: an image, a category, a collection. */
function completed(block: TBlock): TBlock {
  switch (block.kind) {
    case 'banner':
      return { ...block, items: block.items.map((s) => ({ ...s, image: '/media/a.jpg' })) };
    case 'category_nav':
      return { ...block, items: [{ categoryId: 'cat_1', label: '', icon: null }] };
    case 'product_grid':
      return { ...block, source: { type: 'collection', collectionId: 'col_1' } };
    case 'image_hotspot':
      return { ...block, image: '/media/b.jpg' };
    case 'coupon':
      return { ...block, templateIds: ['tpl_1', 'tpl_2'] };
    default:
      return block;
  }
}

describe('block defaults', () => {
  it('offers every kind of the contract in the palette, activity not yet', () => {
    expect(PALETTE.map((p) => p.kind)).toEqual([...BLOCK_KINDS]);
    expect(PALETTE.filter((p) => !p.available).map((p) => p.kind)).toEqual(['activity']);
  });

  it('makes each kind with its id, the contract defaults and placeholder text in the operator language', () => {
    for (const kind of BLOCK_KINDS) {
      const block = defaultBlock(kind, 'b_1', t);
      expect(block.kind).toBe(kind);
      expect(block.id).toBe('b_1');
    }
    expect(defaultBlock('banner', 'b', t)).toMatchObject({ autoplayMs: 4000 });
    expect(defaultBlock('product_grid', 'b', t)).toMatchObject({ columns: 2, limit: 6, title: '«gridTitle»' });
    expect(defaultBlock('category_nav', 'b', t)).toMatchObject({ columns: 4 });
    expect(defaultBlock('notice', 'b', t)).toMatchObject({ text: '«notice»', link: null });
  });

  it('needs nothing more for text blocks, and exactly the missing picks for the others', () => {
    const needs = Object.fromEntries(BLOCK_KINDS.map((k) => [k, blockProblems(defaultBlock(k, 'b', t))]));
    expect(needs).toEqual({
      banner: ['decoration.problems.slideImage'],
      notice: [],
      category_nav: ['decoration.problems.noCategories'],
      product_grid: ['decoration.problems.noCollection'],
      rich_text: [],
      image_hotspot: ['decoration.problems.hotspotImage'],
      coupon: ['decoration.problems.noCoupons'],
      activity: [],
    });
  });

  it('once completed, every default is a block the contract accepts, and a page of them is a valid draft', () => {
    const blocks = BLOCK_KINDS.map((k, i) => completed(defaultBlock(k, `b_${i}`, t)));
    for (const b of blocks) {
      expect(blockProblems(b), b.kind).toEqual([]);
      expect(ZBlock.safeParse(b).success, b.kind).toBe(true);
    }
    expect(ZPageDraftInput.safeParse({ title: '首页', blocks }).success).toBe(true);
    expect(pageProblems(blocks).size).toBe(0);
  });

  it('fits the contract with the real placeholder texts of both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale;
      const tr = (key: string) => i18n.global.t(key);
      for (const kind of ['notice', 'rich_text', 'product_grid'] as const) {
        const block = completed(defaultBlock(kind, 'b', tr));
        expect(blockProblems(block), `${locale} ${kind}`).toEqual([]);
      }
    }
    i18n.global.locale.value = 'zh-CN';
  });

  it('flags what the contract would refuse even when nothing is missing', () => {
    const notice: TBlock = { kind: 'notice', id: 'n', text: 'x', link: { type: 'url', url: 'not a url' } };
    expect(blockProblems(notice)).toEqual(['decoration.problems.invalid']);
    const grid = completed(defaultBlock('product_grid', 'g', t));
    expect(blockProblems({ ...grid, source: { type: 'products', productIds: [] } } as TBlock)).toEqual(['decoration.problems.noProducts']);
    expect([...pageProblems([notice, grid]).keys()]).toEqual(['n']);
  });

  it('needs at least one coupon and refuses more than the contract allows', () => {
    const coupon = defaultBlock('coupon', 'c', t) as Extract<TBlock, { kind: 'coupon' }>;
    expect(blockProblems(coupon)).toEqual(['decoration.problems.noCoupons']);
    expect(blockProblems({ ...coupon, templateIds: ['tpl_1'] })).toEqual([]);
    expect(blockProblems({ ...coupon, templateIds: Array.from({ length: 11 }, (_, i) => `tpl_${i}`) })).toEqual(['decoration.problems.invalid']);
  });
});

describe('links', () => {
  it('flags a link whose target is not chosen yet', () => {
    const banner = completed(defaultBlock('banner', 'b', t)) as Extract<TBlock, { kind: 'banner' }>;
    expect(blockProblems({ ...banner, items: [{ ...banner.items[0]!, link: { type: 'product', id: '' } }] })).toEqual(['decoration.problems.linkIncomplete']);
    expect(blockProblems({ ...banner, items: [{ ...banner.items[0]!, link: { type: 'product', id: 'p1' } }] })).toEqual([]);
    const hotspot: TBlock = { kind: 'image_hotspot', id: 'h', image: '/media/a.jpg', hotspots: [{ x: 0, y: 0, w: 50, h: 50, link: { type: 'search', q: ' ' } }] };
    expect(blockProblems(hotspot)).toEqual(['decoration.problems.linkIncomplete']);
  });
});

describe('ids and copies', () => {
  it('makes short ids within the contract limit', () => {
    const id = newBlockId();
    expect(id).toMatch(/^b_[0-9a-z]{8}$/);
    expect(newBlockId(() => 0)).toBe('b_00000000');
  });

  it('copies reactive blocks deeply', () => {
    const source = reactive([defaultBlock('banner', 'b', t)]);
    const copy = cloneBlocks(source);
    expect(copy).toEqual(source);
    (copy[0] as Extract<TBlock, { kind: 'banner' }>).items[0]!.title = 'changed';
    expect((source[0] as Extract<TBlock, { kind: 'banner' }>).items[0]!.title).toBe('');
  });
});
