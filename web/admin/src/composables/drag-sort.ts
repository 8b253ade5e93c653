import { ref } from 'vue';

/** `list` with the item at `from` moved to `to` (a new array; out-of-range indexes change nothing). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/**
 * Dropping item `from` at an insertion point (`insertAt`: before the item now at that index, or
 * `length` for the end) lands it at this index once it has left its old place.
 */
export function insertionToIndex(from: number, insertAt: number): number {
  return insertAt > from ? insertAt - 1 : insertAt;
}

/**
 * Reordering a list by HTML5 drag and drop (draggable="true" + dragstart/dragover/drop), no library:
 * bind `handlers(index)` on each item; `onMove(from, to)` applies the move. `over` marks the target.
 * A drag of something else (a file, a palette block) is left to the page: only our own drags move items.
 */
export function useDragSort(onMove: (from: number, to: number) => void, kind = 'application/x-koi-sort') {
  const dragging = ref<number | null>(null);
  const over = ref<number | null>(null);

  function handlers(index: number) {
    return {
      draggable: 'true' as const,
      onDragstart: (e: DragEvent) => {
        dragging.value = index;
        e.dataTransfer?.setData(kind, String(index));
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      },
      onDragover: (e: DragEvent) => {
        if (dragging.value === null) return;
        e.preventDefault();
        over.value = index;
      },
      onDragleave: () => {
        if (over.value === index) over.value = null;
      },
      onDrop: (e: DragEvent) => {
        if (dragging.value === null) return;
        e.preventDefault();
        const from = dragging.value;
        dragging.value = null;
        over.value = null;
        if (from !== index) onMove(from, index);
      },
      onDragend: () => {
        dragging.value = null;
        over.value = null;
      },
    };
  }

  return { dragging, over, handlers };
}
