import { z } from 'zod';

/**
 * Settings of the system tags (issue 7 §4): RFM and lifecycle. Each merchant stores its own; the
 * defaults below are what a new shop starts with.
 */

/** One RFM axis: the cut point is the merchant's own quantile unless a fixed value overrides it. */
export const ZRfmAxisConfig = z.strictObject({
  /** Which quantile of the merchant's paying customers is the cut point (0.5 = median). */
  quantile: z.number().gt(0).lt(1).default(0.5),
  /** A fixed cut point instead of the quantile (days for R, orders for F, fen for M); null = use the quantile. */
  fixed: z.number().int().min(0).nullable().default(null),
});
export type TRfmAxisConfig = z.infer<typeof ZRfmAxisConfig>;

export const ZRfmConfig = z.strictObject({
  /** F and M count paid orders in the last `windowDays` days; R looks at all history. */
  windowDays: z.number().int().min(1).max(3650).default(365),
  recency: ZRfmAxisConfig.default({ quantile: 0.5, fixed: null }),
  frequency: ZRfmAxisConfig.default({ quantile: 0.5, fixed: null }),
  monetary: ZRfmAxisConfig.default({ quantile: 0.5, fixed: null }),
});
export type TRfmConfig = z.infer<typeof ZRfmConfig>;

export const RFM_GROUPS = [
  'important_value', 'important_development', 'important_retention', 'important_winback',
  'general_value', 'general_development', 'general_retention', 'general_winback',
] as const;
export const ZRfmGroup = z.enum(RFM_GROUPS);
export type TRfmGroup = z.infer<typeof ZRfmGroup>;

export const LIFECYCLE_STAGES = ['new', 'potential', 'active', 'loyal', 'dormant', 'churned'] as const;
export const ZLifecycleStage = z.enum(LIFECYCLE_STAGES);
export type TLifecycleStage = z.infer<typeof ZLifecycleStage>;

/**
 * Lifecycle thresholds in days. Defaults follow the usual private-domain practice: a customer is new
 * for 30 days, dormant after 90 days without an order or any activity, churned after 180.
 */
export const ZLifecycleConfig = z.strictObject({
  newWithinDays: z.number().int().min(1).max(365).default(30),
  dormantAfterDays: z.number().int().min(1).max(3650).default(90),
  churnedAfterDays: z.number().int().min(2).max(3650).default(180),
  /** Paid orders (all history) from which a recently buying customer is loyal. */
  loyalMinOrders: z.number().int().min(2).max(1000).default(3),
}).refine((c) => c.newWithinDays <= c.dormantAfterDays && c.dormantAfterDays < c.churnedAfterDays, {
  message: 'needs newWithinDays ≤ dormantAfterDays < churnedAfterDays',
});
export type TLifecycleConfig = z.infer<typeof ZLifecycleConfig>;
