import { ref } from 'vue';
import { payOrder } from '@/api/order';
import { payChannel, payReturnPath, payStep, type PayMethod, type ShopPlatform } from '@/utils/pay-channel';

/** What happened when the shopper paid: left for the cashier, paid in place (to confirm), cancelled, or nothing to pay. */
export type PayOutcome = 'redirected' | 'pending' | 'paid' | 'cancelled' | 'unsupported';

export function shopPlatform(): ShopPlatform {
  let platform: ShopPlatform = 'h5';
  // #ifdef MP-WEIXIN
  platform = 'mp-weixin';
  // #endif
  return platform;
}

function requestPayment(params: { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string }): Promise<'pending' | 'cancelled'> {
  return new Promise((resolve, reject) => {
    uni.requestPayment({
      provider: 'wxpay',
      orderInfo: '',
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType,
      paySign: params.paySign,
      // Success here is the client's word only: the order is paid when the signed callback lands.
      success: () => resolve('pending'),
      fail: (err) => (/cancel/i.test(err.errMsg ?? '') ? resolve('cancelled') : reject(new Error(err.errMsg))),
    });
  });
}

/**
 * Paying an order: ask the server for the channel's action, then do it. H5 leaves for the
 * provider's cashier (it comes back to the order page with `paid=1`); the mini-program calls
 * wx.requestPayment. Either way the page then polls the order until the callback has made it paid.
 */
export function usePay() {
  const paying = ref(false);

  async function pay(orderId: string, method: PayMethod): Promise<PayOutcome> {
    const platform = shopPlatform();
    const channel = payChannel(method, platform);
    if (!channel) return 'unsupported';
    paying.value = true;
    try {
      const { action } = await payOrder(orderId, channel, payReturnPath(orderId));
      const step = payStep(action, platform);
      switch (step.kind) {
        case 'open-url':
          // #ifdef H5
          window.location.href = step.url;
          // #endif
          return 'redirected';
        case 'request-payment':
          return await requestPayment(step.params);
        case 'paid':
          return 'paid';
        case 'unsupported':
          return 'unsupported';
      }
    } finally {
      paying.value = false;
    }
  }

  return { paying, pay };
}
