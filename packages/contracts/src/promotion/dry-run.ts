import { z } from 'zod';
import { ZLocalText } from '../pricing/pricing.ts';
import { ZPromotionInput } from './promotion.ts';
import { ZCouponTemplateInput } from './coupon.ts';

/**
 * Promotion dry-run (issue 8 point 7): replay a draft promotion or coupon template over the last
 * `days` of paid orders with the pricing engine, before launching it. The draft is exactly what the
 * create form sends; nothing is saved.
 */
const ZDryRunWindow = {
  /** Orders created in the last `days` days (paid, shipped or completed). */
  days: z.number().int().min(1).max(90).default(30),
  /** How many touched orders to list (largest effect first). */
  sampleSize: z.number().int().min(0).max(100).default(20),
  /** When editing a running promotion: leave it out of the baseline, so it is not counted twice. */
  replacesId: z.string().max(64).optional(),
};
export const ZDryRunRequest = z.discriminatedUnion('target', [
  z.strictObject({ target: z.literal('promotion'), draft: ZPromotionInput, ...ZDryRunWindow }),
  z.strictObject({ target: z.literal('coupon'), draft: ZCouponTemplateInput, ...ZDryRunWindow }),
]);
export type TDryRunRequest = z.input<typeof ZDryRunRequest>;

export const ZDryRunSampleOrder = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  customerId: z.string(),
  createdAt: z.string(),
  /** Payable re-priced without / with the draft (fen); delta = before − after. */
  beforeFen: z.number().int(),
  afterFen: z.number().int(),
  deltaFen: z.number().int(),
});
export type TDryRunSampleOrder = z.infer<typeof ZDryRunSampleOrder>;

export const ZDryRunResult = z.object({
  target: z.enum(['promotion', 'coupon']),
  days: z.number().int(),
  from: z.string(),
  to: z.string(),
  ordersScanned: z.number().int(),
  customersScanned: z.number().int(),
  /** Orders whose price the draft changed, and their distinct customers. */
  ordersTouched: z.number().int(),
  customersTouched: z.number().int(),
  /** Σ (payable without the draft − payable with it), fen. */
  discountCostFen: z.number().int(),
  /** Σ payable of the scanned orders (goods + shipping), re-priced, without / with the draft. */
  revenueBeforeFen: z.number().int(),
  revenueAfterFen: z.number().int(),
  aovBeforeFen: z.number().int(),
  aovAfterFen: z.number().int(),
  /** aovAfterFen − aovBeforeFen (negative: the draft lowers what an order brings in). */
  aovChangeFen: z.number().int(),
  /**
   * Goods payable minus cost over the lines whose SKU has a cost price (the others are left out of
   * both sides and counted in `linesWithoutCost`).
   */
  marginBeforeFen: z.number().int(),
  marginAfterFen: z.number().int(),
  marginChangeFen: z.number().int(),
  /** Margin over its revenue in basis points (1234 = 12.34 %); null when no line has a cost price. */
  marginRateBeforeBp: z.number().int().nullable(),
  marginRateAfterBp: z.number().int().nullable(),
  /** Goods payable of the lines with a cost price, without / with the draft (the margin's base). */
  costedRevenueBeforeFen: z.number().int(),
  costedRevenueAfterFen: z.number().int(),
  costFen: z.number().int(),
  lines: z.number().int(),
  linesWithoutCost: z.number().int(),
  /** The engine's explanation of the draft: how often it applied and each reason it did not. */
  applied: z.number().int(),
  notApplied: z.array(z.object({ code: z.string(), count: z.number().int(), text: ZLocalText })),
  sample: z.array(ZDryRunSampleOrder),
  /**
   * The carts shoppers changed within the window and have not checked out: their selected lines at
   * today's prices (no shipping: a cart has no address), priced without / with the draft.
   */
  openCarts: z.object({
    cartsScanned: z.number().int(),
    cartsTouched: z.number().int(),
    /** Signed-in shoppers among the touched carts (guests' carts count in cartsTouched only). */
    customersTouched: z.number().int(),
    discountCostFen: z.number().int(),
    valueBeforeFen: z.number().int(),
    valueAfterFen: z.number().int(),
  }),
  elapsedMs: z.number().int(),
});
export type TDryRunResult = z.infer<typeof ZDryRunResult>;
