import type { TIntentState, TPayChannel } from '@koi/contracts';

/** What the rules need to know about an intent. */
export type IntentFacts = {
  id: string;
  seq: number;
  channel: TPayChannel;
  amountFen: number;
  openid: string | null;
  state: TIntentState;
  expiresAt: Date;
};

export type StartPlan =
  | { kind: 'already_paid'; paid: IntentFacts }
  /** Pay again: the same trade at the provider (same out_trade_no, same parameters). */
  | { kind: 'reuse'; intent: IntentFacts; close: IntentFacts[] }
  /** A new trade (`seq`), after closing every other open one so the shopper cannot pay twice. */
  | { kind: 'create'; seq: number; close: IntentFacts[] };

/**
 * Decides what starting a payment means given the payable's intents. An open intent is reused when
 * channel, amount and (for JSAPI) payer are the same and its trade has not expired, because the
 * provider accepts the same out_trade_no again only with the same parameters (WeChat: 原参重入;
 * a change is OUT_TRADE_NO_USED, an expired trade ORDER_CLOSED); anything else gets a new trade
 * number and the old trades are closed first.
 */
export function planStart(intents: IntentFacts[], want: { channel: TPayChannel; amountFen: number; openid: string | null }, now: Date): StartPlan {
  const paid = intents.find((i) => i.state === 'paid');
  if (paid) return { kind: 'already_paid', paid };
  const open = intents.filter((i) => i.state === 'open').sort((a, b) => b.seq - a.seq);
  const same = open.find((i) => i.expiresAt > now && i.channel === want.channel && i.amountFen === want.amountFen && (want.channel !== 'wechat_jsapi' || i.openid === want.openid));
  if (same) return { kind: 'reuse', intent: same, close: open.filter((i) => i !== same) };
  const seq = intents.reduce((max, i) => Math.max(max, i.seq), 0) + 1;
  return { kind: 'create', seq, close: open };
}

/**
 * The provider's out_trade_no of the n-th intent: the payable's own number first, then `_2`, `_3`…
 * Both providers allow letters, digits and `_` (WeChat up to 32, Alipay up to 64 characters).
 */
export function tradeNoFor(base: string, seq: number): string {
  return seq === 1 ? base : `${base}_${seq}`;
}

/** A base number leaves room for the `_NNN` suffix within WeChat's 32 characters. */
export const TRADE_NO_BASE = /^[0-9A-Za-z_]{6,28}$/;

/** WeChat's `description` is at most 127 characters (Alipay's subject 256); cut by code point, never mid-character. */
export function providerDescription(text: string): string {
  const chars = Array.from(text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim());
  return (chars.length > 127 ? chars.slice(0, 126).join('') + '…' : chars.join('')) || '订单支付';
}

export type MerchantIds = { merchantId: string; appId: string };

export type PaidCheck = 'ok' | 'amount_mismatch' | 'merchant_mismatch';

/**
 * Is a payment the provider reports acceptable for this intent? The order amount (WeChat
 * `amount.total`, Alipay `total_amount`) must equal what Koi asked for — `payer_total` may be less
 * when the provider's own coupons applied — and the merchant (mchid + appid, seller_id + app_id)
 * must be ours. `reported.merchant` is null when the provider's signed answer to our own
 * authenticated query does not repeat it (Alipay's trade.query).
 */
export function checkPaid(intent: { amountFen: number }, reported: { totalFen: number; merchant: MerchantIds | null }, ours: MerchantIds): PaidCheck {
  if (reported.merchant && (reported.merchant.merchantId !== ours.merchantId || reported.merchant.appId !== ours.appId)) return 'merchant_mismatch';
  if (reported.totalFen !== intent.amountFen) return 'amount_mismatch';
  return 'ok';
}

/** What may still be refunded: paid minus refunds that succeeded or are in progress. */
export function refundable(intent: { state: TIntentState; paidFen: number; refundedFen: number }): number {
  return intent.state === 'paid' ? Math.max(0, intent.paidFen - intent.refundedFen) : 0;
}

/** `19****09`: enough to recognise a merchant id in a log line, not enough to copy it. */
export function maskId(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length <= 4) return '****';
  return `${id.slice(0, 2)}****${id.slice(-2)}`;
}
