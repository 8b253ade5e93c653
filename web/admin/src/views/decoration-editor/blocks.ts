import { ZBlock, type TBlock, type TLink } from '@koi/contracts';

/** The decoration blocks: what the palette offers, what a dropped block starts as, and what it still needs. */

export type TBlockKind = TBlock['kind'];
export type TBlockOf<K extends TBlockKind> = Extract<TBlock, { kind: K }>;

export interface TPaletteItem {
  kind: TBlockKind;
  /** The activity block is filled by a later module: shown, but not yet available. */
  available: boolean;
}

export const PALETTE: readonly TPaletteItem[] = [
  { kind: 'banner', available: true },
  { kind: 'notice', available: true },
  { kind: 'category_nav', available: true },
  { kind: 'product_grid', available: true },
  { kind: 'rich_text', available: true },
  { kind: 'image_hotspot', available: true },
  { kind: 'coupon', available: true },
  { kind: 'activity', available: false },
];

/** `b_k3j9x2`: short ids, unique within a page (the shop keys its components by them). */
export function newBlockId(random: () => number = Math.random): string {
  let id = 'b_';
  for (let i = 0; i < 8; i++) id += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)];
  return id;
}

type T = (key: string) => string;

/**
 * A block as it is dropped on the page: the contract's defaults, with placeholder text in the operator's
 * language. Images, categories and products are left for the operator to choose (see `blockProblems`).
 */
export function defaultBlock(kind: TBlockKind, id: string, t: T): TBlock {
  switch (kind) {
    case 'banner':
      return { kind, id, items: [{ image: '', title: '', link: null }], autoplayMs: 4000 };
    case 'notice':
      return { kind, id, text: t('decoration.defaults.notice'), link: null };
    case 'category_nav':
      return { kind, id, columns: 4, items: [] };
    case 'product_grid':
      return { kind, id, title: t('decoration.defaults.gridTitle'), columns: 2, limit: 6, source: { type: 'collection', collectionId: '' } };
    case 'rich_text':
      return { kind, id, html: `<p>${t('decoration.defaults.richText')}</p>` };
    case 'image_hotspot':
      return { kind, id, image: '', hotspots: [] };
    case 'coupon':
      return { kind, id, title: '', templateIds: [] };
    case 'activity':
      return { kind, id, title: '', activity: 'flash_sale', ids: [] };
  }
}

/** A link chosen by type but not yet pointed anywhere (no product picked, no search words). */
export function linkIncomplete(link: TLink | null): boolean {
  return link !== null && linkTarget(link).trim() === '';
}

/** What an operator still has to do before a block can be saved, as message keys (empty: ready). */
export function blockProblems(block: TBlock): string[] {
  const out: string[] = [];
  switch (block.kind) {
    case 'banner':
      if (block.items.length === 0) out.push('decoration.problems.noSlides');
      if (block.items.some((s) => !s.image)) out.push('decoration.problems.slideImage');
      if (block.items.some((s) => linkIncomplete(s.link))) out.push('decoration.problems.linkIncomplete');
      break;
    case 'notice':
      if (!block.text.trim()) out.push('decoration.problems.noticeText');
      if (linkIncomplete(block.link)) out.push('decoration.problems.linkIncomplete');
      break;
    case 'category_nav':
      if (block.items.length === 0) out.push('decoration.problems.noCategories');
      if (block.items.some((i) => !i.categoryId)) out.push('decoration.problems.categoryMissing');
      break;
    case 'product_grid':
      if (block.source.type === 'collection' && !block.source.collectionId) out.push('decoration.problems.noCollection');
      if (block.source.type === 'products' && block.source.productIds.length === 0) out.push('decoration.problems.noProducts');
      break;
    case 'image_hotspot':
      if (!block.image) out.push('decoration.problems.hotspotImage');
      if (block.hotspots.some((h) => linkIncomplete(h.link))) out.push('decoration.problems.linkIncomplete');
      break;
    case 'coupon':
      if (block.templateIds.length === 0) out.push('decoration.problems.noCoupons');
      break;
    case 'rich_text':
    case 'activity':
      break;
  }
  // Anything else the contract refuses (a title too long, a bad URL in a link) — the server would too.
  if (out.length === 0 && !ZBlock.safeParse(block).success) out.push('decoration.problems.invalid');
  return out;
}

/** The problems of every block of a page, by block id (only blocks that have some). */
export function pageProblems(blocks: readonly TBlock[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const b of blocks) {
    const problems = blockProblems(b);
    if (problems.length) out.set(b.id, problems);
  }
  return out;
}

/** What a link points at: an id, a slug, search words or a URL. */
export function linkTarget(link: TLink | null): string {
  if (!link) return '';
  switch (link.type) {
    case 'product':
    case 'category':
    case 'collection':
      return link.id;
    case 'page':
      return link.slug;
    case 'search':
      return link.q;
    case 'url':
      return link.url;
  }
}

/**
 * A deep copy of blocks (plain JSON data), so the editor's draft never shares objects with what was saved.
 * JSON rather than structuredClone, which refuses Vue's reactive proxies.
 */
export function cloneBlocks(blocks: readonly TBlock[]): TBlock[] {
  return JSON.parse(JSON.stringify(blocks)) as TBlock[];
}
