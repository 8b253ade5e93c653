import { createHash } from 'node:crypto';

/**
 * Deletion-request rules (PIPL 第四十七条): a cooling-off period the shopper may cancel in, then
 * erasure under a pseudonym. And the keyset cursors of the privacy lists. Pure: callers pass `now`.
 */

export const DAY_MS = 86_400_000;

export function deletionDueAt(requestedAt: Date, coolingOffDays: number): Date {
  return new Date(requestedAt.getTime() + coolingOffDays * DAY_MS);
}

export type DeletionStatus = 'pending' | 'cancelled' | 'completed';

/** Only a pending request can be cancelled, and only before the job starts it (its due time). */
export function canCancel(r: { status: DeletionStatus; dueAt: Date }, now: Date): boolean {
  return r.status === 'pending' && now.getTime() < r.dueAt.getTime();
}

/** Whether the erasure job should erase now: pending and the cooling-off is over. */
export function isDue(r: { status: DeletionStatus; dueAt: Date }, now: Date): boolean {
  return r.status === 'pending' && now.getTime() >= r.dueAt.getTime();
}

/**
 * The name personal fields become: stable per customer (a re-run writes the same), not reversible
 * without the id, and readable by staff (已注销用户·3f9a1c).
 */
export function pseudonymFor(customerId: string): string {
  return `已注销用户·${createHash('sha256').update(`erased:${customerId}`).digest('hex').slice(0, 6)}`;
}

/** Keyset cursor over (time desc, id desc): opaque to clients. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const t = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(t) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { at: new Date(t), id };
}
