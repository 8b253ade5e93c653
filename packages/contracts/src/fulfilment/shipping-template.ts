import { z } from 'zod';
import { ZFen } from '../platform/money.ts';
import { ZRegionCode } from '../customer/region.ts';

/**
 * Shipping templates (运费模板). A template charges by piece (件) or by weight (grams): the first
 * `first` units cost `firstFeeFen`, each further `additional` units (or part of them) cost
 * `additionalFeeFen`. Region rules override the default rule for the provinces or cities they list;
 * some regions may not be delivered to; free-shipping conditions (包邮条件) waive the fee.
 * Which rule applies to a destination: the most specific entry wins — a city listed in a region rule
 * or in `undeliverable` beats its province listed elsewhere; otherwise the default rule.
 */
export const SHIPPING_CHARGE_MODES = ['piece', 'weight'] as const;
export const ZShippingChargeMode = z.enum(SHIPPING_CHARGE_MODES);
export type TShippingChargeMode = z.infer<typeof ZShippingChargeMode>;

/**
 * How several templates in one order combine:
 * - `sum` (default; Youzan's 叠加): each template is computed on its own lines, the fees are added;
 * - `max_first` (Taobao's): the highest first fee is charged once; every other template's units are
 *   charged at its additional rate only.
 */
export const SHIPPING_COMBINE_POLICIES = ['sum', 'max_first'] as const;
export const ZShippingCombinePolicy = z.enum(SHIPPING_COMBINE_POLICIES);
export type TShippingCombinePolicy = z.infer<typeof ZShippingCombinePolicy>;

const ZFeeFen = ZFen.min(0, 'must not be negative').max(10_000_00, 'at most ¥10,000');
/** Pieces, or grams for a weight template (1 to 1,000,000: up to a tonne). */
const ZUnits = z.number().int().min(1, 'at least 1').max(1_000_000);

export const ZShippingRule = z.strictObject({
  first: ZUnits,
  firstFeeFen: ZFeeFen,
  additional: ZUnits,
  additionalFeeFen: ZFeeFen,
});
export type TShippingRule = z.infer<typeof ZShippingRule>;

/** Province (xx0000) or city codes, each at most once across a template's region rules. */
const ZRegionCodes = z.array(ZRegionCode).max(400);

export const ZShippingRegionRule = ZShippingRule.extend({ regions: ZRegionCodes.min(1, 'pick at least one region') });
export type TShippingRegionRule = z.infer<typeof ZShippingRegionRule>;

/**
 * 包邮条件: the template's lines ship free when their goods amount reaches `minAmountFen` and/or
 * their pieces reach `minQuantity` (both must hold when both are set), to `regions` (empty: anywhere).
 */
export const ZFreeShippingCondition = z
  .strictObject({
    regions: ZRegionCodes.default([]),
    minAmountFen: ZFen.min(1).max(1_000_000_00).nullable().default(null),
    minQuantity: z.number().int().min(1).max(9999).nullable().default(null),
  })
  .refine((c) => c.minAmountFen !== null || c.minQuantity !== null, { message: 'set an amount, a quantity or both', path: ['minAmountFen'] });
export type TFreeShippingCondition = z.output<typeof ZFreeShippingCondition>;

export const ZShippingTemplateInput = z.strictObject({
  name: z.string().trim().min(1, 'required').max(30),
  chargeBy: ZShippingChargeMode,
  defaultRule: ZShippingRule,
  regionRules: z.array(ZShippingRegionRule).max(100).default([]),
  undeliverable: ZRegionCodes.default([]),
  freeShipping: z.array(ZFreeShippingCondition).max(50).default([]),
  /** true makes it the merchant's default (used by products without a template of their own). */
  isDefault: z.boolean().default(false),
});
export type TShippingTemplateInput = z.input<typeof ZShippingTemplateInput>;

