/**
 * This device's anonymous id (kept in storage), sent as `X-Anonymous-Id` on every request and in every
 * behaviour batch, so a guest's searches, views and cart join the shopper's account after sign-in.
 */

const ANON_KEY = 'koi.anonymousId';
let anonId: string | null = null;

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  const c: Crypto | undefined = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c?.getRandomValues) c.getRandomValues(buf);
  else for (let i = 0; i < bytes; i++) buf[i] = Math.floor(Math.random() * 256);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Created once and kept in storage; 8–64 characters, as the contracts require. */
export function anonymousId(): string {
  if (anonId) return anonId;
  try {
    const stored: unknown = uni.getStorageSync(ANON_KEY);
    if (typeof stored === 'string' && stored.length >= 8 && stored.length <= 64) return (anonId = stored);
  } catch {
    /* storage unavailable: a fresh id per session is still useful */
  }
  anonId = `anon_${Date.now().toString(36)}${randomHex(8)}`;
  try {
    uni.setStorageSync(ANON_KEY, anonId);
  } catch {
    /* as above */
  }
  return anonId;
}
