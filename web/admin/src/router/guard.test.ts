import type { TPermission } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import type { RouteMeta } from 'vue-router';
import { decideNavigation, safeRedirect, type TNavSession } from './guard.ts';

const to = (name: string, fullPath: string, meta: RouteMeta = {}) => ({ name, fullPath, meta });

const signedIn = (...permissions: TPermission[]): TNavSession => ({
  authenticated: true,
  permissions: new Set(permissions),
  homeName: permissions.includes('dashboard:view') ? 'dashboard' : permissions.includes('staff:view') ? 'staff' : null,
});
const signedOut: TNavSession = { authenticated: false, permissions: new Set(), homeName: null };

const staffPage = to('staff', '/staff?page=2', { permission: 'staff:view' });

describe('decideNavigation', () => {
  it('lets anyone open the login page', () => {
    expect(decideNavigation(to('login', '/login', { public: true }), signedOut)).toBe(true);
  });

  it('sends a signed-in staff member away from the login page', () => {
    expect(decideNavigation(to('login', '/login', { public: true }), signedIn('dashboard:view'))).toEqual({ path: '/' });
  });

  it('sends a signed-out visitor to login and remembers where they were going', () => {
    expect(decideNavigation(staffPage, signedOut)).toEqual({ name: 'login', query: { redirect: '/staff?page=2' } });
    expect(decideNavigation(to('home', '/', { home: true }), signedOut)).toEqual({ name: 'login' });
  });

  it('allows a page whose permission the staff member holds', () => {
    expect(decideNavigation(staffPage, signedIn('staff:view'))).toBe(true);
  });

  it('denies a page without its permission with the 403 page, saying what was needed', () => {
    expect(decideNavigation(staffPage, signedIn('dashboard:view'))).toEqual({
      name: 'forbidden',
      query: { need: 'staff:view', from: '/staff?page=2' },
    });
  });

  it('allows pages that need no permission (403, 404) to any signed-in staff member', () => {
    expect(decideNavigation(to('forbidden', '/403'), signedIn())).toBe(true);
  });

  it('sends `/` to the first page the staff member may open, or to 403 when there is none', () => {
    const home = to('home', '/', { home: true });
    expect(decideNavigation(home, signedIn('dashboard:view'))).toEqual({ name: 'dashboard' });
    expect(decideNavigation(home, signedIn('staff:view'))).toEqual({ name: 'staff' });
    expect(decideNavigation(home, signedIn())).toEqual({ name: 'forbidden' });
  });
});

describe('safeRedirect', () => {
  it('keeps same-app paths and drops anything that could leave the app', () => {
    expect(safeRedirect('/staff?page=2')).toBe('/staff?page=2');
    expect(safeRedirect('//evil.example/x')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
    expect(safeRedirect(['/a'])).toBe('/');
  });
});
