import type { TCategory } from '@koi/contracts';
import { computed, ref } from 'vue';
import { listCategories } from '@/api/catalog';
import { categoryOptions, indexCategories } from '@/utils/catalog';

/** The category tree for a page's cascaders and names; `load` keeps the last tree when a request fails. */
export function useCategories() {
  const tree = ref<TCategory[]>([]);
  const loading = ref(false);
  const options = computed(() => categoryOptions(tree.value));
  const index = computed(() => indexCategories(tree.value));

  async function load(): Promise<void> {
    loading.value = true;
    try {
      tree.value = (await listCategories()).items;
    } catch {
      // Toasted by the http client.
    } finally {
      loading.value = false;
    }
  }

  function pathName(id: string | null | undefined): string {
    return (id && index.value.get(id)?.path.join(' / ')) || '—';
  }

  return { tree, loading, options, index, load, pathName };
}
