import type { TAddress } from '@koi/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * The address book's select mode, for the confirm page (checkout):
 *
 *   uni.navigateTo({ url: `/pages/address/list?select=1&current=${currentAddressId}` })
 *
 * The list highlights `current`; tapping an address (or saving a new one from there) picks it, and
 * the list page then (1) puts the whole address in this store, (2) emits the global uni event
 * `ADDRESS_SELECTED_EVENT` with the address id (a string), and (3) navigates back. A page can listen
 * with `uni.$once(ADDRESS_SELECTED_EVENT, (id: string) => …)` before navigating (what
 * utils/address-pick.ts does), or read `useAddressChoiceStore().take()` in its onShow. Both work in
 * H5 and in the mini-program (getOpenerEventChannel does not survive H5 reloads, so it is not used).
 */
export const ADDRESS_SELECTED_EVENT = 'address:selected';

export const useAddressChoiceStore = defineStore('address-choice', () => {
  const chosen = ref<TAddress | null>(null);

  function choose(address: TAddress): void {
    chosen.value = address;
    uni.$emit(ADDRESS_SELECTED_EVENT, address.id);
  }

  /** The address picked since the last call, once; null when none was picked. */
  function take(): TAddress | null {
    const picked = chosen.value;
    chosen.value = null;
    return picked;
  }

  return { chosen, choose, take };
});
