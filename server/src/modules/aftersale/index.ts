import { AFTERSALE_KINDS, AFTERSALE_STATUSES, PaymentEvents, type TAfterSaleApplyInput, type TAfterSaleQuoteInput, type TPaymentRefundEvent, type TPaymentRefundFailedEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { App } from '../../platform/http.ts';
import type { Catalog } from '../catalog/index.ts';
import { validateMachine } from './aftersale-state.rules.ts';
import { createSettings } from './settings.ts';
import { apply, quote } from './apply.ts';
import { createOperations } from './operations.ts';
import { onRefundFailed, onRefundSucceeded } from './refunds.ts';
import { createViews } from './views.ts';
import { slotsOf } from './slots.ts';
import { registerShopAfterSaleRoutes } from './aftersale.routes.shop.ts';
import { registerAdminAfterSaleRoutes } from './aftersale.routes.admin.ts';
import { registerAfterSalePhotoRoute } from './photo.routes.shop.ts';
import type { AfterSaleContext } from './context.ts';
import './aftersale.errors.ts';

export { AfterSaleErrors } from './aftersale.errors.ts';
export { REFUND_PREFIX } from './refunds.ts';
export { createAfterSaleCustomerMerge, type AfterSaleCustomerMerge } from './customer-merge.ts';

const AUTO_APPROVE_QUEUE = 'aftersale.auto-approve';

type Deps = Omit<AfterSaleContext, 'settings'> & { bus: EventBus; jobs: Jobs; catalog: Pick<Catalog, 'media'>; log: Logger; db: Db };

/**
 * After-sales (售后): refund only, return and refund, exchange, per order line and quantity.
 * Amounts come from the lines' allocations (refund-amount.rules.ts); refunds go through the
 * payment module by refund number `AS…` and end on its `payment.refund_succeeded`; publishes
 * `aftersale.requested` and `aftersale.refunded`. An order refunded in full closes.
 */
export function createAfterSales(deps: Deps) {
  validateMachine(AFTERSALE_STATUSES, AFTERSALE_KINDS);
  const settings = createSettings(deps.db);
  const ctx: AfterSaleContext = { db: deps.db, log: deps.log, orders: deps.orders, payment: deps.payment, inventory: deps.inventory, promotion: deps.promotion, wallet: deps.wallet, settings };
  const ops = createOperations(ctx);
  const views = createViews(ctx);

  deps.bus.subscribe(PaymentEvents.refundSucceeded, 'aftersale.refund-succeeded', async (event, q) => {
    await onRefundSucceeded(ctx, q, event.payload as TPaymentRefundEvent);
  });
  deps.bus.subscribe(PaymentEvents.refundFailed, 'aftersale.refund-failed', async (event, q) => {
    await onRefundFailed(ctx, q, event.payload as TPaymentRefundFailedEvent);
  });
  deps.jobs.define(AUTO_APPROVE_QUEUE, { retryLimit: 2, expireInSeconds: 300 }, async () => {
    const n = await ops.autoApproveDue();
    if (n) deps.log.info({ approved: n }, 'after-sales approved automatically past the merchant deadline');
  });

  const service = {
    settings,
    ops,
    views,
    quote: (customerId: string, input: TAfterSaleQuoteInput) => quote(ctx, customerId, input),
    apply: (customerId: string, input: TAfterSaleApplyInput) => apply(ctx, customerId, { ...input, description: input.description ?? '', photos: input.photos ?? [] }),
    /** Units per order line held by after-sales (open requests and refunds): shipping leaves them out. */
    async withheldUnits(orderId: string, q?: Q): Promise<Map<string, number>> {
      const { lines } = await deps.db.run((x) => slotsOf(x, orderId), q);
      return new Map([...lines].map(([lineId, r]) => [lineId, r.heldQty]));
    },
    /** Every minute: requests past the merchant's deadline are approved. Call after the job queue started. */
    async schedule(): Promise<void> {
      await deps.jobs.schedule(AUTO_APPROVE_QUEUE, '* * * * *');
    },
    registerRoutes(app: App) {
      registerShopAfterSaleRoutes(app, { db: deps.db, service });
      registerAdminAfterSaleRoutes(app, service);
      registerAfterSalePhotoRoute(app, deps.catalog);
    },
  };
  return service;
}
export type AfterSaleService = ReturnType<typeof createAfterSales>;
