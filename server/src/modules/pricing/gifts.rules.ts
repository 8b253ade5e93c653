import type { TPricingPromotion } from '@koi/contracts';
import type { KindRegistry } from './kinds/registry.ts';

/**
 * 满赠: every SKU the given promotions may give (kinds that give gifts name them), so the checkout can
 * ask inventory for their stock once, before pricing, and pass it as `giftStock`.
 */
export function giftSkusOf(promotions: readonly TPricingPromotion[], registry: KindRegistry): string[] {
  const out = new Set<string>();
  for (const p of promotions) {
    const kind = registry.promotions.get(p.kind);
    if (!kind?.giftSkuIds) continue;
    const args = kind.args.safeParse(p.args);
    if (args.success) for (const id of kind.giftSkuIds(args.data)) out.add(id);
  }
  return [...out].sort();
}
