import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categoryRows, countDeltas } from './search-document.rules.ts';

describe('categoryRows', () => {
  it('links each category on the path to its parent, with pinyin', () => {
    expect(categoryRows([{ id: 'c1', name: '茶具' }, { id: 'c2', name: '盖碗' }])).toEqual([
      { id: 'c1', name: '茶具', parentId: null, depth: 0, pinyin: 'chaju', initials: 'cj' },
      { id: 'c2', name: '盖碗', parentId: 'c1', depth: 1, pinyin: 'gaiwan', initials: 'gw' },
    ]);
  });
});

describe('countDeltas', () => {
  it('moves a product from one category to another', () => {
    const d = countDeltas({ onSale: true, categoryIds: ['tea', 'green'], tags: ['新茶'] }, { onSale: true, categoryIds: ['tea', 'white'], tags: ['新茶'] });
    expect(Object.fromEntries(d.categories)).toEqual({ green: -1, white: 1 });
    expect(d.tags.size).toBe(0);
  });

  it('counts only on-sale versions', () => {
    const d = countDeltas({ onSale: true, categoryIds: ['a'], tags: ['t'] }, { onSale: false, categoryIds: ['a'], tags: ['t'] });
    expect(Object.fromEntries(d.categories)).toEqual({ a: -1 });
    expect(Object.fromEntries(d.tags)).toEqual({ t: -1 });
  });

  it('applying a chain of versions leaves the counts of the last one (property)', () => {
    const version = fc.record({ onSale: fc.boolean(), categoryIds: fc.subarray(['a', 'b', 'c', 'd']), tags: fc.subarray(['x', 'y', 'z']) });
    fc.assert(fc.property(fc.array(version, { minLength: 1, maxLength: 8 }), (versions) => {
      const totals = new Map<string, number>();
      let before: (typeof versions)[number] | null = null;
      for (const v of versions) {
        const d = countDeltas(before, v);
        for (const [k, n] of [...d.categories, ...[...d.tags].map(([t, n]) => [`tag:${t}`, n] as const)]) totals.set(k, (totals.get(k) ?? 0) + n);
        before = v;
      }
      const last = versions.at(-1)!;
      const expected = last.onSale ? [...last.categoryIds, ...last.tags.map((t) => `tag:${t}`)] : [];
      return [...totals].every(([k, n]) => n === (expected.includes(k) ? 1 : 0)) && expected.every((k) => totals.get(k) === 1);
    }));
  });
});
