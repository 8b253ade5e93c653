import type { TPayProvider, TPaymentIntent, TPaymentRefund } from '@koi/contracts';
import type { Config } from '../../platform/config.ts';
import type { Db, Q } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { App } from '../../platform/http.ts';
import { intentStore, intentView, refundView, type PaymentContext, type StartResult } from './intents.ts';
import { startPayment, type StartPaymentInput } from './start-payment.ts';
import { closePayable, queryAndSync } from './close-payable.ts';
import { refund, syncRefund, syncStaleRefunds, type RefundInput } from './refund.ts';
import { registerNotifyRoutes } from './notify.routes.ts';
import { lazy, liveKeys, simulatorKeys, type PaymentKeys } from './providers/keys.ts';
import { koiWire } from './providers/wire.ts';
import { wechatpayProvider } from './providers/wechatpay.ts';
import { alipayProvider } from './providers/alipay.ts';
import type { PaymentProvider } from './providers/provider.ts';
import { createSimulators, type Simulators } from './providers/simulators.ts';
import './payment.errors.ts';

export type { StartPaymentInput } from './start-payment.ts';
export type { RefundInput } from './refund.ts';
export { PaymentErrors } from './payment.errors.ts';

const SWEEP_QUEUE = 'payment.sweep';

/**
 * Payments, provider-neutral: WeChat Pay API v3 (JSAPI, H5, Native) and Alipay (WAP, page), each a
 * real-protocol client, with local simulators of both in demo mode and tests.
 *
 * What the order module uses:
 * - `startPayment(undefined, input)` → `{ intentId, channel, action }`. Pay again with the same
 *   channel and amount reuses the open intent; a new amount (改价) or channel closes the old trade
 *   first and opens `outTradeNo_2`, `_3`…; refuses an amount ≤ 0 (`payment.amount_invalid`: zero
 *   orders skip payment), an expired deadline, and a payable already paid (409).
 * - `closePayable(type, id)` when the order closes. A trade found paid while closing is recorded
 *   as paid instead, and its `payment.succeeded` follows.
 * - `refund({ payableType, payableId, refundNo, amountFen, reason, intentId? })`, idempotent by
 *   `refundNo`, never beyond what was paid (race-safe); ends in `payment.refund_succeeded` or
 *   `payment.refund_failed`.
 * - `queryAndSync(intentId)`: asks the provider, applies the answer (when a callback never came).
 * - events: `payment.succeeded` (exactly once per intent), `payment.refund_succeeded`, `payment.refund_failed`.
 *
 * A payment that arrives for a closed order (the shopper paid just as it closed, or an old trade of
 * a 改价'd order) is still recorded and published: money received is never ignored. Deciding what
 * to do with it is the order module's job — it refunds in full with `refund({ intentId, … })`.
 *
 * These calls talk to the provider. Prefer calling them outside a transaction; inside one (an
 * event subscriber), they join it, and the simulators' own writes join it too (see providers/wire.ts).
 */
export function createPayment(deps: { db: Db; config: Config; log: Logger; jobs: Jobs }) {
  const { db, config, log, jobs } = deps;
  let app: App | null = null;
  const wire = koiWire(config.publicUrl, () => app);
  const simulated = config.providers === 'simulator';
  // Live keys are read at boot, so a wrong path stops it with the file's name; simulator keys on first use.
  const live = simulated ? null : liveKeys(config);
  const keys = lazy<PaymentKeys>(() => (live ? Promise.resolve(live) : simulatorKeys(db, config, config.publicUrl)));
  const providers = lazy<Record<TPayProvider, PaymentProvider>>(async () => {
    const k = await keys();
    return {
      wechatpay: wechatpayProvider(k.wechatpay, wire, simulated ? { cashierBase: `${config.publicUrl}/sim/wechatpay` } : {}),
      alipay: alipayProvider(k.alipay, wire),
    };
  });
  const ctx: PaymentContext = { db, log, config, providers };
  const store = intentStore(db);
  const simulators: Simulators | null = simulated
    ? createSimulators({ db, jobs, log, wire, config, keys: async () => (await keys()).simulator! })
    : null;

  jobs.define(SWEEP_QUEUE, { retryLimit: 1, expireInSeconds: 120 }, async () => {
    await syncStaleRefunds(ctx);
    await simulators?.notifications.runDue();
  });

  return {
    startPayment: (q: Q | undefined, input: StartPaymentInput): Promise<StartResult> => startPayment(ctx, q, input),
    /** Closes the payable's open trades at their providers (see `paymentsOf` for how each ended). */
    closePayable: async (payableType: string, payableId: string): Promise<void> => {
      await closePayable(ctx, payableType, payableId);
    },
    refund: (input: RefundInput) => refund(ctx, input),
    queryAndSync: (intentId: string): Promise<TPaymentIntent> => queryAndSync(ctx, intentId),
    /** Asks the provider how a processing refund ended (the sweep does this every minute). */
    syncRefund: (refundId: string) => syncRefund(ctx, refundId),
    /** The payable's intents, oldest first, and their refunds, newest first (order detail, admin). */
    async paymentsOf(payableType: string, payableId: string): Promise<{ intents: TPaymentIntent[]; refunds: TPaymentRefund[] }> {
      const intents = await store.ofPayable(payableType, payableId);
      return { intents: intents.map(intentView), refunds: (await store.refunds(intents.map((i) => i.id))).map(refundView) };
    },
    /** Demo mode and tests only: the simulated providers (cashier actions, owed callbacks). */
    simulators,
    /** Every minute: processing refunds are asked about; due simulator callbacks are delivered. */
    async schedule(): Promise<void> {
      await jobs.schedule(SWEEP_QUEUE, '* * * * *');
    },
    registerRoutes(target: App): void {
      app = target;
      registerNotifyRoutes(target, ctx);
      simulators?.registerRoutes(target);
    },
  };
}
export type PaymentService = ReturnType<typeof createPayment>;
