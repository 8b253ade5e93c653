import { and, desc, eq, sql } from 'drizzle-orm';
import type { TIntentState, TPayChannel, TPayProvider, TPaymentIntent, TPaymentRefund, TPayAction } from '@koi/contracts';
import type { Config } from '../../platform/config.ts';
import type { Db, Q } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { paymentIntents, paymentRefunds } from './payment.tables.ts';
import type { PaymentProvider } from './providers/provider.ts';
import type { IntentFacts } from './intent.rules.ts';

/** What every use case of the module works with. */
export type PaymentContext = {
  db: Db;
  log: Logger;
  config: Config;
  providers: () => Promise<Record<TPayProvider, PaymentProvider>>;
};

export type Intent = typeof paymentIntents.$inferSelect & { provider: TPayProvider; channel: TPayChannel; state: TIntentState };
export type Refund = typeof paymentRefunds.$inferSelect;

export const notifyUrl = (config: Config, provider: TPayProvider) => `${config.publicUrl}/api/payment/notify/${provider}`;

/** Runs in the caller's transaction when there is one, else in a new one. */
export const inTx = <T>(db: Db, q: Q | undefined, fn: (q: Q) => Promise<T>): Promise<T> => (q ? fn(q) : db.tx(fn));

const asIntent = (r: typeof paymentIntents.$inferSelect) => r as Intent;

export function intentStore(db: Db) {
  const read = <T>(q: Q | undefined, fn: (q: Q) => Promise<T>) => (q ? fn(q) : db.run(fn));
  return {
    async ofPayable(payableType: string, payableId: string, q?: Q): Promise<Intent[]> {
      const rows = await read(q, (r) => r.select().from(paymentIntents)
        .where(and(eq(paymentIntents.payableType, payableType), eq(paymentIntents.payableId, payableId))).orderBy(paymentIntents.seq));
      return rows.map(asIntent);
    },
    async byId(id: string, q?: Q): Promise<Intent | null> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
      const [row] = await read(q, (r) => r.select().from(paymentIntents).where(eq(paymentIntents.id, id)));
      return row ? asIntent(row) : null;
    },
    async byTrade(provider: TPayProvider, outTradeNo: string, q?: Q): Promise<Intent | null> {
      const [row] = await read(q, (r) => r.select().from(paymentIntents).where(and(eq(paymentIntents.provider, provider), eq(paymentIntents.outTradeNo, outTradeNo))));
      return row ? asIntent(row) : null;
    },
    /** Null when the payable's `seq` or the trade number is taken (a concurrent start, or a caller's mistake). */
    async insert(q: Q, values: typeof paymentIntents.$inferInsert): Promise<Intent | null> {
      const [row] = await q.insert(paymentIntents).values(values).onConflictDoNothing().returning();
      return row ? asIntent(row) : null;
    },
    /** open → closed; false when it was not open any more. */
    async markClosed(id: string, q?: Q): Promise<boolean> {
      const now = clock.now();
      const rows = await read(q, (r) => r.update(paymentIntents).set({ state: 'closed', closedAt: now, updatedAt: now })
        .where(and(eq(paymentIntents.id, id), eq(paymentIntents.state, 'open'))).returning({ id: paymentIntents.id }));
      return rows.length > 0;
    },
    async refunds(intentIds: string[]): Promise<Refund[]> {
      if (!intentIds.length) return [];
      return db.run((r) => r.select().from(paymentRefunds).where(sql`${paymentRefunds.intentId} in ${intentIds}`).orderBy(desc(paymentRefunds.createdAt)));
    },
  };
}
export type IntentStore = ReturnType<typeof intentStore>;

export function factsOf(i: Intent): IntentFacts {
  return { id: i.id, seq: i.seq, channel: i.channel, amountFen: i.amountFen, openid: i.openid, state: i.state, expiresAt: i.expiresAt };
}

export function intentView(i: Intent): TPaymentIntent {
  return {
    intentId: i.id, payableType: i.payableType, payableId: i.payableId, provider: i.provider, channel: i.channel, outTradeNo: i.outTradeNo,
    amountFen: i.amountFen, state: i.state, transactionId: i.transactionId, paidAt: i.paidAt?.toISOString() ?? null, refundedFen: i.refundedFen,
    createdAt: i.createdAt.toISOString(),
  };
}

export function refundView(r: Refund): TPaymentRefund {
  return {
    refundId: r.id, refundNo: r.refundNo, intentId: r.intentId, amountFen: r.amountFen, reason: r.reason, status: r.status as TPaymentRefund['status'],
    failureReason: r.failureReason, createdAt: r.createdAt.toISOString(), settledAt: r.settledAt?.toISOString() ?? null,
  };
}

export type StartResult = { intentId: string; channel: TPayChannel; action: TPayAction };
