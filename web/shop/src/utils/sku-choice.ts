/**
 * The rest of the SKU picker's decisions: which SKU the chosen values name, what to preselect and
 * how many units the stepper allows. Pure: no uni APIs, no imports (tests/unit/sku-choice.test.ts).
 */
import type { SkuLike, SpecLike } from './available-values';
import { availableValues } from './available-values';

/** Without a purchase limit or an exact stock count, the stepper still stops somewhere. */
export const DEFAULT_MAX_QUANTITY = 99;

/** The SKU every dimension's choice names, or null while a dimension is open. A product without specs has one SKU. */
export function matchSku<T extends SkuLike>(specs: readonly SpecLike[], skus: readonly T[], chosen: readonly (string | null)[]): T | null {
  if (specs.some((_, d) => chosen[d] == null)) return null;
  return skus.find((s) => s.specValues.length === specs.length && specs.every((_, d) => s.specValues[d] === chosen[d])) ?? null;
}

/** Preselects the dimensions that leave no choice (one available value); everything else stays open. */
export function initialChoice(specs: readonly SpecLike[], skus: readonly SkuLike[]): (string | null)[] {
  const chosen: (string | null)[] = specs.map(() => null);
  // One pass per dimension: fixing one value can leave a single option in another.
  for (let pass = 0; pass < specs.length; pass++) {
    const available = availableValues(specs, skus, chosen);
    let changed = false;
    specs.forEach((_, d) => {
      if (chosen[d] == null && available[d].length === 1) {
        chosen[d] = available[d][0];
        changed = true;
      }
    });
    if (!changed) break;
  }
  return chosen;
}

/**
 * The stepper's ceiling: the purchase limit (限购) and, when the server tells the exact count
 * (low stock: 仅剩 N 件), the stock. 0 when the SKU cannot be bought at all.
 */
export function maxQuantity(purchaseLimit: number | null, sku: { stockState: SkuLike['stockState']; stockLeft: number | null } | null): number {
  if (sku?.stockState === 'out_of_stock') return 0;
  const caps = [DEFAULT_MAX_QUANTITY];
  if (purchaseLimit != null) caps.push(purchaseLimit);
  if (sku?.stockLeft != null) caps.push(sku.stockLeft);
  return Math.max(0, Math.min(...caps));
}
