import { z } from 'zod';
import { ZProductCard, ZShopSort } from './shop.ts';

export const ZSearchQuery = z.object({
  q: z.string().trim().max(60).default(''),
  categoryId: z.string().max(64).optional(),
  tag: z.string().max(20).optional(),
  priceMinFen: z.coerce.number().int().min(0).optional(),
  priceMaxFen: z.coerce.number().int().min(0).optional(),
  inStock: z.enum(['true', 'false']).optional(),
  sort: ZShopSort.default('default'),
  page: z.coerce.number().int().min(1).max(100).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type TSearchQuery = z.input<typeof ZSearchQuery>;

export const ZFacet = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const ZSearchResult = z.object({
  items: z.array(ZProductCard),
  total: z.number().int(),
  page: z.number().int(),
  hasMore: z.boolean(),
  /** How the query was understood: jieba tokens, pinyin matches, synonyms applied. */
  understood: z.object({ tokens: z.array(z.string()), synonyms: z.array(z.string()), pinyin: z.boolean() }),
  facets: z.object({ categories: z.array(ZFacet), tags: z.array(ZFacet), priceRanges: z.array(ZFacet) }),
  /** When nothing matched: what to try instead (hot words, close matches, popular products). */
  alternatives: z.object({ words: z.array(z.string()), products: z.array(ZProductCard) }).nullable(),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;

export const ZSuggestQuery = z.object({ q: z.string().trim().min(1).max(60) });
export const ZSuggestions = z.object({ items: z.array(z.object({ text: z.string(), kind: z.enum(['product', 'category', 'tag']) })) });
export type TSuggestions = z.infer<typeof ZSuggestions>;

export const ZHotWords = z.object({ items: z.array(z.object({ word: z.string(), sort: z.number().int() })) });
export type THotWords = z.infer<typeof ZHotWords>;
export const ZHotWordsInput = z.strictObject({ items: z.array(z.strictObject({ word: z.string().trim().min(1).max(20), sort: z.number().int().min(0).max(999) })).max(30) });

/** Synonym groups the operator maintains — every term of a group finds the others (紫砂壶 = 宜兴壶 = 茶壶). */
export const ZSynonymGroups = z.object({ items: z.array(z.object({ terms: z.array(z.string()) })) });
export const ZSynonymGroupsInput = z.strictObject({ items: z.array(z.strictObject({ terms: z.array(z.string().trim().min(1).max(20)).min(2).max(10) })).max(500) });
export type TSynonymGroups = z.infer<typeof ZSynonymGroups>;

export const ZSearchHistory = z.object({ items: z.array(z.object({ q: z.string(), at: z.string() })) });
export type TSearchHistory = z.infer<typeof ZSearchHistory>;
