import type { TShopper, TShopSession } from '@koi/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as auth from '@/api/auth';
import { ApiError } from '@/api/request';

const STORAGE_KEY = 'koi.session';

interface StoredSession {
  token: string;
  expiresAt: string;
  shopper: TShopper | null;
}

function readStored(): StoredSession | null {
  try {
    const raw: unknown = uni.getStorageSync(STORAGE_KEY);
    if (!raw || typeof raw !== 'object') return null;
    const s = raw as Partial<StoredSession>;
    if (typeof s.token !== 'string' || typeof s.expiresAt !== 'string') return null;
    if (Date.parse(s.expiresAt) <= Date.now()) return null;
    return { token: s.token, expiresAt: s.expiresAt, shopper: s.shopper ?? null };
  } catch {
    return null;
  }
}

/** The shopper's session: the bearer token survives restarts in storage, the profile is refreshed from /me. */
export const useSessionStore = defineStore('session', () => {
  const stored = readStored();
  const token = ref<string | null>(stored?.token ?? null);
  const expiresAt = ref<string | null>(stored?.expiresAt ?? null);
  const shopper = ref<TShopper | null>(stored?.shopper ?? null);

  const signedIn = computed(() => token.value !== null);

  function persist(): void {
    if (token.value && expiresAt.value) {
      const value: StoredSession = { token: token.value, expiresAt: expiresAt.value, shopper: shopper.value };
      uni.setStorageSync(STORAGE_KEY, value);
    } else {
      uni.removeStorageSync(STORAGE_KEY);
    }
  }

  function start(session: TShopSession): void {
    token.value = session.token;
    expiresAt.value = session.expiresAt;
    shopper.value = session.shopper;
    persist();
  }

  function clear(): void {
    token.value = null;
    expiresAt.value = null;
    shopper.value = null;
    persist();
  }

  /** Re-reads the profile; a 401 (expired or revoked token) signs the shopper out. */
  async function refresh(): Promise<void> {
    if (!token.value) return;
    try {
      shopper.value = await auth.getMe();
      persist();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) clear();
      else throw e;
    }
  }

  /** Ends the session on the server too; the local token goes whatever the server says. */
  async function logout(): Promise<void> {
    try {
      if (token.value) await auth.logout();
    } finally {
      clear();
    }
  }

  return { token, expiresAt, shopper, signedIn, start, clear, refresh, logout };
});
