import { createHash } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId, newToken } from '../../platform/ids.ts';
import type { Principal, SessionResolver } from '../../platform/auth.ts';
import type { TRole } from '@koi/contracts';
import { sessions, staffAccounts } from './identity.tables.ts';
import { permissionsOf } from './roles.rules.ts';
import type { SessionCache } from './session-cache.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type NewSession = { id: string; token: string; expiresAt: Date };

export async function openSession(
  q: Q,
  subject: { kind: 'shopper' | 'staff'; id: string },
  ttlMs: number,
  meta: { userAgent?: string; ip?: string },
): Promise<NewSession> {
  const now = clock.now();
  const token = `${subject.kind === 'staff' ? 'kst' : 'ksh'}_${newToken(32)}`;
  const session = { id: newId(), token, expiresAt: new Date(now.getTime() + ttlMs) };
  await q.insert(sessions).values({
    id: session.id,
    tokenHash: hashToken(token),
    subjectKind: subject.kind,
    subjectId: subject.id,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: session.expiresAt,
  });
  return session;
}

/**
 * Sessions of shoppers and staff: resolving a bearer token (one statement, or none when cached),
 * revoking one or all of a subject's sessions. `cache` is only given on PGlite (see SessionCache).
 */
export function createSessions(db: Db, cache: SessionCache | null) {
  async function lookup(tokenHash: string): Promise<{ principal: Principal; expiresAt: Date } | 'expired' | null> {
    const [row] = await db.run((q) =>
      q
        .select({ s: sessions, role: staffAccounts.role, storeId: staffAccounts.storeId, disabled: staffAccounts.disabled })
        .from(sessions)
        .leftJoin(staffAccounts, and(eq(sessions.subjectKind, 'staff'), eq(staffAccounts.id, sessions.subjectId)))
        .where(eq(sessions.tokenHash, tokenHash)),
    );
    if (!row || row.s.revokedAt) return null;
    if (row.s.expiresAt.getTime() <= clock.now().getTime()) return 'expired';
    const principal: Principal =
      row.s.subjectKind === 'shopper'
        ? { kind: 'shopper', id: row.s.subjectId, sessionId: row.s.id }
        : {
            kind: 'staff',
            id: row.s.subjectId,
            sessionId: row.s.id,
            role: row.role ?? '',
            storeId: row.storeId,
            permissions: permissionsOf(row.role as TRole),
          };
    if (principal.kind === 'staff' && (!row.role || row.disabled)) return null;
    return { principal, expiresAt: row.s.expiresAt };
  }

  const resolver: SessionResolver = {
    async resolve(token) {
      if (!/^ks[th]_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
      const tokenHash = hashToken(token);
      const cached = cache?.get(tokenHash);
      if (cached) return cached;
      const generation = cache?.generation() ?? 0;
      const found = await lookup(tokenHash);
      if (!found || found === 'expired') return found;
      cache?.set(tokenHash, found.principal, found.expiresAt, generation);
      return found.principal;
    },
  };

  return {
    resolver,
    async revoke(sessionId: string, subject: { kind: 'shopper' | 'staff'; id: string }): Promise<boolean> {
      cache?.invalidate(subject.kind, subject.id);
      const rows = await db.run((q) =>
        q
          .update(sessions)
          .set({ revokedAt: clock.now() })
          .where(and(eq(sessions.id, sessionId), eq(sessions.subjectKind, subject.kind), eq(sessions.subjectId, subject.id), isNull(sessions.revokedAt)))
          .returning({ id: sessions.id }),
      );
      return rows.length > 0;
    },
    /** Ends every live session of a subject (staff disabled, password changed). */
    async revokeAll(q: Q, subject: { kind: 'shopper' | 'staff'; id: string }): Promise<void> {
      cache?.invalidate(subject.kind, subject.id);
      await q
        .update(sessions)
        .set({ revokedAt: clock.now() })
        .where(and(eq(sessions.subjectKind, subject.kind), eq(sessions.subjectId, subject.id), isNull(sessions.revokedAt)));
    },
    /** A staff member's role, store or status changed: their next request reads it afresh. */
    forget(subject: { kind: 'shopper' | 'staff'; id: string }): void {
      cache?.invalidate(subject.kind, subject.id);
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;

export async function liveSessions(db: Db, subject: { kind: 'shopper' | 'staff'; id: string }) {
  return db.run((q) =>
    q
      .select({ id: sessions.id, userAgent: sessions.userAgent, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(and(eq(sessions.subjectKind, subject.kind), eq(sessions.subjectId, subject.id), isNull(sessions.revokedAt), gt(sessions.expiresAt, clock.now())))
      .orderBy(desc(sessions.createdAt))
      .limit(50),
  );
}
