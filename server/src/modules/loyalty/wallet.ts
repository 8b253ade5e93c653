import { sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { splitWalletRefund, splitWalletSpend, type Posting } from './ledger.rules.ts';
import { lockAccounts, postEntry } from './ledger.ts';

type HoldRow = { customer_id: string; amount: string | number; principal: string | number; bonus: string | number; refunded_principal: string | number; refunded_bonus: string | number; status: string };
const nonZero = (ps: Posting[]) => ps.filter((p) => p.amount !== 0);

/**
 * The stored-value (储值) ledger's commands for checkout and refunds, inside the caller's transaction.
 * Principal (本金) and bonus (赠送金) are separate accounts; a spend takes them in proportion to the
 * balances at that moment (splitWalletSpend), and a refund to balance gives them back in the
 * proportion the order took them.
 */
export function createWallet(db: Db) {
  async function holdOf(q: Q, ref: string): Promise<HoldRow | undefined> {
    const [row] = await db.rows<HoldRow>(sql`select customer_id, amount, principal, bonus, refunded_principal, refunded_bonus, status
      from loyalty_holds where asset = 'wallet' and ref = ${ref}`, q);
    return row;
  }

  return {
    /** Holds `amountFen` of the balance for `ref` (the order). The same ref and amount again: nothing changes. */
    async freeze(q: Q, input: { customerId: string; ref: string; amountFen: number }): Promise<{ principal: number; bonus: number }> {
      if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new Error('freeze amount must be a positive integer');
      const existing = await holdOf(q, input.ref);
      if (existing) {
        if (Number(existing.amount) !== input.amountFen || existing.customer_id !== input.customerId) throw new KoiError('loyalty.hold_conflict');
        return { principal: Number(existing.principal), bonus: Number(existing.bonus) };
      }
      const bal = await lockAccounts(db, q, input.customerId, ['wallet_bonus', 'wallet_principal']);
      const split = splitWalletSpend(bal.wallet_principal ?? 0, bal.wallet_bonus ?? 0, input.amountFen);
      if (!split) throw new KoiError('loyalty.insufficient_balance');
      const posted = await postEntry(db, q, {
        key: `wallet-freeze:${input.ref}`, kind: 'freeze', customerId: input.customerId, ref: input.ref, memo: '余额支付（待支付）',
        postings: nonZero([
          { account: 'wallet_principal', amount: -split.principal }, { account: 'wallet_bonus', amount: -split.bonus },
          { account: 'wallet_held_principal', amount: split.principal }, { account: 'wallet_held_bonus', amount: split.bonus },
        ]),
      });
      if (posted.duplicate) {
        const raced = await holdOf(q, input.ref);
        if (!raced || Number(raced.amount) !== input.amountFen || raced.customer_id !== input.customerId) throw new KoiError('loyalty.hold_conflict');
        return { principal: Number(raced.principal), bonus: Number(raced.bonus) };
      }
      const now = clock.now();
      await db.rows(sql`insert into loyalty_holds (id, asset, ref, customer_id, amount, principal, bonus, lots, status, created_at, updated_at)
        values (${newId()}, 'wallet', ${input.ref}, ${input.customerId}, ${input.amountFen}, ${split.principal}, ${split.bonus}, '[]'::jsonb, 'held', ${now}, ${now})`, q);
      return split;
    },

    /** The order was paid: the held balance is spent. Again, or nothing held: nothing happens. */
    async consume(q: Q, ref: string): Promise<boolean> {
      const [h] = await db.rows<HoldRow>(sql`update loyalty_holds set status = 'consumed', updated_at = ${clock.now()}
        where asset = 'wallet' and ref = ${ref} and status = 'held' returning customer_id, amount, principal, bonus`, q);
      if (!h) return false;
      await postEntry(db, q, { key: `wallet-consume:${ref}`, kind: 'spend', customerId: h.customer_id, ref, memo: '余额支付',
        postings: nonZero([
          { account: 'wallet_held_principal', amount: -Number(h.principal) }, { account: 'wallet_held_bonus', amount: -Number(h.bonus) },
          { account: 'wallet_spent', amount: Number(h.amount) },
        ]) });
      return true;
    },

    /** The order closed unpaid: the held balance goes back, principal and bonus as they were. */
    async release(q: Q, ref: string): Promise<boolean> {
      const [h] = await db.rows<HoldRow>(sql`update loyalty_holds set status = 'released', updated_at = ${clock.now()}
        where asset = 'wallet' and ref = ${ref} and status = 'held' returning customer_id, amount, principal, bonus`, q);
      if (!h) return false;
      await postEntry(db, q, { key: `wallet-release:${ref}`, kind: 'release', customerId: h.customer_id, ref, memo: '订单取消，余额退回',
        postings: nonZero([
          { account: 'wallet_held_principal', amount: -Number(h.principal) }, { account: 'wallet_held_bonus', amount: -Number(h.bonus) },
          { account: 'wallet_principal', amount: Number(h.principal) }, { account: 'wallet_bonus', amount: Number(h.bonus) },
        ]) });
      return true;
    },

    /**
     * Refund to balance (退回余额): `amountFen` of what order `ref` spent from the balance comes back,
     * principal and bonus in the proportion it took them; never more than it spent (422). `refundKey`
     * (an after-sale number) makes it idempotent.
     */
    async refundToBalance(q: Q, input: { ref: string; refundKey: string; amountFen: number }): Promise<{ principal: number; bonus: number }> {
      const [h] = await db.rows<HoldRow>(sql`select customer_id, amount, principal, bonus, refunded_principal, refunded_bonus, status from loyalty_holds
        where asset = 'wallet' and ref = ${input.ref} and status = 'consumed' for update`, q);
      if (!h) throw new KoiError('loyalty.refund_exceeds');
      const key = `wallet-refund:${input.ref}:${input.refundKey}`;
      const [done] = await db.rows<{ id: string }>(sql`select id from loyalty_entries where key = ${key}`, q);
      if (done) return { principal: 0, bonus: 0 };
      const split = splitWalletRefund({ principal: Number(h.principal), bonus: Number(h.bonus) },
        { principal: Number(h.refunded_principal), bonus: Number(h.refunded_bonus) }, input.amountFen);
      if (!split) throw new KoiError('loyalty.refund_exceeds');
      await postEntry(db, q, { key, kind: 'refund', customerId: h.customer_id, ref: input.ref, memo: '退款退回余额',
        postings: nonZero([
          { account: 'wallet_refunded', amount: -input.amountFen },
          { account: 'wallet_principal', amount: split.principal }, { account: 'wallet_bonus', amount: split.bonus },
        ]) });
      await db.rows(sql`update loyalty_holds set refunded_principal = refunded_principal + ${split.principal}, refunded_bonus = refunded_bonus + ${split.bonus},
        updated_at = ${clock.now()} where asset = 'wallet' and ref = ${input.ref}`, q);
      return split;
    },
  };
}
export type Wallet = ReturnType<typeof createWallet>;
