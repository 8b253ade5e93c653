import { ADDRESS_SELECTED_EVENT } from '@/stores/address-choice';

/**
 * Choosing the delivery address on the confirm page: opens the address book in select mode
 * (stores/address-choice.ts documents it) and hands back the chosen address's id. With no address
 * yet the book offers 新增地址, and saving there picks the new one. Returns a function that stops
 * listening (page unload).
 */
export function pickAddress(currentId: string | null, onPick: (id: string) => void): () => void {
  const handler = (id: unknown) => {
    if (typeof id === 'string' && id) onPick(id);
  };
  uni.$once(ADDRESS_SELECTED_EVENT, handler);
  const query = currentId ? `?select=1&current=${encodeURIComponent(currentId)}` : '?select=1';
  uni.navigateTo({ url: `/pages/address/list${query}` });
  return () => uni.$off(ADDRESS_SELECTED_EVENT, handler);
}
