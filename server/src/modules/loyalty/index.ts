import {
  AfterSaleEvents, OrderEvents, PaymentEvents,
  type TAfterSaleRefundedEvent, type TOrderCompletedEvent, type TOrderPaidEvent, type TPaymentSucceededEvent,
} from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { App } from '../../platform/http.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { PaymentService } from '../payment/index.ts';
import type { Identity } from '../identity/index.ts';
import { createLoyaltyConfig } from './loyalty-config.ts';
import { createPoints } from './points.ts';
import { createWallet } from './wallet.ts';
import { createMembers } from './members.ts';
import { createOrderPoints } from './order-points.ts';
import { createRecharges, type RechargePayments } from './recharges.ts';
import { createLoyaltyQueries } from './loyalty-queries.ts';
import { createCardPlans } from './paid-card-plans.ts';
import { CARD_PAYABLE, createPaidCards, type CardPayments } from './paid-card.ts';
import { createMemberBenefits } from './member-benefits.ts';
import { registerShopCardRoutes } from './paid-card.routes.shop.ts';
import { registerAdminCardRoutes } from './paid-card.routes.admin.ts';
import { findDrift, runLedgerCheck } from './ledger-check.ts';
import { balancesOf } from './ledger.ts';
import { DEFAULT_REDEEM, type RedeemRule } from './points.rules.ts';
import { registerShopLoyaltyRoutes } from './loyalty.routes.shop.ts';
import { registerAdminLoyaltyRoutes } from './loyalty.routes.admin.ts';
import { setupPointsEarn } from './points-earn-jobs.ts';
import './loyalty.errors.ts';

export { LoyaltyErrors } from './loyalty.errors.ts';
export { LoyaltyEvents, isImmediateUpgrade, type LevelChanged } from './members.ts';
export { loyaltyCustomerData } from './customer-data.ts';

const EXPIRE_QUEUE = 'loyalty.points-expire';
const REVIEW_QUEUE = 'loyalty.level-review';
const CHECK_QUEUE = 'loyalty.ledger-check';

type Deps = { db: Db; log: Logger; jobs: Jobs; bus: EventBus; payment: PaymentService; identity: Pick<Identity, 'contactsOf' | 'loginCount'>; publicUrl: string;
  /** The customer module's birthdays (生日积分). */
  customer: { birthdaysOn(monthDay: string, after: string | null, limit: number): Promise<string[]> } };

/**
 * Loyalty (issue 8, first slice): the points and stored-value double-entry ledgers, sign-in,
 * growth and membership levels, recharge packages paid through the payment module.
 *
 * What checkout will use, inside its own transaction `q` (each idempotent by the order's ref):
 * - `points.freeze(q, { customerId, ref, amount })` / `points.consume(q, ref)` / `points.release(q, ref)`;
 * - `wallet.freeze(q, { customerId, ref, amountFen })` / `wallet.consume(q, ref)` / `wallet.release(q, ref)`;
 * - `wallet.refundToBalance(q, { ref, refundKey, amountFen })` for 退回余额;
 * - `benefitsOf(customerId, now)` for the effective member benefits (level, paid card 付费会员, member
 *   day 会员日: best of each), which the checkout link turns into the engine's member kinds.
 * It reacts to `order.paid`, `order.completed`, `aftersale.refunded` and `payment.succeeded` (recharges, cards).
 */
