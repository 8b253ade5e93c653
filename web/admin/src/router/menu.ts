import type { TPermission } from '@koi/contracts';
import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import './meta.ts';

export interface TMenuItem {
  name: string;
  path: string;
  titleKey: string;
  icon: Component;
}

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
    }));
}
