import type { TAfterSaleSettings } from '@koi/contracts';

/**
 * Whether a coupon used on an order goes back to the shopper (pure). The merchant picks the rule
 * (after-sale settings): `never`; `full_refund` — the whole order came back; or
 * `full_refund_before_shipping` — the whole order came back before it shipped. Either way a coupon
 * past its validity stays spent. Points are not decided here: loyalty claws back by the
 * `aftersale.refunded` event.
 */
export function couponComesBack(
  policy: TAfterSaleSettings['couponReturn'],
  p: { orderFullyRefunded: boolean; beforeShipping: boolean; validUntil: Date; now: Date },
): boolean {
  if (policy === 'never' || !p.orderFullyRefunded || p.validUntil <= p.now) return false;
  return policy === 'full_refund' || p.beforeShipping;
}
