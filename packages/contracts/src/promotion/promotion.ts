import { z } from 'zod';
import { ZLocalText, ZScope } from '../pricing/pricing.ts';

export const PROMOTION_STATUSES = ['draft', 'active', 'ended'] as const;
export const ZPromotionStatus = z.enum(PROMOTION_STATUSES);
/** What the operator sees: the stored status with the dates applied (an active one before its start is scheduled). */
export const PROMOTION_STATES = ['draft', 'scheduled', 'running', 'ended'] as const;
export const ZPromotionState = z.enum(PROMOTION_STATES);
export type TPromotionState = z.infer<typeof ZPromotionState>;

const ZInstant = z.iso.datetime({ offset: true });

/** Create or replace a promotion. `args` are checked against the kind's schema (400 with the bad fields under `args.`). */
export const ZPromotionInput = z.strictObject({
  kind: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(40),
  args: z.record(z.string(), z.unknown()),
  scope: ZScope.default({ type: 'all', ids: [], excludeProductIds: [] }),
  startsAt: ZInstant,
  /** null: until ended by hand. */
  endsAt: ZInstant.nullable(),
  /** Higher applies first among promotions of the same kind priority. */
  priority: z.number().int().min(0).max(1000).default(0),
  /** Save as a draft, or make it active (it runs between its dates). */
  status: z.enum(['draft', 'active']).default('draft'),
});
export type TPromotionInput = z.input<typeof ZPromotionInput>;

export const ZPromotion = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: ZLocalText,
  name: z.string(),
  args: z.record(z.string(), z.unknown()),
  /** e.g. "满 ¥300 减 ¥30，满 ¥600 减 ¥80". */
  summary: ZLocalText,
  scope: ZScope,
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  priority: z.number().int(),
  status: ZPromotionStatus,
  state: ZPromotionState,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPromotion = z.infer<typeof ZPromotion>;

export const ZPromotionQuery = z.object({
  state: ZPromotionState.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZPromotionPage = z.object({ items: z.array(ZPromotion), total: z.number().int() });
export type TPromotionPage = z.infer<typeof ZPromotionPage>;
