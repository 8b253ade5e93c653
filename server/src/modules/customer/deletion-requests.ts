import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { TDeletionRequest, TDeletionRequestInput, TDeletionRequestList, TDeletionStatus } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { privacyDeletionRequests } from './privacy.tables.ts';
import { canCancel, decodeCursor, deletionDueAt, encodeCursor } from './privacy.rules.ts';
import { audit } from './privacy-audit.ts';

type Row = typeof privacyDeletionRequests.$inferSelect;

export function toDeletionRequest(r: Row): TDeletionRequest {
  return {
    id: r.id, customerId: r.customerId, status: r.status, reason: r.reason, requestedAt: r.requestedAt.toISOString(), dueAt: r.dueAt.toISOString(),
    cancelledAt: r.cancelledAt?.toISOString() ?? null, completedAt: r.completedAt?.toISOString() ?? null, pseudonym: r.pseudonym,
  };
}

/** The shopper's deletion requests (注销账户): ask, cancel within the cooling-off period, and the staff list. */
export function deletionRequests(db: Db, opts: { coolingOffDays: () => number }) {
  return {
    /**
     * Opens a request due after the cooling-off period (one open request per customer: 409 otherwise).
     * `at` backdates it (the demo's history); callers at the HTTP edge never pass it.
     */
    async request(customerId: string, input: TDeletionRequestInput, at?: Date): Promise<TDeletionRequest> {
      return db.tx(async (q) => {
        const [open] = await q.select({ id: privacyDeletionRequests.id }).from(privacyDeletionRequests)
          .where(and(eq(privacyDeletionRequests.customerId, customerId), eq(privacyDeletionRequests.status, 'pending')));
        if (open) throw new KoiError('customer.deletion_pending');
        const now = at ?? clock.now();
        const days = opts.coolingOffDays();
        const [row] = await q.insert(privacyDeletionRequests).values({
          id: newId(), customerId, status: 'pending', reason: input.reason ?? null, requestedAt: now, dueAt: deletionDueAt(now, days),
        }).returning();
        await audit(q, { requestId: row!.id, customerId, action: 'requested', detail: { confirmedBy: 'typed_phrase', coolingOffDays: days, dueAt: row!.dueAt.toISOString(), requestedAt: now.toISOString() }, actor: 'shopper' });
        return toDeletionRequest(row!);
      });
    },

    /** Cancels the open request while the cooling-off period runs (404 when none, 409 once due). */
    async cancel(customerId: string): Promise<TDeletionRequest> {
      return db.tx(async (q) => {
        const [open] = await q.select().from(privacyDeletionRequests)
          .where(and(eq(privacyDeletionRequests.customerId, customerId), eq(privacyDeletionRequests.status, 'pending'))).for('update');
        if (!open) throw new KoiError('resource.not_found', { what: 'deletion_request' });
        const now = clock.now();
        if (!canCancel(open, now)) throw new KoiError('customer.deletion_not_cancellable');
        const [row] = await q.update(privacyDeletionRequests).set({ status: 'cancelled', cancelledAt: now }).where(eq(privacyDeletionRequests.id, open.id)).returning();
        await audit(q, { requestId: open.id, customerId, action: 'cancelled', actor: 'shopper' });
        return toDeletionRequest(row!);
      });
    },

    /** The customer's latest request, or null. */
    async latest(customerId: string): Promise<TDeletionRequest | null> {
      const [row] = await db.run((q) => q.select().from(privacyDeletionRequests).where(eq(privacyDeletionRequests.customerId, customerId))
        .orderBy(desc(privacyDeletionRequests.requestedAt), desc(privacyDeletionRequests.id)).limit(1));
      return row ? toDeletionRequest(row) : null;
    },

    async all(customerId: string): Promise<TDeletionRequest[]> {
      const rows = await db.run((q) => q.select().from(privacyDeletionRequests).where(eq(privacyDeletionRequests.customerId, customerId))
        .orderBy(desc(privacyDeletionRequests.requestedAt)));
      return rows.map(toDeletionRequest);
    },

    /** Staff list, newest first, keyset paged. */
    async list(query: { status?: TDeletionStatus; cursor?: string; limit: number }): Promise<TDeletionRequestList> {
      const conds: SQL[] = [];
      if (query.status) conds.push(eq(privacyDeletionRequests.status, query.status));
      const after = decodeCursor(query.cursor);
      if (after) {
        conds.push(or(lt(privacyDeletionRequests.requestedAt, after.at), and(eq(privacyDeletionRequests.requestedAt, after.at), sql`${privacyDeletionRequests.id} < ${after.id}`))!);
      }
      const rows = await db.run((q) => q.select().from(privacyDeletionRequests).where(conds.length ? and(...conds) : undefined)
        .orderBy(desc(privacyDeletionRequests.requestedAt), desc(privacyDeletionRequests.id)).limit(query.limit + 1));
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { items: page.map(toDeletionRequest), nextCursor: rows.length > query.limit && last ? encodeCursor(last.requestedAt, last.id) : null };
    },
  };
}
export type DeletionRequests = ReturnType<typeof deletionRequests>;
