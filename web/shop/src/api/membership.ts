import {
  ZCardPurchase, ZMembership, ZStartCardPurchaseResult,
  type TCardPurchase, type TMembership, type TPayChannel, type TStartCardPurchaseResult,
} from '@koi/contracts';
import { request } from './request';

/** My paid card, the cards on sale, the member day and my benefits now (all decided by the server). */
export function getMembership(): Promise<TMembership> {
  return request('/api/shop/loyalty/membership', { schema: ZMembership });
}

/** Buys (or extends) a card: the payment action to follow (one key per tap). */
export function startCardPurchase(planId: string, channel: TPayChannel, returnPath: string, idempotencyKey: string): Promise<TStartCardPurchaseResult> {
  return request('/api/shop/loyalty/card-purchases', { method: 'POST', body: { planId, channel, returnPath }, headers: { 'Idempotency-Key': idempotencyKey }, schema: ZStartCardPurchaseResult });
}

export function getCardPurchase(id: string): Promise<TCardPurchase> {
  return request(`/api/shop/loyalty/card-purchases/${encodeURIComponent(id)}`, { schema: ZCardPurchase });
}
