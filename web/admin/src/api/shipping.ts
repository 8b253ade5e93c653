import type {
  TOk, TRegionTree, TShippingCombinePolicy, TShippingQuote, TShippingSettings, TShippingTemplate, TShippingTemplateInput, TShippingTemplateList, TShippingTrialRequest,
} from '@koi/contracts';
import { http } from './http.ts';

export function listShippingTemplates(): Promise<TShippingTemplateList> {
  return http.get<TShippingTemplateList>('/shipping-templates');
}

export function createShippingTemplate(body: TShippingTemplateInput): Promise<TShippingTemplate> {
  return http.post<TShippingTemplate>('/shipping-templates', body);
}

export function updateShippingTemplate(id: string, body: TShippingTemplateInput): Promise<TShippingTemplate> {
  return http.put<TShippingTemplate>(`/shipping-templates/${encodeURIComponent(id)}`, body);
}

export function setDefaultShippingTemplate(id: string): Promise<TShippingTemplate> {
  return http.post<TShippingTemplate>(`/shipping-templates/${encodeURIComponent(id)}/default`);
}

export function deleteShippingTemplate(id: string): Promise<TOk> {
  return http.del<TOk>(`/shipping-templates/${encodeURIComponent(id)}`);
}

export function setShippingPolicy(policy: TShippingCombinePolicy): Promise<TShippingSettings> {
  return http.put<TShippingSettings>('/shipping-settings', { policy });
}

/** 试算: errors of a draft come back under `draft.…` paths. */
export function trialShippingQuote(body: TShippingTrialRequest, silent = false): Promise<TShippingQuote> {
  return http.post<TShippingQuote>('/shipping-templates/quote', body, { silent });
}

/** The public region tree (provinces → cities → districts), served with an ETag. */
export function getRegionTree(): Promise<TRegionTree> {
  return http.get<TRegionTree>('/shop/regions', { base: '/api' });
}
