import {
  ZMyReview, ZOrderReviews, ZProductReviewPreview, ZReviewPhoto, ZShopReviewPage,
  type TMyReview, type TOrderReviews, type TProductReviewPreview, type TReviewFilter, type TReviewPhoto, type TShopReviewPage,
} from '@koi/contracts';
import { request } from '@/api/request';
import { uploadFile } from '@/api/upload';

/** The product page block: good-review rate, tags and the first two reviews. */
export function getReviewPreview(productId: string): Promise<TProductReviewPreview> {
  return request(`/api/shop/products/${encodeURIComponent(productId)}/reviews/preview`, { schema: ZProductReviewPreview });
}

export function listProductReviews(productId: string, filter: TReviewFilter, cursor: string | null): Promise<TShopReviewPage> {
  return request(`/api/shop/products/${encodeURIComponent(productId)}/reviews`, { query: { filter, cursor: cursor ?? undefined, limit: 10 }, schema: ZShopReviewPage });
}

export function getOrderReviews(orderId: string): Promise<TOrderReviews> {
  return request(`/api/shop/orders/${encodeURIComponent(orderId)}/reviews`, { schema: ZOrderReviews });
}

export function submitReview(body: { orderId: string; lineId: string; rating: number; content: string; photoUrls: string[]; anonymous: boolean }): Promise<TMyReview> {
  return request('/api/shop/reviews', { method: 'POST', body, schema: ZMyReview });
}

export function addFollowUp(reviewId: string, body: { content: string; photoUrls: string[] }): Promise<TMyReview> {
  return request(`/api/shop/reviews/${encodeURIComponent(reviewId)}/follow-up`, { method: 'POST', body, schema: ZMyReview });
}

/** Uploads one chosen photo of a review; the server decides its type from the bytes. */
export function uploadReviewPhoto(filePath: string, locale: string): Promise<TReviewPhoto> {
  return uploadFile('/api/shop/reviews/photos', filePath, locale, ZReviewPhoto);
}
