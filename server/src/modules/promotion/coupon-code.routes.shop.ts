import { ZRedeemCodeRequest, ZRedeemCodeResult } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';
import { enforce, type RateLimiter } from '../../platform/rate-limit.ts';
import type { CouponCodes } from './coupon-codes.ts';

/** Against guessing: per shopper 10 tries a minute and 30 an hour, per address 60 an hour (every try counts). */
export const REDEEM_LIMITS = { perMinute: 10, perHour: 30, perIpHour: 60 } as const;

export function registerShopCouponCodeRoutes(app: App, deps: { codes: CouponCodes; limiter: RateLimiter }) {
  app.post('/api/shop/coupons/redeem', {
    schema: {
      tags: ['shop'], security: [{ bearer: [] }], body: ZRedeemCodeRequest, response: { 200: ZRedeemCodeResult },
      summary: 'Redeem a code (兑换码); 404 promotion.code_invalid, 409 already redeemed / used up / sold out / at the limit, 429 when tried too often',
    },
    preValidation: requireShopper,
  }, async (req) => {
    const shopperId = shopperOf(req).id;
    await enforce(deps.limiter, [
      { key: `coupon-redeem:${shopperId}:m`, max: REDEEM_LIMITS.perMinute, windowSeconds: 60 },
      { key: `coupon-redeem:${shopperId}:h`, max: REDEEM_LIMITS.perHour, windowSeconds: 3600 },
      { key: `coupon-redeem-ip:${req.ip}`, max: REDEEM_LIMITS.perIpHour, windowSeconds: 3600 },
    ]);
    return { coupon: await deps.codes.redeem(shopperId, req.body.code) };
  });
}
