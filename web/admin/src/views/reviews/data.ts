import type { TReviewStatus } from '@koi/contracts';
import type { TReviewFilterQuery } from '@/api/reviews';

/** The filter form: '' means any. */
export interface TReviewFilters {
  rating: number | '';
  hasPhotos: '' | 'true' | 'false';
  status: '' | TReviewStatus;
  replied: '' | 'true' | 'false';
  pinned: '' | 'true' | 'false';
  productId: string;
  q: string;
}

export function emptyFilters(): TReviewFilters {
  return { rating: '', hasPhotos: '', status: '', replied: '', pinned: '', productId: '', q: '' };
}

/** The query as the server takes it: empty filters left out, text trimmed. */
export function filterQuery(f: TReviewFilters): TReviewFilterQuery {
  const q: TReviewFilterQuery = {};
  if (f.rating !== '') q.rating = f.rating;
  if (f.hasPhotos) q.hasPhotos = f.hasPhotos;
  if (f.status) q.status = f.status;
  if (f.replied) q.replied = f.replied;
  if (f.pinned) q.pinned = f.pinned;
  if (f.productId.trim()) q.productId = f.productId.trim();
  if (f.q.trim()) q.q = f.q.trim();
  return q;
}

export const STATUS_TAG: Record<TReviewStatus, 'success' | 'warning' | 'info'> = { visible: 'success', pending: 'warning', hidden: 'info' };

export function stars(n: number): string {
  return '★'.repeat(n) + '☆'.repeat(Math.max(0, 5 - n));
}

/** What the row's buttons offer for a review in this state. */
export function rowActions(r: { status: TReviewStatus; pinned: boolean }): ('approve' | 'hide' | 'show' | 'pin' | 'unpin')[] {
  if (r.status === 'pending') return ['approve', 'hide'];
  if (r.status === 'hidden') return ['show'];
  return [r.pinned ? 'unpin' : 'pin', 'hide'];
}
