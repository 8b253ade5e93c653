import { and, asc, eq, lt } from 'drizzle-orm';
import type { TReturnAddress, TShipBackInput } from '@koi/contracts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { afterSales } from './aftersale.tables.ts';
import { linesOf, loadAfterSale, type AfterSaleContext } from './context.ts';
import { move } from './move.ts';
import { startRefund } from './refunds.ts';

/** The shopper's and the merchant's moves; each one transaction, refunds started after it commits. */
export function createOperations(ctx: AfterSaleContext) {
  const { db } = ctx;

  async function approve(id: string, actor: 'merchant' | 'system', returnAddress?: TReturnAddress): Promise<void> {
    const kind = await db.tx(async (q) => {
      const row = await loadAfterSale(q, id);
      let address: TReturnAddress | null = null;
      if (row.kind !== 'refund_only') {
        address = returnAddress ?? (await ctx.settings.get(q)).returnAddress;
        if (!address) throw new KoiError('aftersale.return_address_required');
      }
      await move(q, row, actor === 'merchant' ? 'approve' : 'auto_approve', actor, { returnAddress: address },
        actor === 'system' ? '商家未在期限内处理，系统自动同意' : '商家同意');
      return row.kind;
    });
    if (kind === 'refund_only') await startRefund(ctx, id, 'system');
  }

  return {
    approve: (id: string, returnAddress?: TReturnAddress) => approve(id, 'merchant', returnAddress),

    reject: (id: string, reason: string) => db.tx(async (q) => {
      await move(q, await loadAfterSale(q, id), 'reject', 'merchant', { rejectReason: reason }, reason);
    }),

    withdraw: (id: string, customerId: string) => db.tx(async (q) => {
      await move(q, await loadAfterSale(q, id, customerId), 'withdraw', 'shopper', {}, '买家撤销申请');
    }),

    shipBack: (id: string, customerId: string, input: TShipBackInput) => db.tx(async (q) => {
      await move(q, await loadAfterSale(q, id, customerId), 'ship_back', 'shopper',
        { returnCourier: input.courier, returnTrackingNo: input.trackingNo }, `${input.courier} ${input.trackingNo}`);
    }),

    /** The parcel came back: restock if asked, then a return's refund starts. */
    async receive(id: string, restock: boolean): Promise<void> {
      const kind = await db.tx(async (q) => {
        const row = await loadAfterSale(q, id);
        await move(q, row, 'receive', 'merchant', { restocked: restock }, restock ? '商家确认收货并入库' : '商家确认收货');
        if (restock) await ctx.inventory.restock(q, (await linesOf(q, id)).map((l) => ({ skuId: l.skuId, qty: l.quantity })));
        return row.kind;
      });
      if (kind === 'return_refund') await startRefund(ctx, id, 'system');
    },

    /** Starts a refund that failed (or never started) again. */
    refund: (id: string) => startRefund(ctx, id, 'merchant'),

    reship: (id: string, input: TShipBackInput) => db.tx(async (q) => {
      await move(q, await loadAfterSale(q, id), 'reship', 'merchant',
        { reshipCourier: input.courier, reshipTrackingNo: input.trackingNo }, `${input.courier} ${input.trackingNo}`);
    }),

    confirmExchange: (id: string, customerId: string) => db.tx(async (q) => {
      await move(q, await loadAfterSale(q, id, customerId), 'confirm_exchange', 'shopper', {}, '买家确认收到换货');
    }),

    /**
     * Requests the merchant left past their deadline are approved automatically (the every-minute
     * job). A return with no default return address cannot be approved and waits, logged.
     */
    async autoApproveDue(limit = 100): Promise<number> {
      const due = await db.run((q) => q.select({ id: afterSales.id }).from(afterSales)
        .where(and(eq(afterSales.status, 'requested'), lt(afterSales.merchantDeadline, clock.now()))).orderBy(asc(afterSales.merchantDeadline)).limit(limit));
      let n = 0;
      for (const { id } of due) {
        try {
          await approve(id, 'system');
          n++;
        } catch (err) {
          if (!(err instanceof KoiError)) throw err;
          ctx.log.warn({ afterSaleId: id, code: err.code }, 'after-sale past its deadline not approved automatically');
        }
      }
      return n;
    },
  };
}
export type AfterSaleOperations = ReturnType<typeof createOperations>;
