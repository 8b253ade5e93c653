import { z } from 'zod';
import { ZFen } from '../platform/money.ts';
import { ZCouponStatus, ZLocalText, ZScope } from '../pricing/pricing.ts';

const ZInstant = z.iso.datetime({ offset: true });

/** Fixed dates, or N days from the moment a shopper claims it. */
export const ZCouponValidity = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), from: ZInstant, until: ZInstant }),
  z.strictObject({ type: z.literal('relative'), days: z.number().int().min(1).max(3650) }),
]);
export type TCouponValidity = z.infer<typeof ZCouponValidity>;

export const COUPON_TEMPLATE_STATUSES = ['draft', 'active', 'ended'] as const;
export const ZCouponTemplateStatus = z.enum(COUPON_TEMPLATE_STATUSES);

export const ZCouponTemplateInput = z.strictObject({
  kind: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(40),
  args: z.record(z.string(), z.unknown()),
  scope: ZScope.default({ type: 'all', ids: [], excludeProductIds: [] }),
  validity: ZCouponValidity,
  /** Coupons one shopper may hold from this template in total. */
  perCustomerLimit: z.number().int().min(1).max(100).default(1),
  /** null: unlimited. */
  totalQuantity: z.number().int().min(1).max(10_000_000).nullable(),
  /** Shown in the coupon centre for shoppers to claim (otherwise issued only by the merchant). */
  claimable: z.boolean().default(true),
  status: z.enum(['draft', 'active']).default('draft'),
});
export type TCouponTemplateInput = z.input<typeof ZCouponTemplateInput>;

export const ZCouponTemplate = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: ZLocalText,
  name: z.string(),
  args: z.record(z.string(), z.unknown()),
  summary: ZLocalText,
  scope: ZScope,
  validity: ZCouponValidity,
  perCustomerLimit: z.number().int(),
  totalQuantity: z.number().int().nullable(),
  issuedCount: z.number().int(),
  usedCount: z.number().int(),
  claimable: z.boolean(),
  status: ZCouponTemplateStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCouponTemplate = z.infer<typeof ZCouponTemplate>;
export const ZCouponTemplatePage = z.object({ items: z.array(ZCouponTemplate), total: z.number().int() });
export type TCouponTemplatePage = z.infer<typeof ZCouponTemplatePage>;
export const ZCouponTemplateQuery = z.object({
  status: ZCouponTemplateStatus.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A coupon in the shopper's wallet. `status` is as of now: an available coupon past its date shows as expired. */
export const ZWalletCoupon = z.object({
  id: z.string(),
  templateId: z.string(),
  code: z.string(),
  kind: z.string(),
  name: z.string(),
  summary: ZLocalText,
  thresholdFen: ZFen.nullable(),
  amountFen: ZFen.nullable(),
  scope: ZScope,
  status: ZCouponStatus,
  validFrom: z.string(),
  validUntil: z.string(),
  claimedAt: z.string(),
  usedAt: z.string().nullable(),
});
export type TWalletCoupon = z.infer<typeof ZWalletCoupon>;
export const ZWalletQuery = z.object({ status: ZCouponStatus.optional() });
export const ZWallet = z.object({ items: z.array(ZWalletCoupon) });
export type TWallet = z.infer<typeof ZWallet>;

export const ZClaimRequest = z.strictObject({ templateId: z.uuid() });
export type TClaimRequest = z.infer<typeof ZClaimRequest>;

/** A template in the coupon centre. `claimed`/`canClaim` are for the signed-in shopper (guests: 0 / true while any are left). */
export const ZClaimableTemplate = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  summary: ZLocalText,
  thresholdFen: ZFen.nullable(),
  amountFen: ZFen.nullable(),
  scope: ZScope,
  validity: ZCouponValidity,
  perCustomerLimit: z.number().int(),
  /** null: unlimited. */
  remaining: z.number().int().nullable(),
  /** How much of the total is gone, rounded down (已抢 73%; 100 only when none are left); null: unlimited. */
  claimedPercent: z.number().int().min(0).max(100).nullable(),
  claimed: z.number().int(),
  canClaim: z.boolean(),
});
export type TClaimableTemplate = z.infer<typeof ZClaimableTemplate>;
export const ZClaimableList = z.object({ items: z.array(ZClaimableTemplate) });
export type TClaimableList = z.infer<typeof ZClaimableList>;
