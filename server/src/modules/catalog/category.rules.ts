import type { TCategory } from '@koi/contracts';

export type CategoryNode = { id: string; parentId: string | null; name: string; icon: string | null; sort: number };

/** Two levels, like the shop's category page: a parent must be a root, and a parent cannot itself move under another. */
export const MAX_CATEGORY_DEPTH = 2;

/**
 * Whether `id` (null for a new category) may sit under `parentId`. Returns the reason code, or null.
 * Refuses unknown parents, itself as parent, a parent that is not a root, and moving a category that has children.
 */
export function placementDenied(all: readonly CategoryNode[], id: string | null, parentId: string | null): null | 'catalog.category_unknown' | 'catalog.category_too_deep' {
  if (parentId === null) return null;
  const parent = all.find((c) => c.id === parentId);
  if (!parent) return 'catalog.category_unknown';
  if (parent.id === id || parent.parentId !== null) return 'catalog.category_too_deep';
  if (id !== null && all.some((c) => c.parentId === id)) return 'catalog.category_too_deep';
  return null;
}

/** Root-first path of a category: [茶具, 盖碗]. Stops at unknown parents and never loops. */
export function categoryPath(all: readonly CategoryNode[], id: string): { id: string; name: string }[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const path: { id: string; name: string }[] = [];
  const seen = new Set<string>();
  let cur = byId.get(id);
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    path.unshift({ id: cur.id, name: cur.name });
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return path;
}

/** A category and everything below it. */
export function subtreeIds(all: readonly CategoryNode[], id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const c of all) if (c.parentId === out[i] && !out.includes(c.id)) out.push(c.id);
  return out;
}

/**
 * The tree, sorted by `sort` then name, with each category's count including its descendants'.
 * `directCounts` are products directly in each category (a product sits in exactly one).
 */
export function buildCategoryTree(all: readonly CategoryNode[], directCounts: ReadonlyMap<string, number>): TCategory[] {
  const ids = new Set(all.map((c) => c.id));
  const children = new Map<string | null, CategoryNode[]>();
  for (const c of all) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const build = (parent: string | null, seen: Set<string>): TCategory[] =>
    (children.get(parent) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'))
      .map((c) => {
        const kids = build(c.id, new Set([...seen, c.id]));
        const count = (directCounts.get(c.id) ?? 0) + kids.reduce((n, k) => n + k.productCount, 0);
        return { id: c.id, parentId: c.parentId, name: c.name, icon: c.icon, sort: c.sort, productCount: count, children: kids };
      });
  return build(null, new Set());
}
