/**
 * Which provider channel a shopper's choice becomes, by where the shop runs. H5 in a phone browser
 * opens the provider's cashier page (WeChat Pay H5, Alipay WAP) and comes back; the mini-program
 * pays in place through wx.requestPayment (JSAPI) and has no Alipay. Pure (tests/unit/pay.test.ts).
 */
import type { TOrderPayAction, TPayChannel } from '@koi/contracts';

export type PayMethod = 'wechat' | 'alipay';
export type ShopPlatform = 'h5' | 'mp-weixin';

export function payMethods(platform: ShopPlatform): PayMethod[] {
  return platform === 'mp-weixin' ? ['wechat'] : ['wechat', 'alipay'];
}

export function payChannel(method: PayMethod, platform: ShopPlatform): TPayChannel | null {
  if (platform === 'mp-weixin') return method === 'wechat' ? 'wechat_jsapi' : null;
  return method === 'wechat' ? 'wechat_h5' : 'alipay_wap';
}

/** Where the cashier sends the shopper back: the order page, polling until the callback has landed. */
export function payReturnPath(orderId: string): string {
  return `/pages/order/detail?id=${encodeURIComponent(orderId)}&paid=1`;
}

/** What the page does with the server's answer. */
export type PayStep =
  | { kind: 'open-url'; url: string }
  | { kind: 'request-payment'; params: Extract<TOrderPayAction, { kind: 'jsapi' }>['params'] }
  | { kind: 'paid' }
  | { kind: 'unsupported' };

export function payStep(action: TOrderPayAction, platform: ShopPlatform): PayStep {
  switch (action.kind) {
    case 'redirect':
      return platform === 'h5' ? { kind: 'open-url', url: action.url } : { kind: 'unsupported' };
    case 'jsapi':
      if (platform === 'mp-weixin') return { kind: 'request-payment', params: action.params };
      // The simulator's cashier for the same signed params (demo mode only).
      return action.cashierUrl ? { kind: 'open-url', url: action.cashierUrl } : { kind: 'unsupported' };
    case 'none':
      return { kind: 'paid' };
    case 'qr':
      // Native (scan to pay) is for desktop cashiers; the shop never asks for it.
      return { kind: 'unsupported' };
  }
}
