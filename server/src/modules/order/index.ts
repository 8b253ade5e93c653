import type { TCheckoutInput, TCheckoutPreview, TPayChannel } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { App } from '../../platform/http.ts';
import { KoiError, type Lang } from '../../platform/errors.ts';
import type { Catalog } from '../catalog/index.ts';
import type { InventoryService } from '../inventory/index.ts';
import type { CartService } from '../cart/index.ts';
import { checkoutDraft, draftGiftLines, draftLines } from './checkout-draft.ts';
import { placeOrder } from './place-order.ts';
import { placeExchangeOrder } from './place-exchange-order.ts';
import { createLifecycle } from './lifecycle.ts';
import { createOrderQueries } from './order-queries.ts';
import { createAdminOps } from './admin-ops.ts';
import { registerShopOrderRoutes } from './order.routes.shop.ts';
import { registerAdminOrderRoutes } from './order.routes.admin.ts';
import type { OrderPorts } from './ports.ts';
import './order.errors.ts';

export type { OrderPorts, PriceQuote, LineQuote, PricingPort, DeliveryPort, LocalOffer, LoyaltyPort, LoyaltyChoice, QuoteGift } from './ports.ts';
export type { LineDiscount } from './order.tables.ts';
/** For after-sales (issue 8): a line refund's balance part (→ loyalty.wallet.refundToBalance) and provider part. */
export { splitLineRefund, type LineMoney } from './balance-refund.rules.ts';
/** PIPL (customer module's privacy link): the customer's orders for their download; erasure of personal fields. */
export { orderCustomerData } from './customer-data.ts';
export { eraseOrderCustomer } from './erase-customer.ts';

const CLOSE_QUEUE = 'order.close-overdue';

type Deps = {
  db: Db; log: Logger; jobs: Jobs; bus: EventBus; catalog: Catalog; inventory: InventoryService; cart: CartService;
  payMinutes: number; publicUrl: string; staffName: (staffId: string) => Promise<string>;
};

/**
 * Checkout and orders. Other modules come in through `ports` (bound in app.ts), which may be set
 * after construction because cart and order need each other (the cart asks for purchase counts).
 */
export function createOrders(deps: Deps) {
  const { db, log, jobs, catalog, inventory, cart } = deps;
  let bound: OrderPorts | null = null;
  const ports = new Proxy({} as OrderPorts, {
    get: (_t, key: keyof OrderPorts) => {
      if (!bound) throw new Error('order ports not bound');
      return bound[key];
    },
  });
  const queries = createOrderQueries(db);
  const lifecycle = createLifecycle({ db, log, inventory, ports });
  const admin = createAdminOps({ db, queries, ports });
  const draftDeps = { catalog, cart, ports, purchased: (c: string, p: string[]) => queries.purchased(c, p) };

  jobs.define(CLOSE_QUEUE, { retryLimit: 2, expireInSeconds: 300 }, async () => {
    const n = await lifecycle.closeOverdue();
    if (n) log.info({ closed: n }, 'closed unpaid orders past their deadline');
  });

  const service = {
    queries,
    lifecycle,
    admin,
    bind(p: OrderPorts) { bound = p; },
    purchased: queries.purchased,
    hasOrdered: (customerId: string) => queries.hasOrdered(customerId),

    async preview(customerId: string, input: TCheckoutInput, lang: Lang): Promise<TCheckoutPreview> {
      const d = await checkoutDraft(draftDeps, customerId, input, lang);
      const q = d.quote;
      return {
        lines: draftLines(d), address: d.address, coupons: q.coupons, chosenCouponIds: q.chosenCouponIds,
        itemsTotalFen: q.itemsTotalFen, promotionDiscountFen: q.promotionDiscountFen, couponDiscountFen: q.couponDiscountFen,
        shippingFen: q.shippingFen, shippingDiscountFen: q.shippingDiscountFen, payableFen: q.payableFen,
        applied: q.applied, notApplied: q.notApplied, canSubmit: d.blockers.length === 0,
        blockers: d.blockers.map((b) => ({ code: b.error.code, message: b.error.localized(lang), lineId: b.lineId })),
        delivery: d.delivery.preview,
        points: q.points, balance: q.balance, pointsFen: q.pointsFen, balanceFen: q.balanceFen, cashPayableFen: q.payableFen - q.balanceFen,
        gifts: draftGiftLines(d),
      };
    },

    /**
     * Places the order. When the server picked the coupon (the shopper chose none explicitly) and
     * another checkout of the same shopper froze it first, it prices again without that coupon
     * rather than refusing: the shopper asked for the best price, not for that coupon.
     */
    async submit(customerId: string, input: TCheckoutInput, lang: Lang): Promise<string> {
      for (let attempt = 1; ; attempt++) {
        const d = await checkoutDraft(draftDeps, customerId, input, lang);
        try {
          return await placeOrder({ db, inventory, cart, ports, payMinutes: deps.payMinutes }, d, input.remark ?? '', lifecycle.markPaid);
        } catch (e) {
          const autoPicked = input.couponIds === undefined && e instanceof KoiError && e.code === 'promotion.coupon_unavailable';
          if (!autoPicked || attempt >= 3) throw e;
        }
      }
    },

    /** Pay or pay again: a fresh payment action from the provider for what the order asks now. */
    async pay(orderId: string, customerId: string, channel: TPayChannel, clientIp: string, returnUrl?: string) {
      const { order, lines } = await queries.one(orderId, customerId);
      if (order.status !== 'pending_payment') {
        if (order.status === 'paid' && order.payableFen - order.balanceFen === 0) return { kind: 'none' as const };
        throw new KoiError('order.not_pending');
      }
      const first = lines[0]?.title ?? '';
      const description = (lines.length > 1 ? `${first} 等${lines.length}件商品` : first).slice(0, 120);
      return ports.payment.start({
        // The balance part is already held: the provider collects only the rest.
        orderId, orderNo: order.orderNo, amountFen: order.payableFen - order.balanceFen, description, channel, customerId, clientIp,
        expiresAt: order.payDeadline ?? new Date(), returnUrl,
      });
    },

    /** A paid order for one unit already paid for elsewhere (积分商城), inside the caller's transaction; see place-exchange-order.ts. */
    placeExchangeOrder: (q: Q, input: { customerId: string; skuId: string; addressId: string; ref: string; label: string }) =>
      placeExchangeOrder({ db, catalog, inventory, ports }, lifecycle.markPaid, q, input),

    async cancel(orderId: string, customerId: string): Promise<void> {
      if (!(await lifecycle.close(orderId, 'buyer_cancelled', { customerId }))) throw new KoiError('order.not_pending');
    },

    async closeByMerchant(orderId: string, reason: string): Promise<void> {
      if (!(await lifecycle.close(orderId, 'merchant_closed'))) throw new KoiError('order.not_pending');
      if (reason) await admin.remark(orderId, `关闭原因：${reason}`);
    },

    /** Registers the every-minute sweep of unpaid orders; call after the job queue started. */
    async schedule(): Promise<void> {
      await jobs.schedule(CLOSE_QUEUE, '* * * * *');
    },

    registerRoutes(app: App) {
      registerShopOrderRoutes(app, { db, service, publicUrl: deps.publicUrl });
      registerAdminOrderRoutes(app, { service, staffName: deps.staffName });
    },
  };
  return service;
}
export type OrderService = ReturnType<typeof createOrders>;
export { createOrderCustomerFacts, type OrderCustomerFacts } from './customer-merge.ts';
