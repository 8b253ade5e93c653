import type { TBlock, TLink } from '@koi/contracts';

/**
 * What a page's blocks point at, so a draft is checked before it is saved or published: every
 * product, category, collection and page it names must exist, and every address it opens must be a
 * site path or http(s) (never `javascript:` or `data:`).
 */

export type RefType = 'product' | 'category' | 'collection' | 'page';
export type Ref = { block: string; path: string; type: RefType; id: string };
export type UrlUse = { block: string; path: string; url: string };

export function refsOf(blocks: TBlock[]): { refs: Ref[]; urls: UrlUse[] } {
  const refs: Ref[] = [];
  const urls: UrlUse[] = [];
  const link = (block: string, path: string, l: TLink | null | undefined) => {
    if (!l) return;
    if (l.type === 'url') urls.push({ block, path: `${path}.url`, url: l.url });
    else if (l.type === 'page') refs.push({ block, path: `${path}.slug`, type: 'page', id: l.slug });
    else if (l.type !== 'search') refs.push({ block, path: `${path}.id`, type: l.type, id: l.id });
  };
  blocks.forEach((b, i) => {
    const at = `blocks.${i}`;
    switch (b.kind) {
      case 'banner':
        b.items.forEach((it, j) => {
          urls.push({ block: b.id, path: `${at}.items.${j}.image`, url: it.image });
          link(b.id, `${at}.items.${j}.link`, it.link);
        });
        break;
      case 'notice':
        link(b.id, `${at}.link`, b.link);
        break;
      case 'category_nav':
        b.items.forEach((it, j) => {
          refs.push({ block: b.id, path: `${at}.items.${j}.categoryId`, type: 'category', id: it.categoryId });
          if (it.icon) urls.push({ block: b.id, path: `${at}.items.${j}.icon`, url: it.icon });
        });
        break;
      case 'product_grid':
        if (b.source.type === 'collection') refs.push({ block: b.id, path: `${at}.source.collectionId`, type: 'collection', id: b.source.collectionId });
        else b.source.productIds.forEach((id, j) => refs.push({ block: b.id, path: `${at}.source.productIds.${j}`, type: 'product', id }));
        break;
      case 'image_hotspot':
        urls.push({ block: b.id, path: `${at}.image`, url: b.image });
        b.hotspots.forEach((h, j) => link(b.id, `${at}.hotspots.${j}.link`, h.link));
        break;
      case 'rich_text':
      case 'coupon':
      case 'activity':
        // Rich text is sanitised separately; coupon and activity ids belong to later modules.
        break;
    }
  });
  return { refs, urls };
}

/** A site path (`/media/a.jpg`, not `//host`) or an absolute http(s) address. */
export function isSafeUrl(url: string): boolean {
  if (url.startsWith('/')) return !url.startsWith('//') && !url.startsWith('/\\');
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export type Known = Record<RefType, ReadonlySet<string>>;

/** The first reference that does not exist, in page order; null when all do. */
export function firstUnknown(refs: Ref[], known: Known): Ref | null {
  return refs.find((r) => !known[r.type].has(r.id)) ?? null;
}

/** The first block id used twice, or null. */
export function repeatedBlockId(blocks: TBlock[]): string | null {
  const seen = new Set<string>();
  for (const b of blocks) {
    if (seen.has(b.id)) return b.id;
    seen.add(b.id);
  }
  return null;
}
