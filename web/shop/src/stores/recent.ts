import { ZProductCard } from '@koi/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { z } from 'zod';
import { addRecent } from '@/utils/recent';

const STORAGE_KEY = 'koi.recent';

/** What 最近浏览 shows: a product card's face, as the server last priced it. */
export const ZRecentItem = ZProductCard.pick({ id: true, title: true, image: true, priceFen: true, listPriceFen: true });
export type RecentItem = z.infer<typeof ZRecentItem>;

function readStored(): RecentItem[] {
  try {
    const parsed = z.array(ZRecentItem).safeParse(uni.getStorageSync(STORAGE_KEY));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** 最近浏览: the last 20 products this device opened, newest first, kept in storage. */
export const useRecentStore = defineStore('recent', () => {
  const items = ref<RecentItem[]>(readStored());

  function persist(): void {
    try {
      uni.setStorageSync(STORAGE_KEY, items.value);
    } catch {
      /* storage full or unavailable: the list still works for this session */
    }
  }

  function add(item: RecentItem): void {
    items.value = addRecent(items.value, item);
    persist();
  }

  function clear(): void {
    items.value = [];
    persist();
  }

  return { items, add, clear };
});
