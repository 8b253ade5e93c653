import type { TPayAction, TPayChannel, TPayProvider } from '@koi/contracts';
import type { MerchantIds } from '../intent.rules.ts';

/** Everything a provider needs to place (or place again) one trade. */
export type PrepayInput = {
  channel: TPayChannel;
  outTradeNo: string;
  amountFen: number;
  description: string;
  openid: string | null;
  clientIp: string;
  expiresAt: Date;
  returnUrl: string | null;
  notifyUrl: string;
};

/** A paid trade as the provider reports it (callback or query). */
export type PaidTrade = {
  transactionId: string;
  totalFen: number;
  payerFen: number | null;
  paidAt: Date;
  /** Null when the provider's signed answer to our own query does not repeat it. */
  merchant: MerchantIds | null;
  /** The decrypted resource or the notify parameters (no signatures), kept with the transaction. */
  raw: Record<string, unknown>;
};

export type TradeSnapshot =
  | ({ state: 'paid' } & PaidTrade)
  | { state: 'open' }
  | { state: 'closed' }
  /** No such trade (never placed; for Alipay page/WAP pay also: the payer never opened the cashier). */
  | { state: 'not_found' };

export type RefundSnapshot =
  | { state: 'processing'; providerRefundId: string | null }
  | { state: 'succeeded'; providerRefundId: string | null; at: Date }
  | { state: 'failed'; reason: string }
  | { state: 'not_found' };

/** A verified, decrypted callback. */
export type Notice =
  | { kind: 'paid'; outTradeNo: string; trade: PaidTrade }
  | { kind: 'refund'; outTradeNo: string; refundNo: string; result: Extract<RefundSnapshot, { state: 'succeeded' | 'failed' }> }
  | { kind: 'ignored'; outTradeNo: string | null; reason: string };

/** A callback that must not be believed: bad signature, stale, undecryptable, not ours. */
export class NotifyRejected extends Error {
  constructor(readonly reason: string, readonly outTradeNo: string | null = null) {
    super(`callback rejected: ${reason}`);
  }
}

/**
 * The provider said no (`code` is its own: SIGN_ERROR, ORDER_NOT_EXIST, ACQ.TRADE_NOT_EXIST…) or
 * could not be reached (`retryable`).
 */
export class ProviderError extends Error {
  constructor(readonly provider: TPayProvider, readonly code: string, message: string, readonly retryable: boolean, readonly status = 0) {
    super(`${provider} ${code}: ${message}`);
  }
}

export type NotifyRequest = { headers: Record<string, string | string[] | undefined>; body: string };

export type RefundInput = { outTradeNo: string; transactionId: string; refundNo: string; amountFen: number; totalFen: number; reason: string; notifyUrl: string };

/** One interface over WeChat Pay and Alipay; each implementation speaks its provider's real protocol. */
export interface PaymentProvider {
  readonly name: TPayProvider;
  /** Our own ids at this provider (mchid + appid, seller_id + app_id), to check callbacks against. */
  readonly merchant: MerchantIds;
  prepay(input: PrepayInput): Promise<TPayAction>;
  query(outTradeNo: string): Promise<TradeSnapshot>;
  /** Asks the provider to close an unpaid trade. Refusals throw; callers query afterwards either way. */
  close(outTradeNo: string): Promise<void>;
  refund(input: RefundInput): Promise<RefundSnapshot>;
  queryRefund(input: { outTradeNo: string; refundNo: string }): Promise<RefundSnapshot>;
  /** Verifies and reads a callback; throws NotifyRejected. */
  readNotify(req: NotifyRequest): Notice;
}
