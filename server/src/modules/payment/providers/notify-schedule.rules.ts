import type { TPayProvider } from '@koi/contracts';

/**
 * When the providers call again after a callback was not acknowledged, in seconds after the
 * previous attempt:
 * - WeChat Pay (支付/退款结果通知): 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h — 24h4m in all;
 * - Alipay (异步通知): 4m,10m,10m,1h,2h,6h,15h — eight notifications within 25 hours.
 */
export const RETRY_SCHEDULE_SECONDS: Record<TPayProvider, readonly number[]> = {
  wechatpay: [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600],
  alipay: [240, 600, 600, 3600, 7200, 21600, 54000],
};

/** Seconds to wait after attempt number `attemptsMade` failed; null when that was the last one. */
export function retryDelaySeconds(provider: TPayProvider, attemptsMade: number): number | null {
  return RETRY_SCHEDULE_SECONDS[provider][attemptsMade - 1] ?? null;
}

/** Did the merchant acknowledge? WeChat: HTTP 200 or 204 (the body is not read). Alipay: the seven characters `success`. */
export function acknowledged(provider: TPayProvider, res: { status: number; body: string }): boolean {
  if (provider === 'wechatpay') return res.status === 200 || res.status === 204;
  return res.status === 200 && res.body === 'success';
}
