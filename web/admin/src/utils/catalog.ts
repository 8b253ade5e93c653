import { formatYuan, type TCategory, type TProductStatus } from '@koi/contracts';

/** Tag colours of a product's status, the same in the list, the editor and the pickers. */
export const STATUS_TAG: Record<TProductStatus, 'info' | 'success' | 'warning'> = {
  draft: 'info',
  on_sale: 'success',
  off_shelf: 'warning',
};

/**
 * `/media/ab12.jpg` → `/media/thumbs/ab12.webp`: the server keeps a 400 px WebP of every upload under the
 * same id. Anything else (an outside URL, a thumbnail already) is shown as it is.
 */
export function thumbOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /^(.*\/media\/)(?!thumbs\/)([^/?#.]+)\.[a-z0-9]+$/i.exec(url);
  return m ? `${m[1]}thumbs/${m[2]}.webp` : url;
}

/** ¥12.00 or ¥12.00 – ¥30.00: a product's price span as the server computed it. */
export function priceRange(minFen: number, maxFen: number): string {
  return minFen === maxFen ? formatYuan(minFen) : `${formatYuan(minFen)} – ${formatYuan(maxFen)}`;
}

// A type alias, not an interface: el-cascader's CascaderOption has an index signature only aliases satisfy.
export type TCategoryOption = {
  value: string;
  label: string;
  children?: TCategoryOption[];
  disabled?: boolean;
};

/** el-cascader options from the tree; `disable` greys out a subtree (a category cannot move under itself). */
export function categoryOptions(tree: readonly TCategory[], disable?: string): TCategoryOption[] {
  return tree.map((c) => {
    const option: TCategoryOption = { value: c.id, label: c.name };
    if (c.id === disable) option.disabled = true;
    if (c.children.length) {
      const children = categoryOptions(c.children, c.id === disable ? undefined : disable);
      option.children = c.id === disable ? children.map(disableAll) : children;
    }
    return option;
  });
}

function disableAll(option: TCategoryOption): TCategoryOption {
  return { ...option, disabled: true, ...(option.children ? { children: option.children.map(disableAll) } : {}) };
}

/** Every category by id with its path of names (`茶器 / 盖碗`). */
export function indexCategories(tree: readonly TCategory[]): Map<string, { category: TCategory; path: string[]; depth: number }> {
  const out = new Map<string, { category: TCategory; path: string[]; depth: number }>();
  const walk = (nodes: readonly TCategory[], path: string[]) => {
    for (const c of nodes) {
      const mine = [...path, c.name];
      out.set(c.id, { category: c, path: mine, depth: mine.length });
      walk(c.children, mine);
    }
  };
  walk(tree, []);
  return out;
}
