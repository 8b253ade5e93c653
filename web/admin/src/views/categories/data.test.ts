import type { TCategory } from '@koi/contracts';
import { ZCategoryInput, ZCategoryPatch } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { categoryToForm, emptyCategoryForm, nameError, nextSort, resortPatches, toCategoryInput, toCategoryPatch } from './data.ts';

const t = (key: string) => key;
const cat = (id: string, sort: number, children: TCategory[] = []): TCategory => ({ id, parentId: null, name: id, icon: null, sort, productCount: 0, children });

describe('category form', () => {
  it('makes a valid input, null for no parent and no icon', () => {
    const input = toCategoryInput({ ...emptyCategoryForm(null), name: ' 盖碗 ' });
    expect(input).toEqual({ name: '盖碗', parentId: null, icon: null, sort: 0 });
    expect(ZCategoryInput.safeParse(input).success).toBe(true);
  });

  it('patches only what changed', () => {
    const c = cat('c1', 10);
    expect(toCategoryPatch(categoryToForm(c), c)).toEqual({});
    const patch = toCategoryPatch({ ...categoryToForm(c), name: '茶盏', parentId: 'p' }, c);
    expect(patch).toEqual({ name: '茶盏', parentId: 'p' });
    expect(ZCategoryPatch.parse(patch)).toEqual(patch);
  });

  it('checks the name', () => {
    expect(nameError('  ', t)).toBe('category.nameRequired');
    expect(nameError('一二三四五六七八九十一二三四五六七八九十一', t)).toBe('category.nameTooLong');
    expect(nameError('盖碗', t)).toBeUndefined();
  });
});

describe('reordering', () => {
  it('renumbers siblings by tens and sends only the changed ones', () => {
    const sorts = new Map([
      ['a', 10],
      ['b', 20],
      ['c', 30],
    ]);
    expect(resortPatches(['a', 'b', 'c'], sorts)).toEqual([]);
    expect(resortPatches(['c', 'a', 'b'], sorts)).toEqual([
      { id: 'c', sort: 10 },
      { id: 'a', sort: 20 },
      { id: 'b', sort: 30 },
    ]);
    expect(resortPatches(['a', 'c', 'b'], sorts)).toEqual([
      { id: 'c', sort: 20 },
      { id: 'b', sort: 30 },
    ]);
  });

  it('puts a new child after its siblings', () => {
    expect(nextSort([])).toBe(10);
    expect(nextSort([cat('a', 10), cat('b', 35)])).toBe(45);
    expect(nextSort([cat('a', 9995)])).toBe(9999);
  });
});
