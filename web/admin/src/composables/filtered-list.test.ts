import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TDownload } from '@/api/http';
import { useFilteredList, useListExport } from './filtered-list.ts';

vi.mock('@/utils/download', () => ({ saveDownload: vi.fn() }));
const { saveDownload } = await import('@/utils/download');

/** 搜索 goes back to page 1 with the filters; 重置 restores the empty filters; 导出 is busy while it runs. */

type F = { q: string; status: string };
const empty = (): F => ({ q: '', status: 'all' });

describe('useFilteredList', () => {
  it('searches from the first page with the current filters, and resets to the empty ones', async () => {
    const fetch = vi.fn(async (_pager: { page: number; pageSize: number }, f: F) => ({ items: [f.q], total: 1 }));
    const list = useFilteredList(empty, fetch);
    list.pager.page = 3;
    list.filters.q = 'KO2026';
    list.search();
    await vi.waitFor(() => expect(list.loading.value).toBe(false));
    expect(fetch).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 }, { q: 'KO2026', status: 'all' });
    expect(list.rows.value).toEqual(['KO2026']);
    list.pager.page = 2;
    list.reset();
    await vi.waitFor(() => expect(list.loading.value).toBe(false));
    expect(list.filters).toEqual(empty());
    expect(fetch).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 }, empty());
  });
});

describe('useListExport', () => {
  afterEach(() => vi.mocked(saveDownload).mockClear());

  it('is busy while the server builds the file, then hands it to the browser', async () => {
    const file: TDownload = { blob: new Blob(['x']), fileName: '订单导出-20260301.xlsx' };
    let finish: (d: TDownload) => void = () => undefined;
    const { exporting, exportList } = useListExport(() => new Promise<TDownload>((resolve) => (finish = resolve)));
    const running = exportList();
    expect(exporting.value).toBe(true);
    finish(file);
    await running;
    expect(exporting.value).toBe(false);
    expect(saveDownload).toHaveBeenCalledWith(file);
  });

  it('stops being busy when the export is refused, and saves nothing', async () => {
    const { exporting, exportList } = useListExport(() => Promise.reject(new Error('403')));
    await exportList();
    expect(exporting.value).toBe(false);
    expect(saveDownload).not.toHaveBeenCalled();
  });
});
