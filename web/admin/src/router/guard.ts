import type { TPermission } from '@koi/contracts';
import type { RouteLocationRaw, RouteMeta } from 'vue-router';
import './meta.ts';

export interface TNavTarget {
  name?: string | symbol | null;
  fullPath: string;
  meta: RouteMeta;
}

export interface TNavSession {
  authenticated: boolean;
  permissions: ReadonlySet<TPermission>;
  /** Route name of the first page this staff member may open (the first menu item), or null. */
  homeName: string | null;
}

/**
 * Where a navigation may go, as a pure function of the target and the session:
 * `true` to proceed, or the location to go to instead.
 */
export function decideNavigation(to: TNavTarget, session: TNavSession): true | RouteLocationRaw {
  if (to.meta.public) {
    return session.authenticated && to.name === 'login' ? { path: '/' } : true;
  }
  if (!session.authenticated) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } };
  }
  if (to.meta.home) {
    return session.homeName ? { name: session.homeName } : { name: 'forbidden' };
  }
  const need = to.meta.permission;
  if (need && !session.permissions.has(need)) {
    return { name: 'forbidden', query: { need, from: to.fullPath } };
  }
  return true;
}

/** Only same-app paths survive a `?redirect=` after login, never another origin. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
