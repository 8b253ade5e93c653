import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TPayProvider } from '@koi/contracts';
import type { Db, Q } from '../../../platform/db.ts';
import { clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';

/** A trade as a simulated provider keeps it. `state` is 'closed' also for an open trade past its expiry. */
export type SimTrade = {
  id: string;
  provider: TPayProvider;
  merchantId: string;
  appId: string;
  outTradeNo: string;
  tradeType: string;
  description: string;
  amountFen: number;
  notifyUrl: string;
  returnUrl: string | null;
  cancelUrl: string | null;
  openid: string | null;
  digest: string;
  handle: string;
  state: 'open' | 'paid' | 'closed';
  transactionId: string | null;
  payerId: string | null;
  refundedFen: number;
  expiresAt: Date;
  paidAt: Date | null;
  createdAt: Date;
};

export type SimRefund = { id: string; tradeId: string; refundNo: string; refundId: string; amountFen: number; status: 'processing' | 'succeeded'; createdAt: Date; successAt: Date | null };

type TradeRow = {
  id: string; provider: TPayProvider; merchant_id: string; app_id: string; out_trade_no: string; trade_type: string; description: string;
  amount_fen: number | string; notify_url: string; return_url: string | null; cancel_url: string | null; openid: string | null; digest: string; handle: string; state: string;
  transaction_id: string | null; payer_id: string | null; refunded_fen: number | string; expires_at: Date | string; paid_at: Date | string | null; created_at: Date | string;
};
type RefundRow = { id: string; trade_id: string; refund_no: string; refund_id: string; amount_fen: number | string; status: string; created_at: Date | string; success_at: Date | string | null };

const date = (v: Date | string) => new Date(v);

function toTrade(r: TradeRow): SimTrade {
  const expiresAt = date(r.expires_at);
  const state = r.state === 'open' && expiresAt <= clock.now() ? 'closed' : (r.state as SimTrade['state']);
  return {
    id: r.id, provider: r.provider, merchantId: r.merchant_id, appId: r.app_id, outTradeNo: r.out_trade_no, tradeType: r.trade_type,
    description: r.description, amountFen: Number(r.amount_fen), notifyUrl: r.notify_url, returnUrl: r.return_url, cancelUrl: r.cancel_url, openid: r.openid,
    digest: r.digest, handle: r.handle, state, transactionId: r.transaction_id, payerId: r.payer_id, refundedFen: Number(r.refunded_fen),
    expiresAt, paidAt: r.paid_at ? date(r.paid_at) : null, createdAt: date(r.created_at),
  };
}

function toRefund(r: RefundRow): SimRefund {
  return {
    id: r.id, tradeId: r.trade_id, refundNo: r.refund_no, refundId: r.refund_id, amountFen: Number(r.amount_fen),
    status: r.status as SimRefund['status'], createdAt: date(r.created_at), successAt: r.success_at ? date(r.success_at) : null,
  };
}

export const randomDigits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/** yyyyMMdd in Beijing time, the prefix both providers put on their ids. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

export type NewTrade = Omit<SimTrade, 'id' | 'state' | 'transactionId' | 'payerId' | 'refundedFen' | 'paidAt' | 'createdAt'>;

/** The simulators' own bookkeeping: trades and refunds, with conditional updates where money moves. */
export function simTrades(db: Db) {
  const one = async (query: ReturnType<typeof sql>, q?: Q) => {
    const [row] = await db.rows<TradeRow>(query, q);
    return row ? toTrade(row) : null;
  };

  return {
    byNo: (provider: TPayProvider, merchantId: string, outTradeNo: string) =>
      one(sql`select * from payment_sim_trades where provider = ${provider} and merchant_id = ${merchantId} and out_trade_no = ${outTradeNo}`),
    byHandle: (handle: string) => one(sql`select * from payment_sim_trades where handle = ${handle}`),
    byId: (id: string) => one(sql`select * from payment_sim_trades where id = ${id}`),
    byTransaction: (provider: TPayProvider, merchantId: string, transactionId: string) =>
      one(sql`select * from payment_sim_trades where provider = ${provider} and merchant_id = ${merchantId} and transaction_id = ${transactionId}`),

    /** Places a trade; when the out_trade_no is taken, returns the existing one instead (the caller compares digests). */
    async place(t: NewTrade): Promise<{ trade: SimTrade; created: boolean }> {
      const inserted = await one(sql`insert into payment_sim_trades (id, provider, merchant_id, app_id, out_trade_no, trade_type, description,
          amount_fen, notify_url, return_url, cancel_url, openid, digest, handle, state, expires_at, created_at)
        values (${newId()}, ${t.provider}, ${t.merchantId}, ${t.appId}, ${t.outTradeNo}, ${t.tradeType}, ${t.description}, ${t.amountFen},
          ${t.notifyUrl}, ${t.returnUrl}, ${t.cancelUrl}, ${t.openid}, ${t.digest}, ${t.handle}, 'open', ${t.expiresAt}, ${clock.now()})
        on conflict (provider, merchant_id, out_trade_no) do nothing returning *`);
      if (inserted) return { trade: inserted, created: true };
      return { trade: (await this.byNo(t.provider, t.merchantId, t.outTradeNo))!, created: false };
    },

    /** Open (and not expired) → closed. */
    async close(id: string): Promise<void> {
      await db.run((q) => q.execute(sql`update payment_sim_trades set state = 'closed' where id = ${id} and state = 'open'`));
    },

    /** Open and not expired → paid, once. */
    markPaid: (q: Q, id: string, paid: { transactionId: string; payerId: string }) =>
      one(sql`update payment_sim_trades set state = 'paid', transaction_id = ${paid.transactionId}, payer_id = ${paid.payerId}, paid_at = ${clock.now()}
        where id = ${id} and state = 'open' and expires_at > ${clock.now()} returning *`, q),

    /** Takes `amount` out of what is left to refund, or null when that would exceed the payment. */
    reserveRefund: (q: Q, id: string, amountFen: number) =>
      one(sql`update payment_sim_trades set refunded_fen = refunded_fen + ${amountFen}
        where id = ${id} and state = 'paid' and refunded_fen + ${amountFen} <= amount_fen returning *`, q),

    async refundByNo(provider: TPayProvider, merchantId: string, refundNo: string): Promise<SimRefund | null> {
      const [r] = await db.rows<RefundRow>(sql`select * from payment_sim_refunds where provider = ${provider} and merchant_id = ${merchantId} and refund_no = ${refundNo}`);
      return r ? toRefund(r) : null;
    },

    async insertRefund(q: Q, r: { provider: TPayProvider; merchantId: string; tradeId: string; refundNo: string; refundId: string; amountFen: number }): Promise<SimRefund> {
      const now = clock.now();
      const [row] = await db.rows<RefundRow>(sql`insert into payment_sim_refunds (id, provider, merchant_id, trade_id, refund_no, refund_id, amount_fen, status, created_at, success_at)
        values (${newId()}, ${r.provider}, ${r.merchantId}, ${r.tradeId}, ${r.refundNo}, ${r.refundId}, ${r.amountFen}, 'succeeded', ${now}, ${now}) returning *`, q);
      return toRefund(row!);
    },
  };
}
export type SimTrades = ReturnType<typeof simTrades>;
