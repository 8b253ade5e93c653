import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { insertionToIndex, moveItem, useDragSort } from './drag-sort.ts';

describe('moveItem', () => {
  it('moves an item forwards and backwards', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });

  it('keeps the same items, with the moved one at its target', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (list, a, b) => {
        const from = a % list.length;
        const to = b % list.length;
        const out = moveItem(list, from, to);
        expect([...out].sort()).toEqual([...list].sort());
        expect(out[to]).toBe(list[from]);
      }),
    );
  });
});

describe('insertionToIndex', () => {
  it('accounts for the item leaving its old place', () => {
    // [a b c d]: a dropped before d (insertion point 3) ends at index 2: [b c a d].
    expect(moveItem(['a', 'b', 'c', 'd'], 0, insertionToIndex(0, 3))).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, insertionToIndex(0, 4))).toEqual(['b', 'c', 'd', 'a']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, insertionToIndex(3, 0))).toEqual(['d', 'a', 'b', 'c']);
    expect(insertionToIndex(2, 2)).toBe(2);
    expect(insertionToIndex(2, 3)).toBe(2);
  });
});

describe('useDragSort', () => {
  function dragEvent(): DragEvent {
    const data = new Map<string, string>();
    const event = new Event('drag') as DragEvent;
    Object.defineProperty(event, 'dataTransfer', {
      value: { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k) ?? '', effectAllowed: 'all' },
    });
    return event;
  }

  it('reports a drop of one item on another as a move, and ignores drags it did not start', () => {
    const onMove = vi.fn();
    const { handlers, over } = useDragSort(onMove);
    handlers(2).onDragover(dragEvent());
    handlers(2).onDrop(dragEvent());
    expect(onMove).not.toHaveBeenCalled();

    handlers(0).onDragstart(dragEvent());
    handlers(2).onDragover(dragEvent());
    expect(over.value).toBe(2);
    handlers(2).onDrop(dragEvent());
    expect(onMove).toHaveBeenCalledWith(0, 2);
    expect(over.value).toBeNull();
  });
});
