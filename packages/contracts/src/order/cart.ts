import { z } from 'zod';
import { ZFen } from '../platform/money.ts';

/**
 * Why a cart line cannot be bought as it is. Lines are flagged, never silently dropped: the shopper
 * sees the reason and decides (remove, lower the quantity, pick another spec).
 */
export const CART_LINE_ISSUES = ['off_shelf', 'sku_removed', 'out_of_stock', 'insufficient_stock', 'over_limit'] as const;
export const ZCartLineIssue = z.object({
  code: z.enum(CART_LINE_ISSUES),
  /** zh-CN or en by Accept-Language, e.g. "库存仅剩 3 件". */
  message: z.string(),
  /** The most the shopper can buy now (stock left or what the purchase limit still allows). */
  maxQuantity: z.number().int().nullable(),
});
export type TCartLineIssue = z.infer<typeof ZCartLineIssue>;

export const ZCartLine = z.object({
  id: z.string(),
  skuId: z.string(),
  productId: z.string(),
  title: z.string(),
  specValues: z.array(z.string()),
  image: z.string().nullable(),
  priceFen: ZFen,
  listPriceFen: ZFen.nullable(),
  quantity: z.number().int(),
  selected: z.boolean(),
  issue: ZCartLineIssue.nullable(),
});
export type TCartLine = z.infer<typeof ZCartLine>;

/** A promotion hint on the cart ("再买 ¥12 可减 ¥20") or a discount already reached. */
export const ZPriceNote = z.object({ code: z.string(), text: z.string(), sourceId: z.string().nullable() });
export type TPriceNote = z.infer<typeof ZPriceNote>;

export const ZCart = z.object({
  lines: z.array(ZCartLine),
  /** Units in the cart (the tab badge). */
  itemCount: z.number().int(),
  /** Selected lines without an issue: what checkout would take. */
  selectedCount: z.number().int(),
  /** Server-priced selection before shipping and coupons. */
  selectedTotalFen: ZFen,
  discountFen: ZFen,
  payableFen: ZFen,
  applied: z.array(ZPriceNote),
  hints: z.array(ZPriceNote),
});
export type TCart = z.infer<typeof ZCart>;

export const ZCartAddInput = z.object({
  skuId: z.uuid(),
  quantity: z.number().int().min(1).max(999).default(1),
});
export type TCartAddInput = z.input<typeof ZCartAddInput>;

export const ZCartLinePatch = z.object({
  quantity: z.number().int().min(1).max(999).optional(),
  selected: z.boolean().optional(),
}).refine((p) => p.quantity !== undefined || p.selected !== undefined, { message: 'quantity or selected' });
export type TCartLinePatch = z.input<typeof ZCartLinePatch>;

export const ZCartSelectAll = z.object({ selected: z.boolean() });
export const ZCartRemove = z.object({ lineIds: z.array(z.uuid()).min(1).max(200) });
/** After sign-in: the guest cart of this anonymous id joins the shopper's cart. */
export const ZCartMerge = z.object({ anonymousId: z.string().min(8).max(64) });
export const ZCartCount = z.object({ itemCount: z.number().int() });
