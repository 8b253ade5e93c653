import type { TStaffMe } from '@koi/contracts';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from './session.ts';
import { getToken } from './token.ts';

const me: TStaffMe = {
  id: 's1',
  email: 'owner@koi.demo',
  name: '林锦鲤',
  role: 'owner',
  storeId: null,
  storeName: null,
  disabled: false,
  createdAt: '2026-01-02T03:04:05Z',
  permissions: ['dashboard:view', 'staff:view'],
};

vi.mock('@/api/auth', () => ({
  login: vi.fn(async () => ({ token: 'tok-1', expiresAt: '2026-12-31T00:00:00Z', staff: me })),
  logout: vi.fn(async () => {
    throw new Error('server already forgot the session');
  }),
  getMe: vi.fn(async () => me),
}));

describe('session store', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });

  it('keeps the token in localStorage and answers permission checks after login', async () => {
    const session = useSessionStore();
    await session.login({ email: 'owner@koi.demo', password: 'koi-demo-2026' });
    expect(getToken()).toBe('tok-1');
    expect(session.can('staff:view')).toBe(true);
    expect(session.can('staff:manage')).toBe(false);
  });

  it('restores the staff member from a stored token', async () => {
    localStorage.setItem('koi.admin.token', 'tok-restored');
    const session = useSessionStore();
    expect(session.isAuthenticated).toBe(true);
    expect(await session.ensureLoaded()).toEqual(me);
  });

  it('signs out locally even when the server call fails', async () => {
    const session = useSessionStore();
    await session.login({ email: 'owner@koi.demo', password: 'koi-demo-2026' });
    await session.logout();
    expect(session.isAuthenticated).toBe(false);
    expect(session.staff).toBeNull();
    expect(getToken()).toBeNull();
  });
});
