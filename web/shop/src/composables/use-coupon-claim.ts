import type { TClaimableTemplate } from '@koi/contracts';
import { ref } from 'vue';
import type { useToast } from 'wot-design-uni';
import { claimCoupon } from '@/api/coupon';
import { useLocaleStore } from '@/locale';
import { useSessionStore } from '@/stores/session';
import { useApiErrorToast } from '@/utils/api-error-toast';
import { formatDateTime } from '@/utils/format-date';
import { newIdempotencyKey } from '@/utils/new-key';

/**
 * Claiming a coupon (coupon centre, product page, decoration coupon block): the texts, a guest sent to sign in, one idempotency key per tap, and a reload so the state shown
 * is always the server's.
 */
export function useCouponClaim(toast: ReturnType<typeof useToast>, reload: () => Promise<unknown>, claimText: 'coupon.claim' | 'coupon.blockClaim' = 'coupon.blockClaim') {
  const { t } = useLocaleStore();
  const session = useSessionStore();
  const showError = useApiErrorToast(toast);
  const busy = ref<string | null>(null);

  function validityText(c: TClaimableTemplate): string {
    const v = c.validity;
    return v.type === 'relative' ? t('coupon.validDays', { n: v.days }) : t('coupon.validRange', { from: formatDateTime(v.from), until: formatDateTime(v.until) });
  }

  /** 已抢光 when none are left; 已领取 at the shopper's limit; 再领一张 when they may hold more. */
  function buttonText(c: TClaimableTemplate): string {
    if (c.remaining === 0) return t('coupon.soldOut');
    if (c.claimed >= c.perCustomerLimit) return t('coupon.claimed');
    return c.claimed > 0 ? t('coupon.claimAgain') : t(claimText);
  }

  async function claim(c: TClaimableTemplate): Promise<void> {
    if (!session.signedIn) {
      uni.navigateTo({ url: '/pages/login/login' });
      return;
    }
    if (!c.canClaim || busy.value) return;
    busy.value = c.id;
    try {
      await claimCoupon(c.id, newIdempotencyKey());
      toast.success(t('coupon.claimedToast'));
    } catch (e) {
      showError(e);
    } finally {
      busy.value = null;
      await reload();
    }
  }

  return { busy, validityText, buttonText, claim };
}
