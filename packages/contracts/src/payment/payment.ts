import { z } from 'zod';

/**
 * How a shopper pays. WeChat Pay: JSAPI (mini-program / WeChat browser, needs the payer's openid),
 * H5 (a phone browser outside WeChat) and Native (a QR code for desktop). Alipay: WAP (phone
 * browser) and page (desktop). The provider follows from the channel.
 */
export const PAY_CHANNELS = ['wechat_jsapi', 'wechat_h5', 'wechat_native', 'alipay_wap', 'alipay_page'] as const;
export const ZPayChannel = z.enum(PAY_CHANNELS);
export type TPayChannel = z.infer<typeof ZPayChannel>;

export const PAY_PROVIDERS = ['wechatpay', 'alipay'] as const;
export type TPayProvider = (typeof PAY_PROVIDERS)[number];

export function providerOfChannel(channel: TPayChannel): TPayProvider {
  return channel.startsWith('wechat_') ? 'wechatpay' : 'alipay';
}

/** What `wx.requestPayment` / `uni.requestPayment` takes for a JSAPI (mini-program) payment. */
export const ZJsapiPayParams = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});
export type TJsapiPayParams = z.infer<typeof ZJsapiPayParams>;

/**
 * What the front end does next:
 * - `redirect`: open `url` (WeChat H5 `h5_url` with `redirect_url`, or the signed Alipay gateway URL);
 * - `qr`: show `codeUrl` as a QR code (WeChat Native); poll the order afterwards;
 * - `jsapi`: call `uni.requestPayment(params)` in the mini-program. In simulator mode `cashierUrl`
 *   is the simulated WeChat cashier for the same signed params, so an H5 preview can pay too.
 */
export const ZPayAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('redirect'), url: z.string() }),
  z.object({ kind: z.literal('qr'), codeUrl: z.string() }),
  z.object({ kind: z.literal('jsapi'), params: ZJsapiPayParams, cashierUrl: z.string().optional() }),
]);
export type TPayAction = z.infer<typeof ZPayAction>;

export const ZStartPaymentResult = z.object({
  intentId: z.string(),
  channel: ZPayChannel,
  action: ZPayAction,
});
export type TStartPaymentResult = z.infer<typeof ZStartPaymentResult>;

/** Events the payment module publishes through the outbox (exactly once per fact). */
export const PaymentEvents = {
  /** Money arrived for an intent. Published once per intent, whatever the number of callbacks or queries. */
  succeeded: 'payment.succeeded',
  refundSucceeded: 'payment.refund_succeeded',
  refundFailed: 'payment.refund_failed',
} as const;

export type TPaymentSucceededEvent = {
  intentId: string;
  payableType: string;
  payableId: string;
  /** The provider's out_trade_no of this intent (the payable's number, `_2`, `_3`… after a change of amount or channel). */
  outTradeNo: string;
  amountFen: number;
  provider: TPayProvider;
  /** WeChat `transaction_id` / Alipay `trade_no`. */
  transactionId: string;
  /** ISO 8601. */
  paidAt: string;
};

export type TPaymentRefundEvent = {
  refundId: string;
  refundNo: string;
  intentId: string;
  payableType: string;
  payableId: string;
  amountFen: number;
};

export type TPaymentRefundFailedEvent = TPaymentRefundEvent & {
  /** The provider's code and message, e.g. `NOT_ENOUGH 基本账户余额不足`. */
  failureReason: string;
};

export const INTENT_STATES = ['open', 'paid', 'closed'] as const;
export type TIntentState = (typeof INTENT_STATES)[number];
export const REFUND_STATES = ['processing', 'succeeded', 'failed'] as const;
export type TRefundState = (typeof REFUND_STATES)[number];

/** One payment attempt of a payable, as the order module and the admin see it. */
export const ZPaymentIntent = z.object({
  intentId: z.string(),
  payableType: z.string(),
  payableId: z.string(),
  provider: z.enum(PAY_PROVIDERS),
  channel: ZPayChannel,
  outTradeNo: z.string(),
  amountFen: z.number().int(),
  state: z.enum(INTENT_STATES),
  transactionId: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** Refunds that succeeded or are still processing. */
  refundedFen: z.number().int(),
  createdAt: z.string(),
});
export type TPaymentIntent = z.infer<typeof ZPaymentIntent>;

export const ZPaymentRefund = z.object({
  refundId: z.string(),
  refundNo: z.string(),
  intentId: z.string(),
  amountFen: z.number().int(),
  reason: z.string(),
  status: z.enum(REFUND_STATES),
  failureReason: z.string().nullable(),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
});
export type TPaymentRefund = z.infer<typeof ZPaymentRefund>;
