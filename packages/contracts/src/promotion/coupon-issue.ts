import { z } from 'zod';
import { ZWalletCoupon } from './coupon.ts';

/**
 * Issuing coupons beyond claiming (issue 8 §4): redeem codes, a list of customers, a segment,
 * and rewards. Every issuance counts against the template's total and the per-customer limit.
 */

/** Unique codes: `count` one-use codes. Shared: one code (given or generated) that `limit` shoppers may redeem once each. */
export const ZCodeBatchInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('unique'), templateId: z.uuid(), count: z.number().int().min(1).max(50_000) }),
  z.strictObject({
    type: z.literal('shared'),
    templateId: z.uuid(),
    /** Letters and digits, 4–20; blank: generated. */
    code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4,20}$/).optional(),
    limit: z.number().int().min(1).max(10_000_000),
  }),
]);
export type TCodeBatchInput = z.input<typeof ZCodeBatchInput>;

export const ZCodeBatch = z.object({
  id: z.string(),
  templateId: z.string(),
  type: z.enum(['unique', 'shared']),
  /** Unique: how many codes; shared: how many redemptions it allows. */
  count: z.number().int(),
  redeemed: z.number().int(),
  /** The shared code itself (unique codes are downloaded). */
  sharedCode: z.string().nullable(),
  createdAt: z.string(),
});
export type TCodeBatch = z.infer<typeof ZCodeBatch>;
export const ZCodeBatchList = z.object({ items: z.array(ZCodeBatch) });
export type TCodeBatchList = z.infer<typeof ZCodeBatchList>;
export const ZCodeBatchQuery = z.object({ templateId: z.uuid() });

/** The shop's 兑换码 entry. Spaces and dashes are ignored, letters may be lower case. */
export const ZRedeemCodeRequest = z.strictObject({ code: z.string().trim().min(4).max(40) });
export type TRedeemCodeRequest = z.infer<typeof ZRedeemCodeRequest>;
export const ZRedeemCodeResult = z.object({ coupon: ZWalletCoupon });
export type TRedeemCodeResult = z.infer<typeof ZRedeemCodeResult>;

/** 定向发券 to listed customers: shopper ids or mainland mobile numbers, one per entry (≤ 100,000). */
export const ZIssueToListInput = z.strictObject({
  templateId: z.uuid(),
  customers: z.array(z.string().trim().min(1).max(64)).min(1).max(100_000),
});
export type TIssueToListInput = z.infer<typeof ZIssueToListInput>;
export const ZIssueToSegmentInput = z.strictObject({ templateId: z.uuid(), segmentId: z.string().min(1).max(64) });
export type TIssueToSegmentInput = z.infer<typeof ZIssueToSegmentInput>;

export const ISSUE_SKIP_REASONS = ['not_found', 'invalid', 'duplicate', 'limit_reached', 'sold_out', 'already_issued', 'not_issuable'] as const;
export const ZIssueSkipReason = z.enum(ISSUE_SKIP_REASONS);
export type TIssueSkipReason = z.infer<typeof ZIssueSkipReason>;

export const ZIssueJob = z.object({
  id: z.string(),
  templateId: z.string(),
  source: z.enum(['list', 'segment']),
  segmentId: z.string().nullable(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  issued: z.number().int(),
  skipped: z.number().int(),
  /** The first skipped customers with the reason (the whole list is the .xlsx report). */
  skippedSample: z.array(z.object({ customer: z.string(), reason: ZIssueSkipReason })),
  reportUrl: z.string().nullable(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TIssueJob = z.infer<typeof ZIssueJob>;
export const ZIssueJobList = z.object({ items: z.array(ZIssueJob) });
export const ZIssueJobQuery = z.object({ templateId: z.uuid().optional() });

/** Rewards: which template each occasion issues (null: none). Issued once per customer per occasion. */
export const REWARD_OCCASIONS = ['new_customer', 'birthday', 'level_up'] as const;
export const ZRewardOccasion = z.enum(REWARD_OCCASIONS);
export type TRewardOccasion = z.infer<typeof ZRewardOccasion>;
export const ZRewardSettings = z.object({
  new_customer: z.uuid().nullable(),
  birthday: z.uuid().nullable(),
  level_up: z.uuid().nullable(),
});
export type TRewardSettings = z.infer<typeof ZRewardSettings>;
