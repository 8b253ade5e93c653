/**
 * Where a decorated block's link goes (ZLink from @koi/contracts, 店铺装修): a page of the shop, a
 * tab, or an outside address (H5 only). Pure (unit-tested in tests/unit/link.test.ts); the
 * navigation itself is in `navigate.ts`.
 */
import type { TLink } from '@koi/contracts';

export type LinkTarget =
  | { kind: 'page'; url: string }
  | { kind: 'tab'; url: string }
  | { kind: 'external'; url: string };

/** The tab pages: uni.navigateTo cannot open them, uni.switchTab must (and takes no query). */
export const TAB_PAGES = ['/pages/index/index', '/pages/category/category', '/pages/me/me'] as const;

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** `title` (optional) names the list page when the link itself carries no name (a category nav label). */
export function linkTarget(link: TLink, title?: string): LinkTarget {
  switch (link.type) {
    case 'product':
      return { kind: 'page', url: withQuery('/pages/product/product', { id: link.id }) };
    case 'category':
      return { kind: 'page', url: withQuery('/pages/list/list', { categoryId: link.id, title }) };
    case 'collection':
      return { kind: 'page', url: withQuery('/pages/list/list', { collectionId: link.id, title }) };
    case 'search':
      return { kind: 'page', url: withQuery('/pages/search/search', { q: link.q }) };
    case 'page':
      // The home page is a tab; any other slug is an extra decorated page.
      return link.slug === 'home'
        ? { kind: 'tab', url: '/pages/index/index' }
        : { kind: 'page', url: withQuery('/pages/page/page', { slug: link.slug }) };
    case 'url':
      return { kind: 'external', url: link.url };
  }
}
