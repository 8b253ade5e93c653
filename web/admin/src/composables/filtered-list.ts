import { reactive, ref } from 'vue';
import type { TDownload } from '@/api/http';
import { saveDownload } from '@/utils/download';
import { usePagedList, type Page } from './paged-list.ts';

/**
 * A paged table under a filter form (订单, 商品): the filters, 搜索 that goes back to the first page,
 * and 重置 that restores the empty filters and searches again.
 */
export function useFilteredList<F extends object, T>(emptyFilters: () => F, fetchPage: (pager: { page: number; pageSize: number }, filters: F) => Promise<Page<T>>) {
  const filters = reactive(emptyFilters()) as F;
  const list = usePagedList((page) => fetchPage(page, filters));

  function search(): void {
    list.pager.page = 1;
    void list.load();
  }

  function reset(): void {
    Object.assign(filters, emptyFilters());
    search();
  }

  return { filters, ...list, search, reset };
}

/** 导出 of a filtered list: a busy flag while the server builds the file, then the browser's download. */
export function useListExport(download: () => Promise<TDownload>) {
  const exporting = ref(false);

  async function exportList(): Promise<void> {
    exporting.value = true;
    try {
      saveDownload(await download());
    } catch {
      // Toasted by the http client.
    } finally {
      exporting.value = false;
    }
  }

  return { exporting, exportList };
}
