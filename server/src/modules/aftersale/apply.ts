import { randomInt } from 'node:crypto';
import { AfterSaleEvents, formatYuan, type TAfterSaleApplyInput, type TAfterSaleQuote, type TAfterSaleQuoteInput, type TAfterSaleRequestedEvent } from '@koi/contracts';
import type { Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import { allowedKinds } from './aftersale-state.rules.ts';
import { quoteAfterSale, splitAsked, type Quote } from './refund-amount.rules.ts';
import { asSlot, ensureSlots, moveSlot, slotsOf } from './slots.ts';
import { afterSaleLines, afterSales, afterSaleSteps } from './aftersale.tables.ts';
import type { AfterSaleContext, OrderData } from './context.ts';

/** AS + yyMMddHHmm (Asia/Shanghai) + 6 random digits. */
function newAfterSaleNo(now: Date): string {
  const d = new Date(now.getTime() + 8 * 3600_000).toISOString();
  const stamp = `${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}${d.slice(11, 13)}${d.slice(14, 16)}`;
  return `AS${stamp}${String(randomInt(1_000_000)).padStart(6, '0')}`;
}

async function checkOrder(ctx: AfterSaleContext, data: OrderData, kind: TAfterSaleQuoteInput['kind'], q?: Q) {
  const { order } = data;
  if (order.status === 'pending_payment') throw new KoiError('aftersale.order_not_paid');
  const settings = await ctx.settings.get(q);
  const { kinds, windowEndsAt } = allowedKinds({ status: order.status, completedAt: order.completedAt }, clock.now(), settings.requestWindowDays);
  if (!kinds.includes(kind)) {
    if (windowEndsAt && kinds.length === 0) throw new KoiError('aftersale.window_passed', { days: settings.requestWindowDays });
    throw new KoiError('aftersale.not_allowed');
  }
  return settings;
}

async function priced(q: Q, data: OrderData, input: TAfterSaleQuoteInput): Promise<Quote> {
  const { order, lines } = data;
  await ensureSlots(q, { orderId: order.id, payableFen: order.payableFen, lines });
  const slots = await slotsOf(q, order.id);
  const got = quoteAfterSale({
    orderStatus: order.status, kind: input.kind, items: input.items,
    slots: new Map([...slots.lines].map(([id, r]) => [id, asSlot(r)])),
    shipping: asSlot(slots.shipping!),
  });
  if (typeof got === 'string') throw new KoiError(got);
  return got;
}

/** The most the shopper can ask back for these units now (the apply page shows it). */
export async function quote(ctx: AfterSaleContext, customerId: string, input: TAfterSaleQuoteInput): Promise<TAfterSaleQuote> {
  const data = await ctx.orders.queries.one(input.orderId, customerId);
  await checkOrder(ctx, data, input.kind);
  const got = await ctx.db.tx((q) => priced(q, data, input));
  return { kind: input.kind, ...got };
}

class SlotRace extends Error {}

/**
 * Files a request: its units and fen are held on the order's slots in the same transaction, so
 * two requests for the same units at once end with one request (the other gets a 409).
 */
export async function apply(ctx: AfterSaleContext, customerId: string, input: TAfterSaleApplyInput & { description: string; photos: string[] }): Promise<string> {
  const data = await ctx.orders.queries.one(input.orderId, customerId);
  const settings = await checkOrder(ctx, data, input.kind);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.tx(async (q) => {
        const max = await priced(q, data, input);
        if (input.amountFen !== undefined && input.amountFen > max.maxAmountFen) throw new KoiError('aftersale.amount_exceeded', { max: formatYuan(max.maxAmountFen) });
        const asked = input.amountFen === undefined ? max : splitAsked(max, input.amountFen);
        const slots = await slotsOf(q, data.order.id);
        try {
          for (const l of asked.lines) await moveSlot(q, slots.lines.get(l.lineId)!, l.quantity, l.amountFen, 1);
          if (asked.shippingFen) await moveSlot(q, slots.shipping!, 1, asked.shippingFen, 1);
        } catch (e) {
          if (e instanceof KoiError && e.code === 'aftersale.quantity_exceeded') throw new SlotRace();
          throw e;
        }
        return insert(q, data, input, asked, settings.autoApproveHours, customerId);
      });
    } catch (e) {
      if (!(e instanceof SlotRace)) throw e;
      if (attempt >= 3) throw new KoiError('aftersale.quantity_exceeded');
    }
  }
}

async function insert(q: Q, data: OrderData, input: TAfterSaleApplyInput & { description: string; photos: string[] }, asked: Quote, hours: number, customerId: string): Promise<string> {
  const now = clock.now();
  const id = newId();
  const no = newAfterSaleNo(now);
  const { order, lines } = data;
  await q.insert(afterSales).values({
    id, afterSaleNo: no, orderId: order.id, orderNo: order.orderNo, customerId, kind: input.kind, status: 'requested',
    reason: input.reason, description: input.description, photos: input.photos, amountFen: asked.maxAmountFen, shippingFen: asked.shippingFen,
    orderShipped: order.status !== 'paid', merchantDeadline: new Date(now.getTime() + hours * 3600_000), createdAt: now, updatedAt: now,
  });
  const byId = new Map(lines.map((l) => [l.id, l]));
  await q.insert(afterSaleLines).values(asked.lines.map((l) => {
    const ol = byId.get(l.lineId)!;
    return { afterSaleId: id, lineId: l.lineId, skuId: ol.skuId, title: ol.title, specValues: ol.specValues, image: ol.image, quantity: l.quantity, amountFen: l.amountFen };
  }));
  await q.insert(afterSaleSteps).values({ id: newId(), afterSaleId: id, status: 'requested', actor: 'shopper', note: input.description.slice(0, 200), at: now });
  await publish<TAfterSaleRequestedEvent>(q, AfterSaleEvents.requested, {
    afterSaleId: id, afterSaleNo: no, orderId: order.id, orderNo: order.orderNo, customerId, kind: input.kind, at: now.toISOString(),
  });
  return id;
}
