import { z } from 'zod';
import { ZProductCard } from './shop.ts';

/** Where a tap goes. */
export const ZLink = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('product'), id: z.string().max(64) }),
  z.strictObject({ type: z.literal('category'), id: z.string().max(64) }),
  z.strictObject({ type: z.literal('collection'), id: z.string().max(64) }),
  z.strictObject({ type: z.literal('page'), slug: z.string().max(40) }),
  z.strictObject({ type: z.literal('search'), q: z.string().max(60) }),
  z.strictObject({ type: z.literal('url'), url: z.url().max(500) }),
]);
export type TLink = z.infer<typeof ZLink>;

const image = z.string().min(1).max(500);
const pct = z.number().min(0).max(100);

/** The blocks an operator decorates a page with (店铺装修). Coupon and activity blocks are filled by later modules. */
export const ZBlock = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('banner'), id: z.string().max(40), items: z.array(z.strictObject({ image, title: z.string().max(40).default(''), link: ZLink.nullable().default(null) })).min(1).max(10), autoplayMs: z.number().int().min(0).max(20000).default(4000) }),
  z.strictObject({ kind: z.literal('notice'), id: z.string().max(40), text: z.string().trim().min(1).max(120), link: ZLink.nullable().default(null) }),
  z.strictObject({ kind: z.literal('category_nav'), id: z.string().max(40), columns: z.union([z.literal(4), z.literal(5)]).default(4), items: z.array(z.strictObject({ categoryId: z.string().max(64), label: z.string().max(10).default(''), icon: z.string().max(500).nullable().default(null) })).min(1).max(20) }),
  z.strictObject({
    kind: z.literal('product_grid'), id: z.string().max(40), title: z.string().max(30).default(''), columns: z.union([z.literal(2), z.literal(3)]).default(2), limit: z.number().int().min(1).max(50).default(6),
    source: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('collection'), collectionId: z.string().max(64) }),
      z.strictObject({ type: z.literal('products'), productIds: z.array(z.string().max(64)).min(1).max(50) }),
    ]),
  }),
  z.strictObject({ kind: z.literal('rich_text'), id: z.string().max(40), html: z.string().max(50_000) }),
  z.strictObject({ kind: z.literal('image_hotspot'), id: z.string().max(40), image, hotspots: z.array(z.strictObject({ x: pct, y: pct, w: pct, h: pct, link: ZLink })).max(20) }),
  z.strictObject({ kind: z.literal('coupon'), id: z.string().max(40), title: z.string().max(30).default(''), templateIds: z.array(z.string().max(64)).max(10) }),
  z.strictObject({ kind: z.literal('activity'), id: z.string().max(40), title: z.string().max(30).default(''), activity: z.enum(['flash_sale', 'group_buy', 'bargain', 'presale', 'lottery']), ids: z.array(z.string().max(64)).max(20) }),
]);
export type TBlock = z.infer<typeof ZBlock>;
export const BLOCK_KINDS = ['banner', 'notice', 'category_nav', 'product_grid', 'rich_text', 'image_hotspot', 'coupon', 'activity'] as const;

export const ZPageDraftInput = z.strictObject({ title: z.string().trim().min(1).max(30), blocks: z.array(ZBlock).max(50) });
export type TPageDraftInput = z.input<typeof ZPageDraftInput>;
export const ZCreatePageInput = z.strictObject({ slug: z.string().trim().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and - only'), title: z.string().trim().min(1).max(30) });

export const ZPageVersion = z.object({ version: z.number().int(), publishedAt: z.string(), publishedBy: z.string().nullable() });
export const ZDecoratedPage = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  draft: z.array(ZBlock),
  publishedVersion: z.number().int().nullable(),
  /** The draft differs from what shoppers see. */
  dirty: z.boolean(),
  versions: z.array(ZPageVersion),
  updatedAt: z.string(),
});
export type TDecoratedPage = z.infer<typeof ZDecoratedPage>;
export const ZDecoratedPageList = z.object({
  items: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string(), publishedVersion: z.number().int().nullable(), dirty: z.boolean(), updatedAt: z.string() })),
});
export const ZRollbackRequest = z.strictObject({ version: z.number().int().min(1) });

/** A block as the shop renders it: products and category names resolved by the server. */
export const ZResolvedBlock = z.union([
  ZBlock,
  z.object({ kind: z.literal('product_grid_resolved'), id: z.string(), title: z.string(), columns: z.number().int(), products: z.array(ZProductCard) }),
  z.object({ kind: z.literal('category_nav_resolved'), id: z.string(), columns: z.number().int(), items: z.array(z.object({ categoryId: z.string(), label: z.string(), icon: z.string().nullable() })) }),
]);
export type TResolvedBlock = z.infer<typeof ZResolvedBlock>;
export const ZShopPage = z.object({ slug: z.string(), title: z.string(), version: z.number().int().nullable(), blocks: z.array(ZResolvedBlock) });
export type TShopPage = z.infer<typeof ZShopPage>;
