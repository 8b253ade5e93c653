import type { TShopMallItem } from '@koi/contracts';
import { ref } from 'vue';
import { useMessage, useToast } from 'wot-design-uni';
import { getDefaultAddress } from '@/api/address';
import { exchangeItem } from '@/api/points-mall';
import { useLocaleStore, type MessageKey } from '@/locale';
import { useSessionStore } from '@/stores/session';
import { useApiErrorToast } from '@/utils/api-error-toast';
import { regionText } from '@/utils/address-form';
import { newIdempotencyKey } from '@/utils/new-key';

/** What the button says when the shopper cannot exchange (the server decided `block`). */
export const BLOCK_TEXT: Record<NonNullable<TShopMallItem['block']>, MessageKey> = {
  sold_out: 'mall.blockSoldOut',
  limit_reached: 'mall.blockLimit',
  not_started: 'mall.blockNotStarted',
  ended: 'mall.blockEnded',
  off_shelf: 'mall.blockOffShelf',
  insufficient_points: 'mall.blockPoints',
  sign_in: 'mall.blockSignIn',
};

/**
 * 兑换 with a confirm: a coupon goes to the wallet; a product ships to the default address (named in
 * the confirm). One idempotency key per confirmed tap, so a double tap exchanges once. `after` runs
 * whatever happened (reload the balance and stock).
 */
export function useExchange(after: () => Promise<void>) {
  const { t } = useLocaleStore();
  const session = useSessionStore();
  const toast = useToast();
  const message = useMessage();
  const showError = useApiErrorToast(toast);
  const busy = ref<string | null>(null);

  async function exchange(item: TShopMallItem): Promise<void> {
    if (!session.signedIn) {
      uni.navigateTo({ url: '/pages/login/login' });
      return;
    }
    let addressId: string | null = null;
    let addressText = '';
    if (item.needsAddress) {
      const address = await getDefaultAddress().catch((e: unknown) => { showError(e); return undefined; });
      if (address === undefined) return;
      if (!address) {
        toast.warning(t('mall.needAddress'));
        uni.navigateTo({ url: '/pages/address/list' });
        return;
      }
      addressId = address.id;
      addressText = `${address.recipient} ${regionText(address)}${address.detail}`;
    }
    try {
      await message.confirm({
        title: t('mall.confirmTitle'),
        msg: item.needsAddress
          ? t('mall.confirmProduct', { points: item.pointsPrice, title: item.title, address: addressText })
          : t('mall.confirmCoupon', { points: item.pointsPrice, title: item.title }),
        confirmButtonText: t('mall.exchange'),
        cancelButtonText: t('common.cancel'),
      });
    } catch {
      return;
    }
    busy.value = item.id;
    try {
      const done = await exchangeItem(item.id, addressId, newIdempotencyKey());
      toast.success(t('mall.exchanged', { n: done.balance }));
    } catch (e) {
      showError(e);
    } finally {
      busy.value = null;
      await after();
    }
  }

  return { busy, exchange };
}
