/**
 * The SKU picker's rule (规格选择): which values of each spec dimension the shopper may still tap.
 *
 * A value is available when at least one in-stock SKU has it and agrees with every value the
 * shopper has chosen in the *other* dimensions. The dimension's own choice is ignored, so the
 * shopper can always switch 天青 → 月白 without first deselecting. It follows that whenever every
 * dimension holds an available value, the combination is an in-stock SKU.
 *
 * Pure: no uni APIs, no imports (unit-tested in tests/unit/available-values.test.ts).
 */

export interface SpecLike {
  name: string;
  values: readonly string[];
}

export interface SkuLike {
  /** One value per dimension, in the dimensions' order. */
  specValues: readonly string[];
  stockState: 'in_stock' | 'low' | 'out_of_stock';
}

/** `chosen[d]` is the value picked in dimension d, or null. Returns, per dimension, its available values in spec order. */
export function availableValues(specs: readonly SpecLike[], skus: readonly SkuLike[], chosen: readonly (string | null)[]): string[][] {
  const inStock = skus.filter((s) => s.stockState !== 'out_of_stock' && s.specValues.length === specs.length);
  return specs.map((spec, d) => {
    const reachable = new Set<string>();
    for (const sku of inStock) {
      const agrees = specs.every((_, e) => e === d || chosen[e] == null || sku.specValues[e] === chosen[e]);
      if (agrees) reachable.add(sku.specValues[d]);
    }
    return spec.values.filter((v) => reachable.has(v));
  });
}
