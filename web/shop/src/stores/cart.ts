import type { TCart } from '@koi/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getCartCount } from '@/api/cart';

/** The cart's place in the tab bar (首页, 分类, 购物车, 我的). */
export const CART_TAB_INDEX = 2;

/** The native tab bar's badge; outside the tab pages the call may fail, which is harmless. */
function applyBadge(count: number): void {
  if (count > 0) uni.setTabBarBadge({ index: CART_TAB_INDEX, text: count > 99 ? '99+' : String(count), fail: () => undefined });
  else uni.removeTabBarBadge({ index: CART_TAB_INDEX, fail: () => undefined });
}

/** Units in the cart, for the tab badge and the product page's cart icon. The cart itself lives on its page. */
export const useCartStore = defineStore('cart', () => {
  const count = ref(0);

  function setCount(n: number): void {
    count.value = n;
    applyBadge(n);
  }

  /** After any cart answer (add, change, merge): the count comes with it. */
  function applyCart(cart: TCart): void {
    setCount(cart.itemCount);
  }

  /** Re-reads the count; a failure keeps the last one (the badge is a hint, not a promise). */
  async function refreshCount(): Promise<void> {
    try {
      setCount(await getCartCount());
    } catch {
      /* offline or the server is busy: keep the badge as it was */
    }
  }

  return { count, setCount, applyCart, refreshCount };
});
