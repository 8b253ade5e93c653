import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { takeFromLots, type Lot, type Posting } from './ledger.rules.ts';
import { expiryFor, type PointsExpiry } from './points.rules.ts';
import { lockAccounts, postEntry, type Posted } from './ledger.ts';

type LotRow = { id: string; remaining: string | number; expires_at: Date | string | null; earned_at: Date | string };
const toLot = (r: LotRow): Lot => ({ id: r.id, remaining: Number(r.remaining), expiresAt: r.expires_at ? new Date(r.expires_at) : null, earnedAt: new Date(r.earned_at) });

/**
 * The points ledger's commands. Each runs inside the caller's transaction `q` (checkout, an event
 * subscriber) and is idempotent by its key or `ref`. Points live in dated lots (for expiry); a spend
 * takes the soonest-expiring lots first. The `points` account row is always locked before the lots,
 * so lots of one customer change one transaction at a time.
 */
export function createPoints(db: Db) {
  async function takeLots(q: Q, customerId: string, amount: number): Promise<{ id: string; n: number }[]> {
    const rows = await db.rows<LotRow>(sql`select id, remaining, expires_at, earned_at from loyalty_point_lots
      where customer_id = ${customerId} and remaining > 0 order by expires_at nulls last, earned_at, id for update`, q);
    const taken = takeFromLots(rows.map(toLot), amount);
    // The account update already proved the balance; lots disagreeing is drift the check reports.
    if (!taken) throw new Error(`points lots of ${customerId} do not cover ${amount}`);
    for (const t of taken) await db.rows(sql`update loyalty_point_lots set remaining = remaining - ${t.n} where id = ${t.id}`, q);
    return taken;
  }

  async function addLot(q: Q, customerId: string, entryId: string, amount: number, expiry: PointsExpiry): Promise<void> {
    const now = clock.now();
    await db.rows(sql`insert into loyalty_point_lots (id, customer_id, entry_id, amount, remaining, earned_at, expires_at)
      values (${newId()}, ${customerId}, ${entryId}, ${amount}, ${amount}, ${now}, ${expiryFor(expiry, now)})`, q);
  }

  /** Credits points (from `from`, the merchant account) into a new lot; nothing when `amount` ≤ 0 or the key was used. */
  async function earn(q: Q, input: { customerId: string; key: string; kind: string; amount: number; memo: string; ref?: string; expiry: PointsExpiry; from?: 'points_issued' | 'points_adjusted'; staffId?: string; reason?: string }): Promise<Posted | null> {
    if (input.amount <= 0) return null;
    const postings: Posting[] = [{ account: input.from ?? 'points_issued', amount: -input.amount }, { account: 'points', amount: input.amount }];
    const posted = await postEntry(db, q, { key: input.key, kind: input.kind, customerId: input.customerId, postings, memo: input.memo, ref: input.ref }, { staffId: input.staffId, reason: input.reason });
    if (!posted.duplicate) await addLot(q, input.customerId, posted.entryId, input.amount, input.expiry);
    return posted;
  }

  /** Takes points out (refund take-back, a negative adjustment): exactly `amount`, or 409 when short. */
  async function debit(q: Q, input: { customerId: string; key: string; kind: string; amount: number; memo: string; ref?: string; to: 'points_reclaimed' | 'points_adjusted' | 'points_redeemed'; staffId?: string; reason?: string }): Promise<Posted | null> {
    if (input.amount <= 0) return null;
    const postings: Posting[] = [{ account: 'points', amount: -input.amount }, { account: input.to, amount: input.amount }];
    const posted = await postEntry(db, q, { key: input.key, kind: input.kind, customerId: input.customerId, postings, memo: input.memo, ref: input.ref }, { staffId: input.staffId, reason: input.reason });
    if (!posted.duplicate) await takeLots(q, input.customerId, input.amount);
    return posted;
  }

  return {
    earn,
    debit,

    /** Points the customer has now (outside any hold). */
    async balance(customerId: string, q?: Q): Promise<number> {
      const [row] = await db.rows<{ balance: string | number }>(sql`select balance from loyalty_accounts where customer_id = ${customerId} and kind = 'points'`, q);
      return Number(row?.balance ?? 0);
    },

    /**
     * Checkout: holds `amount` points for `ref` (the order). Race-safe: parallel freezes of the same
     * points succeed only while the balance lasts. The same ref and amount again: nothing changes.
     */
    async freeze(q: Q, input: { customerId: string; ref: string; amount: number }): Promise<void> {
      if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new Error('freeze amount must be a positive integer');
      const posted = await postEntry(db, q, {
        key: `points-freeze:${input.ref}`, kind: 'freeze', customerId: input.customerId, ref: input.ref, memo: '下单抵扣（待支付）',
        postings: [{ account: 'points', amount: -input.amount }, { account: 'points_held', amount: input.amount }],
      });
      if (posted.duplicate) {
        const [hold] = await db.rows<{ amount: string | number; customer_id: string }>(sql`select amount, customer_id from loyalty_holds where asset = 'points' and ref = ${input.ref}`, q);
        if (!hold || Number(hold.amount) !== input.amount || hold.customer_id !== input.customerId) throw new KoiError('loyalty.hold_conflict');
        return;
      }
      const lots = await takeLots(q, input.customerId, input.amount);
      const now = clock.now();
      await db.rows(sql`insert into loyalty_holds (id, asset, ref, customer_id, amount, lots, status, created_at, updated_at)
        values (${newId()}, 'points', ${input.ref}, ${input.customerId}, ${input.amount}, ${JSON.stringify(lots)}::jsonb, 'held', ${now}, ${now})`, q);
    },

    /** The order was paid: the held points are redeemed. Again, or nothing held: nothing happens. */
    async consume(q: Q, ref: string): Promise<boolean> {
      const [hold] = await db.rows<{ customer_id: string; amount: string | number }>(sql`update loyalty_holds set status = 'consumed', updated_at = ${clock.now()}
        where asset = 'points' and ref = ${ref} and status = 'held' returning customer_id, amount`, q);
      if (!hold) return false;
      const amount = Number(hold.amount);
      await postEntry(db, q, { key: `points-consume:${ref}`, kind: 'redeem', customerId: hold.customer_id, ref, memo: '下单抵扣',
        postings: [{ account: 'points_held', amount: -amount }, { account: 'points_redeemed', amount }] });
      return true;
    },

    /** The order closed unpaid: the held points go back into the lots they came from. */
    async release(q: Q, ref: string): Promise<boolean> {
      const [hold] = await db.rows<{ customer_id: string; amount: string | number; lots: { id: string; n: number }[] | string }>(sql`
        update loyalty_holds set status = 'released', updated_at = ${clock.now()}
        where asset = 'points' and ref = ${ref} and status = 'held' returning customer_id, amount, lots`, q);
      if (!hold) return false;
      const amount = Number(hold.amount);
      await postEntry(db, q, { key: `points-release:${ref}`, kind: 'release', customerId: hold.customer_id, ref, memo: '订单取消，积分退回',
        postings: [{ account: 'points_held', amount: -amount }, { account: 'points', amount }] });
      const lots = typeof hold.lots === 'string' ? (JSON.parse(hold.lots) as { id: string; n: number }[]) : hold.lots;
      for (const l of lots) await db.rows(sql`update loyalty_point_lots set remaining = remaining + ${l.n} where id = ${l.id}`, q);
      return true;
    },

    /**
     * Takes back up to `amount` points (a refund's claw-back): what the balance allows, never below
     * zero; returns how many it took. The rest is forgiven (the points were already spent).
     */
    async takeBack(q: Q, input: { customerId: string; key: string; amount: number; memo: string; ref?: string }): Promise<number> {
      if (input.amount <= 0) return 0;
      const locked = await lockAccounts(db, q, input.customerId, ['points']);
      const n = Math.min(input.amount, locked.points ?? 0);
      if (n <= 0) return 0;
      const posted = await debit(q, { ...input, amount: n, kind: 'clawback', to: 'points_reclaimed' });
      return posted && !posted.duplicate ? n : 0;
    },

    /** Expires the lots due by `now`, one entry per lot, each in its own transaction. Returns how many points expired. */
    async expireDue(now: Date, batch = 200): Promise<number> {
      let total = 0;
      for (;;) {
        const due = await db.rows<{ id: string; customer_id: string }>(sql`select id, customer_id from loyalty_point_lots
          where expires_at <= ${now} and remaining > 0 order by expires_at, id limit ${batch}`);
        if (!due.length) return total;
        for (const lot of due) {
          total += await db.tx(async (q) => {
            await lockAccounts(db, q, lot.customer_id, ['points']);
            const [row] = await db.rows<{ remaining: string | number }>(sql`select remaining from loyalty_point_lots where id = ${lot.id} for update`, q);
            const n = Number(row?.remaining ?? 0);
            if (n <= 0) return 0;
            await postEntry(db, q, { key: `expire:${lot.id}:${n}:${now.toISOString()}`, kind: 'expire', customerId: lot.customer_id, ref: `lot:${lot.id}`, memo: '积分过期',
              postings: [{ account: 'points', amount: -n }, { account: 'points_expired', amount: n }] });
            await db.rows(sql`update loyalty_point_lots set remaining = 0 where id = ${lot.id}`, q);
            return n;
          });
        }
        if (due.length < batch) return total;
      }
    },
  };
}
export type Points = ReturnType<typeof createPoints>;
