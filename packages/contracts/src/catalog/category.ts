import { z } from 'zod';

export type TCategory = { id: string; parentId: string | null; name: string; icon: string | null; sort: number; productCount: number; children: TCategory[] };
export const ZCategory: z.ZodType<TCategory> = z.lazy(() =>
  z.object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    icon: z.string().nullable(),
    sort: z.number().int(),
    /** Products on sale in this category and below (shop), or all products (admin). */
    productCount: z.number().int(),
    children: z.array(ZCategory),
  }),
);
// A recursive schema must be a named component to appear in OpenAPI (fastify-type-provider-zod).
z.globalRegistry.add(ZCategory, { id: 'Category' });
export const ZCategoryTree = z.object({ items: z.array(ZCategory) });

export const ZCategoryInput = z.strictObject({
  parentId: z.string().max(64).nullable().default(null),
  name: z.string().trim().min(1).max(20),
  icon: z.string().max(500).nullable().default(null),
  sort: z.number().int().min(0).max(9999).default(0),
});
export type TCategoryInput = z.input<typeof ZCategoryInput>;
/** PATCH body: only the fields sent change (no defaults filled in, unlike `ZCategoryInput.partial()`). */
export const ZCategoryPatch = z.strictObject({
  parentId: ZCategoryInput.shape.parentId.unwrap().optional(),
  name: ZCategoryInput.shape.name.optional(),
  icon: ZCategoryInput.shape.icon.unwrap().optional(),
  sort: ZCategoryInput.shape.sort.unwrap().optional(),
});
export type TCategoryPatch = z.input<typeof ZCategoryPatch>;

/** 分组: hand-picked products in order, or a rule the catalog evaluates. */
export const ZCollectionRule = z.strictObject({
  categoryId: z.string().max(64).nullable().default(null),
  tag: z.string().max(20).nullable().default(null),
  priceMinFen: z.number().int().min(0).nullable().default(null),
  priceMaxFen: z.number().int().min(0).nullable().default(null),
  sort: z.enum(['sales', 'newest', 'price_asc', 'price_desc']).default('sales'),
  limit: z.number().int().min(1).max(200).default(50),
});
export const ZCollectionInput = z.strictObject({
  name: z.string().trim().min(1).max(30),
  mode: z.enum(['manual', 'rule']),
  productIds: z.array(z.string()).max(500).default([]),
  rule: ZCollectionRule.nullable().default(null),
});
export type TCollectionInput = z.input<typeof ZCollectionInput>;
export const ZCollection = z.object({
  id: z.string(),
  name: z.string(),
  mode: z.enum(['manual', 'rule']),
  productIds: z.array(z.string()),
  rule: ZCollectionRule.nullable(),
  productCount: z.number().int(),
  updatedAt: z.string(),
});
export type TCollection = z.infer<typeof ZCollection>;
export const ZCollectionList = z.object({ items: z.array(ZCollection) });
