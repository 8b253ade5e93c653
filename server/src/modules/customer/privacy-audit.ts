import { and, asc, eq } from 'drizzle-orm';
import type { TPrivacyAuditEntry } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { privacyAudit } from './privacy.tables.ts';

export type AuditInput = { requestId: string | null; customerId: string; action: string; detail?: Record<string, unknown>; actor: string };

/** Writes one audit row inside the caller's transaction (the step and its record commit together). */
export async function audit(q: Q, e: AuditInput): Promise<void> {
  await q.insert(privacyAudit).values({ id: newId(), requestId: e.requestId, customerId: e.customerId, action: e.action, detail: e.detail ?? {}, actor: e.actor, at: clock.now() });
}

/** Audit rows of one request, or of one customer, oldest first. */
export async function auditTrail(db: Db, by: { requestId: string } | { customerId: string }): Promise<TPrivacyAuditEntry[]> {
  const where = 'requestId' in by ? eq(privacyAudit.requestId, by.requestId) : and(eq(privacyAudit.customerId, by.customerId));
  const rows = await db.run((q) => q.select().from(privacyAudit).where(where).orderBy(asc(privacyAudit.at), asc(privacyAudit.id)));
  return rows.map((r) => ({ id: r.id, requestId: r.requestId, customerId: r.customerId, action: r.action, detail: r.detail, actor: r.actor, at: r.at.toISOString() }));
}
