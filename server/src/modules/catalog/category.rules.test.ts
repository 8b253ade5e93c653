import { describe, expect, it } from 'vitest';
import { buildCategoryTree, categoryPath, placementDenied, subtreeIds, type CategoryNode } from './category.rules.ts';

const cats: CategoryNode[] = [
  { id: 'tea', parentId: null, name: '茶叶', icon: null, sort: 3 },
  { id: 'ware', parentId: null, name: '茶具', icon: null, sort: 1 },
  { id: 'gaiwan', parentId: 'ware', name: '盖碗', icon: null, sort: 1 },
  { id: 'cup', parentId: 'ware', name: '茶杯', icon: null, sort: 2 },
  { id: 'green', parentId: 'tea', name: '绿茶', icon: null, sort: 1 },
];

describe('category rules', () => {
  it('builds a sorted tree whose counts include descendants', () => {
    const tree = buildCategoryTree(cats, new Map([['gaiwan', 3], ['cup', 2], ['ware', 1], ['green', 4]]));
    expect(tree.map((c) => [c.name, c.productCount])).toEqual([['茶具', 6], ['茶叶', 4]]);
    expect(tree[0]!.children.map((c) => [c.name, c.productCount])).toEqual([['盖碗', 3], ['茶杯', 2]]);
  });

  it('gives root-first paths and subtrees', () => {
    expect(categoryPath(cats, 'gaiwan').map((c) => c.name)).toEqual(['茶具', '盖碗']);
    expect(categoryPath(cats, 'missing')).toEqual([]);
    expect(subtreeIds(cats, 'ware').sort()).toEqual(['cup', 'gaiwan', 'ware']);
  });

  it('keeps the tree two levels deep and free of cycles', () => {
    expect(placementDenied(cats, null, null)).toBeNull();
    expect(placementDenied(cats, null, 'ware')).toBeNull();
    expect(placementDenied(cats, null, 'gaiwan')).toBe('catalog.category_too_deep');
    expect(placementDenied(cats, null, 'nope')).toBe('catalog.category_unknown');
    expect(placementDenied(cats, 'ware', 'ware')).toBe('catalog.category_too_deep');
    expect(placementDenied(cats, 'ware', 'tea')).toBe('catalog.category_too_deep'); // has children
    expect(placementDenied(cats, 'cup', 'tea')).toBeNull();
  });

  it('survives a loop in stored data', () => {
    const loop: CategoryNode[] = [{ id: 'a', parentId: 'b', name: 'A', icon: null, sort: 0 }, { id: 'b', parentId: 'a', name: 'B', icon: null, sort: 0 }];
    expect(categoryPath(loop, 'a').length).toBe(2);
    expect(buildCategoryTree(loop, new Map())).toEqual([]);
  });
});
