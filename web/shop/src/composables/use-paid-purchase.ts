import { onLoad, onUnload } from '@dcloudio/uni-app';
import { ref } from 'vue';
import type { TOrderPayAction, TPayChannel } from '@koi/contracts';
import { shopPlatform } from '@/composables/use-pay';
import { payChannel, payStep, type PayMethod } from '@/utils/pay-channel';
import { newIdempotencyKey } from '@/utils/new-key';

type Toast = { success(msg: string): void; warning(msg: string): void; show(msg: string): void };

/**
 * Paying for something that is not an order (a recharge, a membership card) through the pay sheet,
 * then polling it until the provider's callback has settled it — the server decides, the page only
 * shows. The id of the purchase in flight survives the H5 redirect to the cashier in storage, so the
 * page picks the polling up again when it comes back with `?paid=1`.
 */
export function usePaidPurchase(o: {
  pendingKey: string;
  /** The page's own path with `?paid=1`, where the cashier returns. */
  returnPath: string;
  start(channel: TPayChannel, returnPath: string, idempotencyKey: string): Promise<{ id: string; action: TOrderPayAction }>;
  status(id: string): Promise<{ status: string } | null>;
  reload(): Promise<void>;
  toast: Toast;
  texts: { done: string; slow: string; unsupported: string };
  showError(e: unknown): void;
}) {
  const sheetOpen = ref(false);
  const paying = ref(false);
  const pending = ref(false);
  let alive = true;

  /** Polls the purchase until it is paid (about 20 s), then reloads the page's data. */
  async function confirm(id: string): Promise<void> {
    pending.value = true;
    try {
      for (let i = 0; i < 10 && alive; i++) {
        const r = await o.status(id).catch(() => null);
        if (r?.status === 'paid') {
          uni.removeStorageSync(o.pendingKey);
          o.toast.success(o.texts.done);
          await o.reload();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      o.toast.show(o.texts.slow);
    } finally {
      pending.value = false;
    }
  }

  async function onPay(method: PayMethod, ready = true): Promise<void> {
    const platform = shopPlatform();
    const channel = payChannel(method, platform);
    if (!ready || !channel) {
      o.toast.warning(o.texts.unsupported);
      return;
    }
    paying.value = true;
    try {
      const { id, action } = await o.start(channel, o.returnPath, newIdempotencyKey());
      uni.setStorageSync(o.pendingKey, id);
      const step = payStep(action, platform);
      if (step.kind === 'open-url') {
        // #ifdef H5
        window.location.href = step.url;
        // #endif
        return;
      }
      sheetOpen.value = false;
      if (step.kind === 'request-payment') {
        await new Promise<void>((resolve) => {
          uni.requestPayment({ provider: 'wxpay', orderInfo: '', ...step.params, success: () => resolve(), fail: () => resolve() });
        });
        void confirm(id);
      } else {
        o.toast.warning(o.texts.unsupported);
      }
    } catch (e) {
      o.showError(e);
    } finally {
      paying.value = false;
    }
  }

  onLoad((query) => {
    const id = uni.getStorageSync(o.pendingKey);
    if (query?.paid && typeof id === 'string' && id) void confirm(id);
  });
  onUnload(() => { alive = false; });
  return { sheetOpen, paying, pending, onPay };
}
