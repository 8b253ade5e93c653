import type { CollectionRule } from './catalog.tables.ts';

export type CollectionDraft = { mode: 'manual' | 'rule'; productIds: string[]; rule: CollectionRule | null };

/**
 * A manual collection lists products and has no rule; a rule collection has a rule (with a sane
 * price range) and lists nothing. Returns the normalised draft (duplicates dropped, order kept) or null.
 */
export function normaliseCollection(d: CollectionDraft): CollectionDraft | null {
  if (d.mode === 'manual') {
    if (d.rule !== null) return null;
    return { mode: 'manual', productIds: [...new Set(d.productIds)], rule: null };
  }
  if (!d.rule || d.productIds.length) return null;
  const { priceMinFen, priceMaxFen } = d.rule;
  if (priceMinFen !== null && priceMaxFen !== null && priceMinFen > priceMaxFen) return null;
  return { mode: 'rule', productIds: [], rule: d.rule };
}
