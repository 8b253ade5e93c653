import { onShow } from '@dcloudio/uni-app';
import { useLocaleStore, type MessageKey } from '@/locale';
import { useSessionStore } from '@/stores/session';

/**
 * A page only a signed-in shopper sees (会员中心, 积分, 余额, 优惠券, 我的资料, 隐私 …): each time it
 * shows, set its title, send a signed-out visitor to the login page, else (re)load its data.
 */
export function onSignedInShow(titleKey: MessageKey, load: () => unknown): void {
  const { t } = useLocaleStore();
  const session = useSessionStore();
  onShow(() => {
    uni.setNavigationBarTitle({ title: t(titleKey), fail: () => undefined });
    if (!session.signedIn) {
      uni.redirectTo({ url: '/pages/login/login' });
      return;
    }
    void load();
  });
}
