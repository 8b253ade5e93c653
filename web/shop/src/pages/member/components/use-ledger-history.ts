import type { TLedgerLine, TLedgerPage } from '@koi/contracts';
import { ref } from 'vue';

/**
 * A ledger's history, newest first, paged by the `before` cursor the server sends: `show(page)` takes
 * the first page (loaded with the rest of the screen), `more()` appends the next one.
 */
export function useLedgerHistory(fetchPage: (before?: string) => Promise<TLedgerPage>, onError: (e: unknown) => void) {
  const lines = ref<TLedgerLine[]>([]);
  const next = ref<string | null>(null);
  const loadingMore = ref(false);

  function show(page: TLedgerPage): void {
    lines.value = page.items;
    next.value = page.nextBefore;
  }

  async function more(): Promise<void> {
    if (!next.value || loadingMore.value) return;
    loadingMore.value = true;
    try {
      const page = await fetchPage(next.value);
      lines.value = [...lines.value, ...page.items];
      next.value = page.nextBefore;
    } catch (e) {
      onError(e);
    } finally {
      loadingMore.value = false;
    }
  }

  return { lines, next, loadingMore, show, more };
}
