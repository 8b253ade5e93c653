import type { TCategory } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { categoryOptions, indexCategories, priceRange, thumbOf } from './catalog.ts';

const cat = (id: string, children: TCategory[] = []): TCategory => ({ id, parentId: null, name: id.toUpperCase(), icon: null, sort: 0, productCount: 0, children });

describe('catalog display helpers', () => {
  it('finds the WebP thumbnail of an uploaded image, and leaves other URLs alone', () => {
    expect(thumbOf('/media/01a2-b3.png')).toBe('/media/thumbs/01a2-b3.webp');
    expect(thumbOf('/media/thumbs/01a2.webp')).toBe('/media/thumbs/01a2.webp');
    expect(thumbOf('https://cdn.example.com/a.jpg')).toBe('https://cdn.example.com/a.jpg');
    expect(thumbOf(null)).toBeNull();
  });

  it('shows one price or a range, as the server priced it', () => {
    expect(priceRange(12800, 12800)).toBe('¥128.00');
    expect(priceRange(12800, 14800)).toBe('¥128.00 – ¥148.00');
  });

  it('makes cascader options, greying out a category and its children', () => {
    const tree = [cat('a', [cat('a1', [cat('a11')])]), cat('b')];
    const options = categoryOptions(tree, 'a1');
    expect(options[0]!.disabled).toBeUndefined();
    expect(options[0]!.children![0]).toMatchObject({ value: 'a1', disabled: true });
    expect(options[0]!.children![0]!.children![0]).toMatchObject({ value: 'a11', disabled: true });
    expect(indexCategories(tree).get('a11')).toMatchObject({ path: ['A', 'A1', 'A11'], depth: 3 });
  });
});
