import { sql } from 'drizzle-orm';
import { OrderEvents, type TOrderCreatedEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId, newOrderNo } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import type { InventoryService } from '../inventory/index.ts';
import { shopperOwner, type CartService } from '../cart/index.ts';
import type { CheckoutDraft } from './checkout-draft.ts';
import { draftLineBalances, draftLines } from './checkout-draft.ts';
import { orderLines, orders } from './order.tables.ts';
import type { OrderPorts } from './ports.ts';
import { placeGifts } from './place-gifts.ts';
import { claimFirstOrder, FIRST_ORDER_CODE } from './first-order-claim.ts';

export type PlaceDeps = { db: Db; inventory: InventoryService; cart: CartService; ports: OrderPorts; payMinutes: number };

/**
 * Writes an order from a draft in one transaction: the order and its lines (prices, discounts and
 * product data snapshotted), stock reserved with conditional updates, purchase limits counted with
 * a conditional upsert, coupons frozen, bought lines out of the cart, `order.created` in the outbox.
 * points and balance frozen (issue 8), 满赠 gift lines with their stock (left out when it ran out), the
 * first-order discount claimed. Any refusal rolls all of it back. An order with nothing left
 * for a provider (zero amount, or the balance pays it all) is paid on the spot (`markPaid`).
 */
export async function placeOrder(
  deps: PlaceDeps, d: CheckoutDraft, remark: string,
  markPaid: (q: Q, orderId: string, how: { channel: string; transactionId: string | null; amountFen: number }) => Promise<unknown>,
): Promise<string> {
  const first = d.blockers[0];
  if (first) throw first.error;
  const now = clock.now();
  const orderId = newId();
  let orderNo = newOrderNo();
  const lines = draftLines(d);
  const balances = draftLineBalances(d);
  const { pointsUsed, pointsFen, balanceFen } = d.quote;
  const mobile = await deps.ports.contacts.mobileOf(d.customerId);
  await deps.db.tx(async (q) => {
    // Order numbers are time + 6 random digits: two in one second can collide (rarely, but at
    // hundreds of orders a second it happens). The unique index decides; a taken number is drawn again.
    for (let tries = 0; ; tries++) {
      const [row] = await q.insert(orders).values({
        id: orderId, orderNo, customerId: d.customerId, status: 'pending_payment', buyerMobile: mobile,
        // A pickup order goes nowhere: it keeps the store, not an address.
        address: d.delivery.method === 'pickup' ? null : d.address,
        deliveryMethod: d.delivery.method, deliveryStoreId: d.delivery.snapshot?.storeId ?? null, delivery: d.delivery.snapshot,
        itemsTotalFen: d.quote.itemsTotalFen, promotionDiscountFen: d.quote.promotionDiscountFen, couponDiscountFen: d.quote.couponDiscountFen,
        shippingFen: d.quote.shippingFen, shippingDiscountFen: d.quote.shippingDiscountFen, payableFen: d.quote.payableFen,
        applied: d.quote.applied, couponIds: d.quote.chosenCouponIds, buyerRemark: remark, pointsUsed, pointsFen, balanceFen,
        payDeadline: new Date(now.getTime() + deps.payMinutes * 60_000), createdAt: now, updatedAt: now,
      }).onConflictDoNothing({ target: orders.orderNo }).returning({ id: orders.id });
      if (row) break;
      if (tries >= 5) throw new Error('could not draw a free order number');
      orderNo = newOrderNo();
    }
    await q.insert(orderLines).values(lines.map((l, position) => ({
      id: newId(), orderId, position, skuId: l.skuId, productId: l.productId, title: l.title, specValues: l.specValues, image: l.image,
      quantity: l.quantity, listPriceFen: l.listPriceFen, unitPriceFen: l.unitPriceFen, subtotalFen: l.subtotalFen,
      discounts: l.discounts, discountFen: l.discountFen, payableFen: l.payableFen, balanceFen: balances[position] ?? 0,
    })));
    if (d.gifts.length) await deps.inventory.lockLevels(q, [...lines.map((l) => l.skuId), ...d.gifts.map((g) => g.snapshot.skuId)]);
    try {
      await deps.inventory.reserve(q, lines.map((l) => ({ skuId: l.skuId, qty: l.quantity })));
    } catch (e) {
      if (e instanceof KoiError && e.code === 'inventory.insufficient_stock') {
        const line = lines.find((l) => l.skuId === e.params.skuId);
        throw new KoiError('checkout.out_of_stock', { title: line?.title ?? '' });
      }
      throw e;
    }
    await placeGifts(q, deps.inventory, d, orderId, lines.length);
    // 首单优惠: one order per shopper holds it; a parallel first checkout is refused here (409).
    if (d.quote.applied.some((n) => n.code === FIRST_ORDER_CODE)) await claimFirstOrder(q, d.customerId, orderId, now);
    await countPurchases(q, deps.db, d);
    if (d.quote.chosenCouponIds.length) await deps.ports.coupons.freeze(q, d.quote.chosenCouponIds, d.customerId, orderId);
    // Points and balance: conditional updates in the loyalty ledgers; short (a parallel checkout spent them) → 409, all rolled back.
    if (pointsUsed > 0 || balanceFen > 0) await deps.ports.loyalty.freeze(q, { customerId: d.customerId, orderId, points: pointsUsed, balanceFen });
    if (d.fromCart) await deps.cart.removeSkus(q, shopperOwner(d.customerId), lines.map((l) => l.skuId));
    await publish<TOrderCreatedEvent>(q, OrderEvents.created, {
      orderId, orderNo, customerId: d.customerId, payableFen: d.quote.payableFen, at: now.toISOString(),
      lines: lines.map((l) => ({ lineId: l.id, skuId: l.skuId, productId: l.productId, quantity: l.quantity, payableFen: l.payableFen })),
    });
    // Nothing left for a provider (free, or the balance pays it all): paid on the spot.
    if (d.quote.payableFen - balanceFen === 0) await markPaid(q, orderId, { channel: balanceFen > 0 ? 'balance' : 'none', transactionId: null, amountFen: 0 });
  });
  return orderId;
}

/** 限购: one conditional upsert per limited product; over the limit refuses the whole order. */
async function countPurchases(q: Q, db: Db, d: CheckoutDraft): Promise<void> {
  const perProduct = new Map<string, { qty: number; limit: number; title: string }>();
  for (const l of d.lines) {
    const limit = l.snapshot.purchaseLimit;
    if (limit === null) continue;
    const prev = perProduct.get(l.snapshot.productId);
    perProduct.set(l.snapshot.productId, { qty: (prev?.qty ?? 0) + l.quantity, limit, title: l.snapshot.title });
  }
  for (const [productId, { qty, limit, title }] of perProduct) {
    const hit = await db.rows(sql`insert into order_purchase_counts (customer_id, product_id, quantity)
      select ${d.customerId}::uuid, ${productId}::uuid, ${qty}::int where ${qty}::int <= ${limit}::int
      on conflict (customer_id, product_id) do update set quantity = order_purchase_counts.quantity + excluded.quantity
      where order_purchase_counts.quantity + excluded.quantity <= ${limit}::int
      returning quantity`, q);
    if (!hit.length) throw new KoiError('checkout.limit_exceeded', { title, limit });
  }
}
