/** The bearer token lives in localStorage so a reload keeps the operator signed in. */
const KEY = 'koi.admin.token';

export function getToken(): string | null {
  return globalThis.localStorage?.getItem(KEY) ?? null;
}

export function setToken(token: string): void {
  globalThis.localStorage?.setItem(KEY, token);
}

export function clearToken(): void {
  globalThis.localStorage?.removeItem(KEY);
}
