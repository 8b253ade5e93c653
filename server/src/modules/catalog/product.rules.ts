import type { TProductStatus, TSpecDimension } from '@koi/contracts';

/**
 * Rules of a product beyond its schema, as pure functions. A product with spec dimensions sells
 * exactly the cartesian product of their values, one SKU per combination: a missing combination is
 * an error (the merchant sets its stock to 0 instead), so the shop's SKU picker never shows a
 * combination that does not exist and an import cannot silently drop one.
 */

export type RuleSku = { code: string; specValues: string[]; priceFen: number; listPriceFen: number | null; imageUrl: string | null };
export type RuleProduct = {
  specs: TSpecDimension[];
  skus: RuleSku[];
  images: string[];
  scheduledOnSaleAt: string | null;
  scheduledOffSaleAt: string | null;
};
export type Issue = { code: string; path: string; params: Record<string, string | number> };

/** At most this many SKUs per product (the input schema's limit). */
export const MAX_COMBINATIONS = 600;
/** Prices stay below ¥10,000,000 (the input schema's limit); a percentage change at most +1000%. */
export const MAX_PRICE_FEN = 1_000_000_000;
export const MAX_PERCENT = 1000;
/** "Only N left" is shown at or below this. */
export const LOW_STOCK = 10;

export function comboKey(values: readonly string[]): string {
  return values.join('\u0000');
}

export function comboLabel(values: readonly string[]): string {
  return values.length ? values.join(' / ') : '无规格';
}

/** Every combination of spec values, first dimension varying slowest (the admin's matrix order). */
export function cartesian(specs: readonly TSpecDimension[]): string[][] {
  return specs.reduce<string[][]>((acc, dim) => acc.flatMap((prefix) => dim.values.map((v) => [...prefix, v])), [[]]);
}

export function combinationCount(specs: readonly TSpecDimension[]): number {
  return specs.reduce((n, d) => n * d.values.length, 1);
}