export const ZShippingTemplate = z.object({
  id: z.string(),
  name: z.string(),
  chargeBy: ZShippingChargeMode,
  defaultRule: ZShippingRule,
  regionRules: z.array(ZShippingRegionRule),
  undeliverable: z.array(z.string()),
  freeShipping: z.array(z.object({ regions: z.array(z.string()), minAmountFen: ZFen.nullable(), minQuantity: z.number().int().nullable() })),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TShippingTemplate = z.infer<typeof ZShippingTemplate>;

export const ZShippingTemplateList = z.object({
  items: z.array(ZShippingTemplate),
  policy: ZShippingCombinePolicy,
});
export type TShippingTemplateList = z.infer<typeof ZShippingTemplateList>;

export const ZShippingSettings = z.strictObject({ policy: ZShippingCombinePolicy });
export type TShippingSettings = z.infer<typeof ZShippingSettings>;

/** Text in both languages (explanations are shown to shoppers and staff alike). */
export const ZShippingText = z.object({ zh: z.string(), en: z.string() });
export type TShippingText = z.infer<typeof ZShippingText>;

/**
 * One order line as the quote sees it. `templateId` null (or a template that no longer exists):
 * the merchant's default template. `unitWeightGrams` is one unit's weight (the SKU's; 0 if unknown).
 */
export const ZShippingQuoteLine = z.strictObject({
  templateId: z.string().max(64).nullable().default(null),
  quantity: z.number().int().min(1).max(99_999),
  unitWeightGrams: z.number().int().min(0).max(1_000_000).default(0),
  subtotalFen: ZFen.min(0).max(1_000_000_000_00),
});
export type TShippingQuoteLine = z.input<typeof ZShippingQuoteLine>;

export const ZShippingDestination = z.strictObject({ provinceCode: ZRegionCode, cityCode: ZRegionCode });
export type TShippingDestination = z.infer<typeof ZShippingDestination>;

export const ZShippingQuoteRequest = z.strictObject({
  lines: z.array(ZShippingQuoteLine).min(1).max(200),
  destination: ZShippingDestination,
});
export type TShippingQuoteRequest = z.input<typeof ZShippingQuoteRequest>;

export const ZShippingTemplateFee = z.object({
  /** null: the merchant has no template at all (the lines ship free). */
  templateId: z.string().nullable(),
  templateName: z.string(),
  chargeBy: ZShippingChargeMode,
  lineIndexes: z.array(z.number().int()),
  quantity: z.number().int(),
  weightGrams: z.number().int(),
  subtotalFen: ZFen,
  /** The rule that applied: the default one, or the region rule covering the destination. */
  rule: ZShippingRule.extend({ kind: z.enum(['default', 'region']), regions: z.array(z.string()) }).nullable(),
  /** By the rule alone (first + additional), before free shipping and the combine policy. */
  baseFeeFen: ZFen,
  /** What this template adds to the order's fee. */
  feeFen: ZFen,
  free: z.boolean(),
  freeShippingReason: ZShippingText.nullable(),
  /** What is still missing for the nearest free-shipping condition at this destination ("再买 ¥12 包邮"). */
  freeShippingGap: z.object({ amountFen: ZFen.nullable(), quantity: z.number().int().nullable() }).nullable(),
  explanation: ZShippingText,
});
export type TShippingTemplateFee = z.infer<typeof ZShippingTemplateFee>;

export const SHIPPING_UNDELIVERABLE_REASONS = ['region_excluded'] as const;
export const ZShippingUndeliverable = z.object({
  lineIndex: z.number().int(),
  templateId: z.string(),
  reason: z.enum(SHIPPING_UNDELIVERABLE_REASONS),
  message: ZShippingText,
});
export type TShippingUndeliverable = z.infer<typeof ZShippingUndeliverable>;

export const ZShippingQuote = z.object({
  feeFen: ZFen,
  policy: ZShippingCombinePolicy,
  perTemplate: z.array(ZShippingTemplateFee),
  /** Lines that cannot ship to the destination; they are not in `perTemplate` and add no fee. */
  undeliverable: z.array(ZShippingUndeliverable),
  /** Set when a free-shipping condition waived some or all of the fee. */
  freeShippingReason: ZShippingText.nullable(),
  explanation: ZShippingText,
});
export type TShippingQuote = z.infer<typeof ZShippingQuote>;

/**
 * The admin's 试算: one line to a destination, against a saved template (`templateId`; null: the
 * default) or against the `draft` being edited, before it is saved.
 */
export const ZShippingTrialRequest = z.strictObject({
  destination: ZShippingDestination,
  quantity: z.number().int().min(1).max(9999),
  unitWeightGrams: z.number().int().min(0).max(1_000_000).default(0),
  subtotalFen: ZFen.min(0).max(1_000_000_000_00).default(0),
  templateId: z.string().max(64).nullable().default(null),
  draft: ZShippingTemplateInput.optional(),
});
export type TShippingTrialRequest = z.input<typeof ZShippingTrialRequest>;
