import { z } from 'zod';
import { ZFen } from '../platform/money.ts';
import { ZPayChannel, ZPayAction } from '../payment/payment.ts';
import { ZLevelBenefits } from './loyalty.ts';

/**
 * Paid membership cards (付费会员), the member day (会员日) and a shopper's effective member
 * benefits (issue 8 §1). A card plan carries the same benefits as a level; while a card is active its
 * benefits count beside the level's (best of each); on a member day its own extras come on top.
 */

export const ZCardPlanInput = z.strictObject({
  name: z.string().trim().min(1).max(30),
  priceFen: ZFen.min(1).max(10_000_000),
  periodDays: z.number().int().min(1).max(3660),
  benefits: ZLevelBenefits,
  active: z.boolean(),
  sort: z.number().int().min(0).max(10_000).default(0),
});
export type TCardPlanInput = z.input<typeof ZCardPlanInput>;
export const ZCardPlan = ZCardPlanInput.extend({ id: z.string(), sort: z.number().int(), holders: z.number().int() });
export type TCardPlan = z.infer<typeof ZCardPlan>;
export const ZCardPlanList = z.object({ items: z.array(ZCardPlan) });

/** Which Asia/Shanghai days are member days: weekdays (1 = Monday … 7 = Sunday) or days of the month. */
export const ZMemberDayRule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('weekly'), weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7) }),
  z.strictObject({ type: z.literal('monthly'), days: z.array(z.number().int().min(1).max(31)).min(1).max(31) }),
]);
export type TMemberDayRule = z.infer<typeof ZMemberDayRule>;

export const ZMemberDaySettings = z.strictObject({
  enabled: z.boolean(),
  rule: ZMemberDayRule,
  /** Extra percent off goods on that day, on top of the level's or card's rate (折上折); 0 = none. */
  extraDiscountPercent: z.number().int().min(0).max(50),
  /** Points multiplier on that day in percent (200 = ×2), times the level's or card's. */
  pointsMultiplierPct: z.number().int().min(100).max(1000),
});
export type TMemberDaySettings = z.infer<typeof ZMemberDaySettings>;

/** A shopper's benefits now, best of level and card, with the member day's extras; the labels name where each comes from. */
export const ZEffectiveBenefits = z.object({
  levelId: z.string().nullable(),
  /** What the shopper pays of goods in basis points (9500 = 95折); 10000 = no member discount. */
  discountRateBp: z.number().int().min(0).max(10_000),
  discountLabel: z.string(),
  freeShipping: z.boolean(),
  freeShippingLabel: z.string(),
  pointsMultiplierPct: z.number().int(),
  pointsLabel: z.string(),
  memberDayToday: z.boolean(),
});
export type TEffectiveBenefits = z.infer<typeof ZEffectiveBenefits>;

export const ZMemberCard = z.object({
  planId: z.string(),
  name: z.string(),
  benefits: ZLevelBenefits,
  startsAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  daysLeft: z.number().int(),
});
export type TMemberCard = z.infer<typeof ZMemberCard>;

/** The shop's membership section: my card, the plans on sale, the member day and what applies now. */
export const ZMembership = z.object({
  card: ZMemberCard.nullable(),
  plans: z.array(ZCardPlan),
  memberDay: z.object({ label: z.string(), today: z.boolean(), settings: ZMemberDaySettings }).nullable(),
  benefits: ZEffectiveBenefits,
});
export type TMembership = z.infer<typeof ZMembership>;

export const ZStartCardPurchase = z.strictObject({
  planId: z.string().uuid(),
  channel: ZPayChannel,
  returnPath: z.string().max(300).regex(/^\/[^/\\]/, 'a path on this site').optional(),
});
export const ZCardPurchase = z.object({
  id: z.string(),
  purchaseNo: z.string(),
  planId: z.string(),
  name: z.string(),
  priceFen: ZFen,
  periodDays: z.number().int(),
  status: z.enum(['pending', 'paid']),
  paidAt: z.string().nullable(),
  /** After payment: the card's expiry this purchase set. */
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TCardPurchase = z.infer<typeof ZCardPurchase>;
export const ZStartCardPurchaseResult = z.object({ purchase: ZCardPurchase, action: ZPayAction });
export type TStartCardPurchaseResult = z.infer<typeof ZStartCardPurchaseResult>;
