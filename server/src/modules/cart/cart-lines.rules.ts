import type { TCartLineIssue } from '@koi/contracts';
import type { Lang } from '../../platform/errors.ts';

/** The facts about a SKU that decide whether a cart line can be bought as it is. */
export type LineFacts = {
  sellable: boolean;
  available: number;
  /** Units the shopper may still buy of this product (限购 minus what they already bought); null: no limit. */
  limitLeft: number | null;
} | undefined;

const TEXT = {
  sku_removed: { zh: '该规格已不存在，请重新选择', en: 'This option no longer exists; choose another' },
  off_shelf: { zh: '商品已下架', en: 'No longer for sale' },
  out_of_stock: { zh: '已售罄', en: 'Sold out' },
  insufficient_stock: { zh: '库存仅剩 {n} 件', en: 'Only {n} left' },
  over_limit: { zh: '每人限购，您最多还能买 {n} 件', en: 'Purchase limit: you can buy {n} more' },
} as const;

function issue(code: TCartLineIssue['code'], lang: Lang, maxQuantity: number | null): TCartLineIssue {
  const text = TEXT[code][lang === 'en' ? 'en' : 'zh'].replace('{n}', String(maxQuantity ?? 0));
  return { code, message: text, maxQuantity };
}

/**
 * Why a line of `quantity` cannot be bought now, or null. The order of checks is the order a
 * shopper can act on: a vanished SKU or product first, then stock, then the purchase limit.
 */
export function lineIssue(facts: LineFacts, quantity: number, lang: Lang): TCartLineIssue | null {
  if (!facts) return issue('sku_removed', lang, null);
  if (!facts.sellable) return issue('off_shelf', lang, null);
  if (facts.available <= 0) return issue('out_of_stock', lang, 0);
  if (facts.limitLeft !== null && quantity > facts.limitLeft) return issue('over_limit', lang, Math.max(0, facts.limitLeft));
  if (quantity > facts.available) return issue('insufficient_stock', lang, facts.available);
  return null;
}

/**
 * Units left under a purchase limit for each product, sharing it across the lines of one product
 * (two colours of a cup limited to 2 per person share the 2), in line order.
 */
export function limitLeftByLine(
  lines: readonly { id: string; productId: string; quantity: number }[],
  limits: ReadonlyMap<string, number | null>,
  bought: ReadonlyMap<string, number>,
): Map<string, number | null> {
  const used = new Map<string, number>();
  const out = new Map<string, number | null>();
  for (const l of lines) {
    const limit = limits.get(l.productId) ?? null;
    if (limit === null) { out.set(l.id, null); continue; }
    const before = (bought.get(l.productId) ?? 0) + (used.get(l.productId) ?? 0);
    out.set(l.id, Math.max(0, limit - before));
    used.set(l.productId, (used.get(l.productId) ?? 0) + l.quantity);
  }
  return out;
}

/** Merging a guest cart: quantities of the same SKU add up, capped at `maxQty`. */
export function mergedQuantity(mine: number, guest: number, maxQty: number): number {
  return Math.min(maxQty, mine + guest);
}
