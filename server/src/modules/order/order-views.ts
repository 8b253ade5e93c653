import type { TAdminOrderDetail, TAdminOrderRow, TOrderDetail, TOrderSummary } from '@koi/contracts';
import { maskPhone } from '../../platform/log.ts';
import { adminActions, shopperActions } from './order-state.rules.ts';
import type { orderLines, orderPriceAdjustments, orders } from './order.tables.ts';

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type AdjustmentRow = typeof orderPriceAdjustments.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function orderSummary(o: OrderRow, lines: OrderLineRow[]): TOrderSummary {
  return {
    id: o.id, orderNo: o.orderNo, status: o.status, createdAt: o.createdAt.toISOString(), payableFen: o.payableFen,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    lines: lines.map((l) => ({ title: l.title, image: l.image, specValues: l.specValues, quantity: l.quantity, unitPriceFen: l.unitPriceFen })),
    payDeadline: o.status === 'pending_payment' ? iso(o.payDeadline) : null,
  };
}

export function orderDetail(o: OrderRow, lines: OrderLineRow[]): TOrderDetail {
  return {
    ...orderSummary(o, lines),
    lines: lines.map((l) => ({
      id: l.id, skuId: l.skuId, productId: l.productId, title: l.title, specValues: l.specValues, image: l.image, quantity: l.quantity,
      listPriceFen: l.listPriceFen, unitPriceFen: l.unitPriceFen, subtotalFen: l.subtotalFen, discounts: l.discounts,
      discountFen: l.discountFen, payableFen: l.payableFen, gift: l.gift,
    })),
    address: o.address,
    itemsTotalFen: o.itemsTotalFen,
    promotionDiscountFen: o.promotionDiscountFen,
    couponDiscountFen: o.couponDiscountFen,
    adjustmentFen: o.adjustmentFen,
    shippingFen: o.shippingFen,
    shippingDiscountFen: o.shippingDiscountFen,
    paidFen: o.paidFen,
    applied: o.applied,
    buyerRemark: o.buyerRemark,
    closeReason: o.closeReason,
    payment: o.paidAt && o.payChannel ? { channel: o.payChannel, transactionId: o.transactionId, paidAt: o.paidAt.toISOString() } : null,
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    completedAt: iso(o.completedAt),
    closedAt: iso(o.closedAt),
    actions: shopperActions(o.status),
    delivery: o.delivery ?? { method: o.deliveryMethod, storeId: null, storeName: null, storeAddress: null, storePhone: null, slot: null, distanceMetres: null, feeFen: o.shippingFen },
    pointsUsed: o.pointsUsed,
    pointsFen: o.pointsFen,
    balanceFen: o.balanceFen,
    cashFen: o.payableFen - o.balanceFen,
  };
}

export function adminOrderDetail(o: OrderRow, lines: OrderLineRow[], adjustments: AdjustmentRow[]): TAdminOrderDetail {
  return {
    ...orderDetail(o, lines),
    buyerMobile: maskPhone(o.buyerMobile),
    customerId: o.customerId,
    merchantRemark: o.merchantRemark,
    adjustments: adjustments.map((a) => ({
      id: a.id, staffName: a.staffName, beforeFen: a.beforeFen, afterFen: a.afterFen,
      shippingBeforeFen: a.shippingBeforeFen, shippingAfterFen: a.shippingAfterFen, reason: a.reason, at: a.at.toISOString(),
    })),
    adminActions: adminActions(o.status),
  };
}

export function adminOrderRow(o: OrderRow, itemCount: number, firstTitle: string): TAdminOrderRow {
  return {
    id: o.id, orderNo: o.orderNo, status: o.status, createdAt: o.createdAt.toISOString(), buyerMobile: maskPhone(o.buyerMobile),
    recipient: o.address?.recipient ?? null, itemCount, firstTitle, itemsTotalFen: o.itemsTotalFen,
    discountFen: o.promotionDiscountFen + o.couponDiscountFen + o.adjustmentFen, shippingFen: o.shippingFen - o.shippingDiscountFen,
    payableFen: o.payableFen, paidAt: iso(o.paidAt),
  };
}
