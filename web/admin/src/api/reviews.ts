import type { TAdminReview, TAdminReviewDetail, TReviewStatus } from '@koi/contracts';
import { http } from './http.ts';

/** The moderation list's filters as sent: empty ones left out (see views/reviews/data.ts `filterQuery`). */
export interface TReviewFilterQuery {
  rating?: number;
  hasPhotos?: 'true' | 'false';
  status?: TReviewStatus;
  replied?: 'true' | 'false';
  pinned?: 'true' | 'false';
  productId?: string;
  q?: string;
}

export type TAdminReviewPage = { items: TAdminReview[]; total: number; page: number };

export function listReviews(query: TReviewFilterQuery & { page: number; pageSize: number }): Promise<TAdminReviewPage> {
  return http.get<TAdminReviewPage>('/reviews', { query: { ...query } });
}

export function getReview(id: string): Promise<TAdminReviewDetail> {
  return http.get<TAdminReviewDetail>(`/reviews/${encodeURIComponent(id)}`);
}

export function replyReview(id: string, content: string): Promise<TAdminReviewDetail> {
  return http.post<TAdminReviewDetail>(`/reviews/${encodeURIComponent(id)}/reply`, { content });
}

export function hideReview(id: string, reason: string): Promise<TAdminReviewDetail> {
  return http.post<TAdminReviewDetail>(`/reviews/${encodeURIComponent(id)}/hide`, { reason });
}

export type TReviewAction = 'show' | 'approve' | 'pin' | 'unpin';
export function actOnReview(id: string, action: TReviewAction): Promise<TAdminReviewDetail> {
  return http.post<TAdminReviewDetail>(`/reviews/${encodeURIComponent(id)}/${action}`);
}