export function createLoyalty(deps: Deps) {
  const { db, log, jobs, bus } = deps;
  const config = createLoyaltyConfig(db);
  const points = createPoints(db);
  const wallet = createWallet(db);
  const members = createMembers(db, config, points);
  const plans = createCardPlans(db);
  const cardPayments: CardPayments = {
    async start(input) {
      const openid = input.channel === 'wechat_jsapi' ? (await deps.identity.contactsOf(input.customerId)).mpOpenid ?? undefined : undefined;
      const started = await deps.payment.startPayment(undefined, {
        payableType: CARD_PAYABLE, payableId: input.purchaseId, outTradeNo: input.purchaseNo, amountFen: input.amountFen, description: input.description,
        channel: input.channel, openid, clientIp: input.clientIp, expiresAt: input.expiresAt, returnUrl: input.returnUrl,
      });
      return started.action;
    },
    async refundDuplicate({ intentId, purchaseId, amountFen }) {
      await deps.payment.refund({ intentId, payableType: CARD_PAYABLE, payableId: purchaseId, refundNo: `dup-${intentId}`, amountFen, reason: '会员卡已支付，重复付款原路退回' });
    },
  };
  const cards = createPaidCards(db, { plans, log, payments: () => cardPayments });
  const benefits = createMemberBenefits({ config, members, plans, cards });
  const orderPoints = createOrderPoints(db, { config, points, members, benefits });
  const payments: RechargePayments = {
    async start(input) {
      const openid = input.channel === 'wechat_jsapi' ? (await deps.identity.contactsOf(input.customerId)).mpOpenid ?? undefined : undefined;
      const started = await deps.payment.startPayment(undefined, {
        payableType: 'recharge', payableId: input.rechargeId, outTradeNo: input.rechargeNo, amountFen: input.amountFen, description: input.description,
        channel: input.channel, openid, clientIp: input.clientIp, expiresAt: input.expiresAt, returnUrl: input.returnUrl,
      });
      return started.action;
    },
    async refundDuplicate({ intentId, rechargeId, amountFen }) {
      await deps.payment.refund({ intentId, payableType: 'recharge', payableId: rechargeId, refundNo: `dup-${intentId}`, amountFen, reason: '充值单已支付，重复付款原路退回' });
    },
  };
  const recharges = createRecharges(db, { config, log, payments: () => payments });
  const queries = createLoyaltyQueries(db, { config, members });
  const earnRules = setupPointsEarn({ db, log, jobs, bus, config, points, members, ports: { birthdaysOn: deps.customer.birthdaysOn, loginCount: deps.identity.loginCount } });

  bus.subscribe(OrderEvents.paid, 'loyalty.order-paid', (e, q) => orderPoints.onPaid(q, e.payload as TOrderPaidEvent));
  bus.subscribe(OrderEvents.completed, 'loyalty.order-completed', (e, q) => orderPoints.onCompleted(q, e.payload as TOrderCompletedEvent));
  bus.subscribe(AfterSaleEvents.refunded, 'loyalty.aftersale-refunded', (e, q) => orderPoints.onRefunded(q, e.payload as TAfterSaleRefundedEvent));
  bus.subscribe(PaymentEvents.succeeded, 'loyalty.recharge-paid', async (e, q) => {
    const p = e.payload as TPaymentSucceededEvent;
    if (p.payableType === 'recharge') await recharges.onPaid(q, p);
    if (p.payableType === CARD_PAYABLE) await cards.onPaid(q, p);
  });

  jobs.define(EXPIRE_QUEUE, { retryLimit: 3, expireInSeconds: 600 }, async () => {
    const n = await points.expireDue(clock.now());
    if (n) log.info({ points: n }, 'loyalty points expired');
  });
  jobs.define(REVIEW_QUEUE, { retryLimit: 3, expireInSeconds: 1800 }, async () => {
    const changes = await members.review(clock.now());
    log.info({ changes: changes.length }, 'loyalty level review');
  });
  jobs.define(CHECK_QUEUE, { retryLimit: 1, expireInSeconds: 1800 }, async () => { await runLedgerCheck(db, log); });

  /** Manual points adjustment, audited: the staff member and the reason are kept on the entry. */
  async function adjust(customerId: string, delta: number, reason: string, staffId: string): Promise<{ balance: number }> {
    return db.tx(async (q) => {
      await members.ensure(q, customerId);
      const settings = await config.settings(q);
      const key = `adjust:${newId()}`;
      if (delta > 0) {
        await points.earn(q, { customerId, key, kind: 'adjust', amount: delta, memo: '人工调整', expiry: settings.points.expiry, from: 'points_adjusted', staffId, reason });
      } else {
        await points.debit(q, { customerId, key, kind: 'adjust', amount: -delta, memo: '人工调整', to: 'points_adjusted', staffId, reason });
      }
      return { balance: await points.balance(customerId, q) };
    });
  }

  return {
    config,
    points,
    wallet,
    members,
    orderPoints,
    recharges,
    plans,
    cards,
    /** The effective member benefits at `now` (level, paid card, member day): checkout prices with them. */
    benefitsOf: benefits.benefitsOf,
    queries,
    adjust,
    /** 生日积分 / 完善资料 / 评价积分 and the expiry reminder (points-earn-jobs.ts). */
    earnRules,
    /** What checkout offers (issue 8): the points and balance the customer can spend now, and the merchant's redeem rule. */
    async forCheckout(customerId: string, q?: Q): Promise<{ points: number; walletFen: number; redeem: RedeemRule }> {
      const [bal, settings] = [await balancesOf(db, customerId, q), await config.settings(q)];
      return { points: bal.points, walletFen: bal.wallet_principal + bal.wallet_bonus, redeem: settings.points.redeem ?? DEFAULT_REDEEM };
    },
    /** The ledger invariants over the whole database: an empty list when all hold. */
    findDrift: () => findDrift(db),
    runLedgerCheck: () => runLedgerCheck(db, log),
    /** Points expiry daily at 00:30, the level review on the 1st of each month, the ledger check nightly. */
    async schedule(): Promise<void> {
      await jobs.schedule(EXPIRE_QUEUE, '30 0 * * *');
      await jobs.schedule(REVIEW_QUEUE, '0 3 1 * *');
      await jobs.schedule(CHECK_QUEUE, '40 3 * * *');
      await earnRules.schedule();
    },
    registerRoutes(app: App) {
      earnRules.registerRoutes(app);
      registerShopLoyaltyRoutes(app, { db, publicUrl: deps.publicUrl, config, queries, members, recharges });
      registerAdminLoyaltyRoutes(app, { config, queries, adjust, check: () => runLedgerCheck(db, log) });
      registerShopCardRoutes(app, { db, publicUrl: deps.publicUrl, benefits, cards });
      registerAdminCardRoutes(app, { plans });
    },
  };
}
export type LoyaltyService = ReturnType<typeof createLoyalty>;
export { createLoyaltyCustomerMerge, type LoyaltyCustomerMerge } from './customer-merge.ts';
