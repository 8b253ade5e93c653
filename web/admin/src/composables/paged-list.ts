import { reactive, ref, type Ref } from 'vue';

export type Page<T> = { items: T[]; total: number };

/**
 * The state every paginated admin table has: rows, total, loading, page and size, a `load` that keeps
 * what was shown when a request fails (the http client has toasted it), and a size change that goes
 * back to the first page.
 */
export function usePagedList<T>(fetchPage: (pager: { page: number; pageSize: number }) => Promise<Page<T>>, pageSize = 20) {
  const rows = ref([]) as Ref<T[]>;
  const total = ref(0);
  const loading = ref(false);
  const pager = reactive({ page: 1, pageSize });

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const list = await fetchPage({ page: pager.page, pageSize: pager.pageSize });
      rows.value = list.items;
      total.value = list.total;
    } catch {
      // Toasted by the http client; keep what was shown.
    } finally {
      loading.value = false;
    }
  }

  function onSizeChange(): void {
    pager.page = 1;
    void load();
  }

  return { rows, total, loading, pager, load, onSizeChange };
}
