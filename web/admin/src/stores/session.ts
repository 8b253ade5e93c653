import type { TPermission, TStaffLoginRequest, TStaffMe } from '@koi/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as authApi from '@/api/auth';
import { clearToken, getToken, setToken } from './token.ts';

/** Who is signed in, and what they may do. */
export const useSessionStore = defineStore('session', () => {
  const token = ref<string | null>(getToken());
  const staff = ref<TStaffMe | null>(null);

  const isAuthenticated = computed(() => token.value !== null);
  const permissions = computed<ReadonlySet<TPermission>>(() => new Set(staff.value?.permissions ?? []));

  function can(permission: TPermission): boolean {
    return permissions.value.has(permission);
  }

  async function login(body: TStaffLoginRequest): Promise<TStaffMe> {
    const session = await authApi.login(body);
    token.value = session.token;
    setToken(session.token);
    staff.value = session.staff;
    return session.staff;
  }

  /** Loads the staff member behind a token restored from storage; a 401 clears it through the http client. */
  async function ensureLoaded(): Promise<TStaffMe | null> {
    if (!token.value) return null;
    if (!staff.value) staff.value = await authApi.getMe();
    return staff.value;
  }

  function clear(): void {
    token.value = null;
    staff.value = null;
    clearToken();
  }

  async function logout(): Promise<void> {
    try {
      if (token.value) await authApi.logout();
    } catch {
      // Already gone on the server: signing out locally is what matters.
    } finally {
      clear();
    }
  }

  return { token, staff, isAuthenticated, permissions, can, login, ensureLoaded, clear, logout };
});
