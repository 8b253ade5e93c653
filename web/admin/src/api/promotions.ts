import type {
  TCouponTemplate, TCouponTemplateInput, TCouponTemplatePage, TKindList, TOk, TPromotion, TPromotionInput, TPromotionPage, TPromotionState,
} from '@koi/contracts';
import { http, type TPageParams } from './http.ts';

export function listKinds(): Promise<TKindList> {
  return http.get<TKindList>('/promotions/kinds');
}

export function listPromotions(params: TPageParams & { state?: TPromotionState }): Promise<TPromotionPage> {
  return http.get<TPromotionPage>('/promotions', { query: { page: params.page, pageSize: params.pageSize, state: params.state } });
}

export function createPromotion(body: TPromotionInput): Promise<TPromotion> {
  return http.post<TPromotion>('/promotions', body);
}

export function updatePromotion(id: string, body: TPromotionInput): Promise<TPromotion> {
  return http.put<TPromotion>(`/promotions/${encodeURIComponent(id)}`, body);
}

export function endPromotion(id: string): Promise<TPromotion> {
  return http.post<TPromotion>(`/promotions/${encodeURIComponent(id)}/end`);
}

export function deletePromotion(id: string): Promise<TOk> {
  return http.del<TOk>(`/promotions/${encodeURIComponent(id)}`);
}

export function listCouponTemplates(params: TPageParams): Promise<TCouponTemplatePage> {
  return http.get<TCouponTemplatePage>('/coupon-templates', { query: { page: params.page, pageSize: params.pageSize } });
}

export function createCouponTemplate(body: TCouponTemplateInput): Promise<TCouponTemplate> {
  return http.post<TCouponTemplate>('/coupon-templates', body);
}

export function updateCouponTemplate(id: string, body: TCouponTemplateInput): Promise<TCouponTemplate> {
  return http.put<TCouponTemplate>(`/coupon-templates/${encodeURIComponent(id)}`, body);
}

export function endCouponTemplate(id: string): Promise<TCouponTemplate> {
  return http.post<TCouponTemplate>(`/coupon-templates/${encodeURIComponent(id)}/end`);
}

export function deleteCouponTemplate(id: string): Promise<TOk> {
  return http.del<TOk>(`/coupon-templates/${encodeURIComponent(id)}`);
}
