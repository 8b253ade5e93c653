import { ref } from 'vue';
import type { ColPickerColumnChange } from 'wot-design-uni/components/wd-col-picker/types';
import { regionChildren } from '@/api/address';

export type RegionOption = { value: string; label: string };

/** One level per request (provinces, a province's cities, a city's districts), kept for the app's life. */
const levels = new Map<string, Promise<RegionOption[]>>();

export function loadRegionLevel(parent?: string): Promise<RegionOption[]> {
  const key = parent ?? '';
  let level = levels.get(key);
  if (!level) {
    level = regionChildren(parent).then((items) => items.map((i) => ({ value: i.code, label: i.name })));
    // A failed load is not kept: the next open tries again.
    level.catch(() => levels.delete(key));
    levels.set(key, level);
  }
  return level;
}

/**
 * Columns for wd-col-picker's three-level region choice, loaded level by level from
 * GET /api/shop/regions/children as the shopper taps (the whole tree is ≈150 kB; a level is ≈1 kB).
 */
export function useRegionColumns() {
  const columns = ref<RegionOption[][]>([]);
  const failed = ref(false);

  /** Loads the provinces, and for a saved address its province's cities and its city's districts. */
  async function init(value: readonly string[]): Promise<void> {
    failed.value = false;
    try {
      const [province, city] = value;
      columns.value = value.length === 3 && province && city
        ? await Promise.all([loadRegionLevel(), loadRegionLevel(province), loadRegionLevel(city)])
        : [await loadRegionLevel()];
    } catch {
      failed.value = true;
    }
  }

  const columnChange: ColPickerColumnChange = ({ selectedItem, index, resolve, finish }) => {
    if (index >= 2) {
      finish();
      return;
    }
    loadRegionLevel(String(selectedItem.value))
      .then((items) => (items.length ? resolve(items) : finish()))
      .catch(() => finish(false));
  };

  return { columns, failed, init, columnChange };
}
