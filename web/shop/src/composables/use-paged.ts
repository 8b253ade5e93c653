import { ref, shallowRef, type Ref } from 'vue';

export interface Page<T> {
  items: T[];
  total: number;
  hasMore: boolean;
}

export type PagedState = 'idle' | 'loading' | 'finished' | 'error';

/**
 * Infinite scroll over a paged endpoint: `reset()` starts again from page 1 (new filters or sort),
 * `more()` appends the next page (onReachBottom, scrolltolower). A reply that arrives after a
 * reset belongs to the old query and is dropped. `first` keeps page 1's whole reply (search facets).
 */
export function usePaged<R extends Page<unknown>>(fetchPage: (page: number) => Promise<R>) {
  const items = ref([]) as Ref<R['items']>;
  const total = ref(0);
  const state = ref<PagedState>('idle');
  /** Page 1 has arrived (an empty list is then really empty, not still loading). */
  const loaded = ref(false);
  const first = shallowRef<R | null>(null);
  const error = shallowRef<unknown>(null);
  let page = 0;
  let hasMore = true;
  let generation = 0;

  async function more(): Promise<void> {
    if (state.value === 'loading' || !hasMore) return;
    const gen = generation;
    state.value = 'loading';
    try {
      const res = await fetchPage(page + 1);
      if (gen !== generation) return;
      page += 1;
      if (page === 1) first.value = res;
      items.value = [...items.value, ...res.items] as R['items'];
      total.value = res.total;
      hasMore = res.hasMore && res.items.length > 0;
      state.value = hasMore ? 'idle' : 'finished';
      loaded.value = true;
    } catch (e) {
      if (gen !== generation) return;
      error.value = e;
      state.value = 'error';
    }
  }

  /** Retry after an error: the same page again. */
  async function retry(): Promise<void> {
    if (state.value !== 'error') return;
    state.value = 'idle';
    await more();
  }

  async function reset(): Promise<void> {
    generation += 1;
    page = 0;
    hasMore = true;
    items.value = [] as R['items'];
    total.value = 0;
    first.value = null;
    error.value = null;
    loaded.value = false;
    state.value = 'idle';
    await more();
  }

  return { items, total, state, loaded, first, error, more, retry, reset };
}
