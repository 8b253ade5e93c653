import { OrderEvents, type TOrderCreatedEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId, newOrderNo } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import type { Catalog } from '../catalog/index.ts';
import type { InventoryService } from '../inventory/index.ts';
import { orderLines, orders } from './order.tables.ts';
import type { LineDiscount } from './order.tables.ts';
import type { OrderPorts } from './ports.ts';

type Deps = { db: Db; catalog: Pick<Catalog, 'skuSnapshots'>; inventory: InventoryService; ports: OrderPorts };
type MarkPaid = (q: Q, orderId: string, how: { channel: string; transactionId: string | null; amountFen: number }) => Promise<unknown>;

/**
 * An order for one unit of a SKU already paid for elsewhere — a 积分商城 exchange, whose points the
 * caller spent in the same transaction `q`. It is an ordinary express order (so the shipping queue,
 * tracking and after-sales treat it like any other): the line at its sale price with a discount of
 * the whole price labelled with what paid for it, free shipping, nothing left to pay, stock reserved
 * then committed through inventory, `order.created` and `order.paid` (channel `points_mall`) in the outbox.
 * The remark carries `ref` so the merchant sees where it came from.
 */
export async function placeExchangeOrder(deps: Deps, markPaid: MarkPaid, q: Q,
  input: { customerId: string; skuId: string; addressId: string; ref: string; label: string }): Promise<{ orderId: string }> {
  const sku = (await deps.catalog.skuSnapshots([input.skuId], q)).get(input.skuId);
  if (!sku || !sku.sellable) throw new KoiError('checkout.line_unavailable', { title: sku?.title ?? '', reason: '已下架' });
  const address = await deps.ports.addresses.addressFor(input.customerId, input.addressId);
  const mobile = await deps.ports.contacts.mobileOf(input.customerId);
  const now = clock.now();
  const orderId = newId();
  const lineId = newId();
  const discounts: LineDiscount[] = [{ source: 'points', sourceId: null, label: input.label, amountFen: sku.priceFen }];
  let orderNo = newOrderNo();
  for (let tries = 0; ; tries++) {
    const [row] = await q.insert(orders).values({
      id: orderId, orderNo, customerId: input.customerId, status: 'pending_payment', buyerMobile: mobile, address, deliveryMethod: 'express',
      itemsTotalFen: sku.priceFen, promotionDiscountFen: sku.priceFen, couponDiscountFen: 0, shippingFen: 0, shippingDiscountFen: 0, payableFen: 0,
      applied: [], couponIds: [], buyerRemark: '', merchantRemark: `积分商城兑换 ${input.ref}`, pointsUsed: 0, pointsFen: 0, balanceFen: 0,
      payDeadline: now, createdAt: now, updatedAt: now,
    }).onConflictDoNothing({ target: orders.orderNo }).returning({ id: orders.id });
    if (row) break;
    if (tries >= 5) throw new Error('could not draw a free order number');
    orderNo = newOrderNo();
  }
  await q.insert(orderLines).values({
    id: lineId, orderId, position: 0, skuId: sku.skuId, productId: sku.productId, title: sku.title, specValues: sku.specValues, image: sku.image,
    quantity: 1, listPriceFen: sku.listPriceFen ?? sku.priceFen, unitPriceFen: sku.priceFen, subtotalFen: sku.priceFen,
    discounts, discountFen: sku.priceFen, payableFen: 0, balanceFen: 0,
  });
  try {
    await deps.inventory.reserve(q, [{ skuId: sku.skuId, qty: 1 }]);
  } catch (e) {
    if (e instanceof KoiError && e.code === 'inventory.insufficient_stock') throw new KoiError('checkout.out_of_stock', { title: sku.title });
    throw e;
  }
  await publish<TOrderCreatedEvent>(q, OrderEvents.created, {
    orderId, orderNo, customerId: input.customerId, payableFen: 0, at: now.toISOString(),
    lines: [{ lineId, skuId: sku.skuId, productId: sku.productId, quantity: 1, payableFen: 0 }],
  });
  await markPaid(q, orderId, { channel: 'points_mall', transactionId: input.ref, amountFen: 0 });
  return { orderId };
}
