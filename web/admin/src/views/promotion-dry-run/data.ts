import type { TCouponTemplateInput, TDryRunRequest, TDryRunResult, TLocalText, TPromotionInput } from '@koi/contracts';
import { http } from '@/api/http';
import { fenToYuanText } from '@/utils/money';

/** What a promotion or coupon-template dialog hands the dry-run: its draft exactly as it would save it. */
export type TDryRunDraft = { target: 'promotion'; draft: TPromotionInput } | { target: 'coupon'; draft: TCouponTemplateInput };

export function runDryRun(body: TDryRunRequest): Promise<TDryRunResult> {
  return http.post<TDryRunResult>('/promotions/dry-run', body);
}

/** 12345 fen → `¥123.45` (the server's figure, formatted; nothing computed here). */
export const yuan = (fen: number) => `¥${fenToYuanText(fen)}`;
/** Basis points as the server sent them: 1234 → `12.34%`, null → `—`. */
export const percent = (bp: number | null) => (bp === null ? '—' : `${fenToYuanText(bp)}%`);
export const signedYuan = (fen: number) => (fen > 0 ? `+${yuan(fen)}` : fen < 0 ? `-¥${fenToYuanText(-fen)}` : yuan(0));
export const pick = (text: TLocalText, locale: string) => (locale === 'en' ? text.en : text.zh);
