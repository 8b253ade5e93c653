import type { Principal } from '../../platform/auth.ts';
import { clock } from '../../platform/clock.ts';

type Entry = { principal: Principal; expiresAt: number; cachedAt: number };

/**
 * Resolved sessions kept in memory, for the embedded single-process deployment where every request
 * otherwise pays a statement on the one PGlite connection. Correct only when every sign-out,
 * revocation and staff change runs in this process — true for PGlite, not for a PostgreSQL fleet,
 * which therefore does not use it. A generation, raised by every invalidation, stops a lookup that
 * raced an invalidation from putting the stale answer back.
 */
export class SessionCache {
  private entries = new Map<string, Entry>();
  private gen = 0;

  constructor(private readonly ttlMs = 60_000, private readonly max = 10_000) {}

  /** Take before a lookup; pass to `set` after it. */
  generation(): number {
    return this.gen;
  }

  get(tokenHash: string): Principal | 'expired' | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    const now = clock.now().getTime();
    if (now - e.cachedAt > this.ttlMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return now >= e.expiresAt ? 'expired' : e.principal;
  }

  set(tokenHash: string, principal: Principal, expiresAt: Date, generationAtLookup: number): void {
    if (this.gen !== generationAtLookup) return;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { principal, expiresAt: expiresAt.getTime(), cachedAt: clock.now().getTime() });
  }

  /** Forget every cached session of a subject (sign-out, revoke, role or store change, disable). */
  invalidate(kind: string, id: string): void {
    this.gen++;
    for (const [hash, e] of this.entries) if (e.principal.kind === kind && e.principal.id === id) this.entries.delete(hash);
  }
}
