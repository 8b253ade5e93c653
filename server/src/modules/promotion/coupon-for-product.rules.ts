import type { TClaimableTemplate, TScope } from '@koi/contracts';
import { inScope } from '../pricing/index.ts';

/** A product as coupon scopes see it: its id and its category with the parent (either matches). */
export type ScopedProduct = { productId: string; categoryIds: readonly string[] };

/** Whether a template's scope covers the product — the pricing engine's own matcher, so the list never promises what checkout refuses. */
export function scopeCovers(scope: TScope, product: ScopedProduct): boolean {
  return inScope(scope, { productId: product.productId, categoryIds: [...product.categoryIds] }, new Set(scope.ids), new Set(scope.excludeProductIds));
}

/** The claimable templates that apply to one product, in the coupon centre's order (stable: a claimed coupon keeps its place in the sheet). */
export function couponsForProduct<T extends Pick<TClaimableTemplate, 'scope'>>(items: readonly T[], product: ScopedProduct): T[] {
  return items.filter((t) => scopeCovers(t.scope, product));
}
