import type { TPermission } from '@koi/contracts';
import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Goods, Promotion, Setting } from '@element-plus/icons-vue';
import type { TMenuGroupKey } from './meta.ts';

export interface TMenuItem {
  name: string;
  path: string;
  titleKey: string;
  icon: Component;
  group?: TMenuGroupKey;
}

export interface TMenuGroup {
  group: TMenuGroupKey;
  titleKey: string;
  icon: Component;
  items: TMenuItem[];
}

/** A top-level menu entry: a page, or a heading with the pages under it. */
export type TMenuEntry = { kind: 'item'; item: TMenuItem } | { kind: 'group'; group: TMenuGroup };

export const MENU_GROUPS: Record<TMenuGroupKey, { titleKey: string; icon: Component }> = {
  product: { titleKey: 'menu.groupProduct', icon: Goods },
  marketing: { titleKey: 'menu.groupMarketing', icon: Promotion },
  settings: { titleKey: 'menu.groupSettings', icon: Setting },
};

function joinPath(base: string, path: string): string {
  if (path.startsWith('/')) return path;
  return `${base.replace(/\/$/, '')}/${path}`;
}

/**
 * The left menu: the layout's child routes that declare `meta.menu`, keeping only those whose
 * `meta.permission` the staff member holds (a route without a permission is open to every staff member).
 */
export function buildMenu(
  routes: readonly RouteRecordRaw[],
  permissions: ReadonlySet<TPermission>,
  base = '/',
): TMenuItem[] {
  return routes
    .filter((r) => r.meta?.menu && typeof r.name === 'string')
    .filter((r) => !r.meta?.permission || permissions.has(r.meta.permission))
    .sort((a, b) => (a.meta?.menu?.order ?? 0) - (b.meta?.menu?.order ?? 0))
    .map((r) => ({
      name: String(r.name),
      path: joinPath(base, r.path),
      titleKey: r.meta?.title ?? String(r.name),
      icon: r.meta!.menu!.icon,
      ...(r.meta?.menu?.group ? { group: r.meta.menu.group } : {}),
    }));
}

/**
 * Nests the visible items under their group headings, each group where its first visible item is;
 * a group with no visible item disappears with its items.
 */
export function groupMenu(items: readonly TMenuItem[]): TMenuEntry[] {
  const entries: TMenuEntry[] = [];
  const groups = new Map<TMenuGroupKey, TMenuGroup>();
  for (const item of items) {
    if (!item.group) {
      entries.push({ kind: 'item', item });
      continue;
    }
    let group = groups.get(item.group);
    if (!group) {
      group = { group: item.group, ...MENU_GROUPS[item.group], items: [] };
      groups.set(item.group, group);
      entries.push({ kind: 'group', group });
    }
    group.items.push(item);
  }
  return entries;
}