/** Uploaded here, or an https link: never `javascript:`, `data:` or plain http. */
export function isAllowedImageUrl(url: string): boolean {
  if (url.startsWith('/media/')) return /^\/media\/[A-Za-z0-9._/-]+$/.test(url) && !url.includes('..');
  return /^https:\/\/[^\s"'<>]+$/.test(url);
}

/** Every rule the product breaks (empty when it is fine), each with the field it is about. */
export function productIssues(p: RuleProduct): Issue[] {
  const issues: Issue[] = [];
  const names = new Set<string>();
  p.specs.forEach((dim, i) => {
    if (names.has(dim.name)) issues.push({ code: 'catalog.spec_invalid', path: `specs.${i}.name`, params: { reason: `规格名「${dim.name}」重复` } });
    names.add(dim.name);
    const seen = new Set<string>();
    for (const v of dim.values) {
      if (seen.has(v)) issues.push({ code: 'catalog.spec_invalid', path: `specs.${i}.values`, params: { reason: `「${dim.name}」的值「${v}」重复` } });
      seen.add(v);
    }
  });

  const codes = new Map<string, number>();
  const combos = new Map<string, number>();
  p.skus.forEach((sku, i) => {
    if (codes.has(sku.code)) issues.push({ code: 'catalog.sku_code_duplicate', path: `skus.${i}.code`, params: { code: sku.code } });
    codes.set(sku.code, i);
    const mismatch = specMismatch(p.specs, sku.specValues);
    if (mismatch) issues.push({ code: 'catalog.spec_values_mismatch', path: `skus.${i}.specValues`, params: { code: sku.code, reason: mismatch } });
    else {
      const key = comboKey(sku.specValues);
      if (combos.has(key)) issues.push({ code: 'catalog.spec_combination_duplicate', path: `skus.${i}.specValues`, params: { combination: comboLabel(sku.specValues) } });
      combos.set(key, i);
    }
    if (sku.listPriceFen !== null && sku.listPriceFen < sku.priceFen) {
      issues.push({ code: 'catalog.list_price_below_price', path: `skus.${i}.listPriceFen`, params: { code: sku.code } });
    }
    if (sku.imageUrl !== null && !isAllowedImageUrl(sku.imageUrl)) issues.push({ code: 'catalog.image_url_invalid', path: `skus.${i}.imageUrl`, params: {} });
  });

  const total = combinationCount(p.specs);
  if (total > MAX_COMBINATIONS) {
    issues.push({ code: 'catalog.too_many_combinations', path: 'specs', params: { count: total, max: MAX_COMBINATIONS } });
  } else if (!issues.some((x) => x.code === 'catalog.spec_invalid')) {
    const missing = cartesian(p.specs).filter((c) => !combos.has(comboKey(c)));
    if (missing.length) {
      issues.push({ code: 'catalog.spec_combination_missing', path: 'skus', params: { combination: comboLabel(missing[0]!), count: missing.length } });
    }
  }

  p.images.forEach((url, i) => {
    if (!isAllowedImageUrl(url)) issues.push({ code: 'catalog.image_url_invalid', path: `images.${i}`, params: {} });
  });
  if (p.scheduledOnSaleAt && p.scheduledOffSaleAt && Date.parse(p.scheduledOffSaleAt) <= Date.parse(p.scheduledOnSaleAt)) {
    issues.push({ code: 'catalog.schedule_invalid', path: 'scheduledOffSaleAt', params: {} });
  }
  return issues;
}

/** Why a SKU's values do not fit the dimensions, or null when they do. */
function specMismatch(specs: readonly TSpecDimension[], values: readonly string[]): string | null {
  if (values.length !== specs.length) return `需要 ${specs.length} 个规格值，实际 ${values.length} 个`;
  for (let i = 0; i < specs.length; i++) {
    if (!specs[i]!.values.includes(values[i]!)) return `「${values[i]}」不是「${specs[i]!.name}」的可选值`;
  }
  return null;
}

export function priceRange(skus: readonly { priceFen: number }[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const s of skus) {
    min = Math.min(min, s.priceFen);
    max = Math.max(max, s.priceFen);
  }
  return skus.length ? { min, max } : { min: 0, max: 0 };
}

/** The struck-through price for cards: the highest list price above the lowest price, else null. */
export function cardListPrice(skus: readonly { priceFen: number; listPriceFen: number | null }[]): number | null {
  const { min } = priceRange(skus);
  let best: number | null = null;
  for (const s of skus) if (s.listPriceFen !== null && s.listPriceFen > min && (best === null || s.listPriceFen > best)) best = s.listPriceFen;
  return best;
}

export type ScheduleState = { status: TProductStatus; scheduledOnSaleAt: Date | null; scheduledOffSaleAt: Date | null };

/**
 * Applies whatever schedule is due at `now`, in time order: an on-sale time puts a draft or
 * off-shelf product on sale, an off-sale time takes it off the shelf; each due time is then cleared.
 * Returns null when nothing is due.
 */
export function applySchedule(s: ScheduleState, now: Date): ScheduleState | null {
  const due = [
    s.scheduledOnSaleAt && s.scheduledOnSaleAt <= now ? { at: s.scheduledOnSaleAt.getTime(), status: 'on_sale' as const } : null,
    s.scheduledOffSaleAt && s.scheduledOffSaleAt <= now ? { at: s.scheduledOffSaleAt.getTime(), status: 'off_shelf' as const } : null,
  ].filter((x) => x !== null).sort((a, b) => a.at - b.at);
  if (!due.length) return null;
  return {
    status: due.at(-1)!.status,
    scheduledOnSaleAt: s.scheduledOnSaleAt && s.scheduledOnSaleAt <= now ? null : s.scheduledOnSaleAt,
    scheduledOffSaleAt: s.scheduledOffSaleAt && s.scheduledOffSaleAt <= now ? null : s.scheduledOffSaleAt,
  };
}

/**
 * A batch price change on one price, in integer fen: `set` to a value, move by `percent`
 * (−10 = 9折, rounded half up to the fen) or by `delta` fen. Null when the result would be negative.
 */
export function changedPrice(priceFen: number, mode: 'set' | 'percent' | 'delta', value: number): number | null {
  let next: number;
  if (mode === 'set') next = value;
  else if (mode === 'delta') next = priceFen + value;
  else {
    if (value < -100 || value > MAX_PERCENT) return null;
    // priceFen × (100 + value) + 50 is an exact integer below 2^53; integer division by 100 rounds half up.
    const n = priceFen * (100 + value) + 50;
    next = (n - (n % 100)) / 100;
  }
  return Number.isSafeInteger(next) && next >= 0 && next <= MAX_PRICE_FEN ? next : null;
}

export type StockView = { stockState: 'in_stock' | 'low' | 'out_of_stock'; stockLeft: number | null };

/** What the shop says about stock: exact counts only when low. */
export function stockView(available: number): StockView {
  if (available <= 0) return { stockState: 'out_of_stock', stockLeft: 0 };
  if (available <= LOW_STOCK) return { stockState: 'low', stockLeft: available };
  return { stockState: 'in_stock', stockLeft: null };
}
