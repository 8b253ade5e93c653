import { sql } from 'drizzle-orm';
import { formatYuanShort, type TPayAction, type TPayChannel, type TPaymentSucceededEvent, type TRecharge, type TStartRechargeResult } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId, newOrderNo } from '../../platform/ids.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';
import { postEntry } from './ledger.ts';

/** What recharging needs of the payment module (wired in index.ts from its public service). */
export type RechargePayments = {
  start(input: { customerId: string; rechargeId: string; rechargeNo: string; amountFen: number; description: string; channel: TPayChannel; clientIp: string; expiresAt: Date; returnUrl?: string }): Promise<TPayAction>;
  refundDuplicate(input: { intentId: string; rechargeId: string; amountFen: number }): Promise<void>;
};

type RechargeRow = { id: string; recharge_no: string; customer_id: string; amount_fen: string | number; bonus_fen: string | number; status: 'pending' | 'paid'; intent_id: string | null; paid_at: Date | string | null; created_at: Date | string };
const view = (r: RechargeRow): TRecharge => ({
  id: r.id, rechargeNo: r.recharge_no, amountFen: Number(r.amount_fen), bonusFen: Number(r.bonus_fen), status: r.status,
  paidAt: r.paid_at ? new Date(r.paid_at).toISOString() : null, createdAt: new Date(r.created_at).toISOString(),
});

export const RECHARGE_PAY_MINUTES = 30;

/**
 * Buying a recharge package (充 ¥500 送 ¥50) through the payment providers. The package's amount
 * and bonus are copied onto the recharge when it starts, so a later edit does not change what a
 * paying shopper gets. `payment.succeeded` credits principal and bonus exactly once: the recharge
 * moves pending → paid by a conditional update and the ledger entry's key is the recharge's id.
 */
export function createRecharges(db: Db, deps: { config: LoyaltyConfig; log: Logger; payments: () => RechargePayments }) {
  return {
    async start(customerId: string, input: { packageId: string; channel: TPayChannel; clientIp: string; returnUrl?: string }): Promise<TStartRechargeResult> {
      const pkg = await deps.config.pkg(input.packageId);
      if (!pkg || !pkg.active) throw new KoiError('loyalty.package_unavailable');
      const now = clock.now();
      const id = newId();
      const rechargeNo = newOrderNo('R');
      const [row] = await db.rows<RechargeRow>(sql`insert into loyalty_recharges (id, recharge_no, customer_id, package_id, amount_fen, bonus_fen, status, created_at)
        values (${id}, ${rechargeNo}, ${customerId}, ${pkg.id}, ${pkg.amountFen}, ${pkg.bonusFen}, 'pending', ${now}) returning *`);
      const action = await deps.payments().start({
        customerId, rechargeId: id, rechargeNo, amountFen: pkg.amountFen, description: `青瓷小筑 · 储值 ${pkg.name}`, channel: input.channel,
        clientIp: input.clientIp, expiresAt: new Date(now.getTime() + RECHARGE_PAY_MINUTES * 60_000), returnUrl: input.returnUrl,
      });
      return { recharge: view(row!), action };
    },

    async get(customerId: string, id: string): Promise<TRecharge> {
      const [row] = await db.rows<RechargeRow>(sql`select * from loyalty_recharges where id = ${id} and customer_id = ${customerId}`);
      if (!row) throw new KoiError('resource.not_found', { what: 'recharge' });
      return view(row);
    },

    /** `payment.succeeded` for a recharge: credit once; a second paid intent of the same recharge is refunded. */
    async onPaid(q: Q, p: TPaymentSucceededEvent): Promise<void> {
      const [row] = await db.rows<RechargeRow>(sql`update loyalty_recharges set status = 'paid', intent_id = ${p.intentId}, paid_at = ${new Date(p.paidAt)}
        where id = ${p.payableId} and status = 'pending' returning *`, q);
      if (!row) {
        const [paid] = await db.rows<RechargeRow>(sql`select * from loyalty_recharges where id = ${p.payableId}`, q);
        if (paid && paid.intent_id !== p.intentId) {
          deps.log.warn({ rechargeId: p.payableId, intentId: p.intentId }, 'recharge paid twice: refunding the second payment');
          await deps.payments().refundDuplicate({ intentId: p.intentId, rechargeId: p.payableId, amountFen: p.amountFen });
        }
        return;
      }
      const amount = Number(row.amount_fen);
      const bonus = Number(row.bonus_fen);
      await postEntry(db, q, {
        key: `recharge:${row.id}`, kind: 'recharge', customerId: row.customer_id, ref: `recharge:${row.id}`,
        memo: bonus > 0 ? `充值 ${formatYuanShort(amount)} 送 ${formatYuanShort(bonus)}` : `充值 ${formatYuanShort(amount)}`,
        postings: [
          { account: 'recharge_received', amount: -amount }, { account: 'wallet_principal', amount },
          ...(bonus > 0 ? [{ account: 'bonus_granted' as const, amount: -bonus }, { account: 'wallet_bonus' as const, amount: bonus }] : []),
        ],
      });
    },
  };
}
export type Recharges = ReturnType<typeof createRecharges>;
