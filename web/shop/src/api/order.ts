import {
  ZCheckoutPreview,
  ZOrderCounts,
  ZOrderDetail,
  ZPayResult,
  ZShopOrderPage,
  type ORDER_TABS,
  type TCheckoutInput,
  type TCheckoutPreview,
  type TOrderDetail,
  type TPayChannel,
  type TShopOrderPage,
} from '@koi/contracts';
import type { z } from 'zod';
import { request } from './request';

export type OrderTab = (typeof ORDER_TABS)[number];
export type OrderCounts = z.output<typeof ZOrderCounts>;
export type PayResult = z.output<typeof ZPayResult>;

/** The confirm page as the server computed it (lines, discounts, coupons, shipping, blockers). */
export function previewCheckout(body: TCheckoutInput): Promise<TCheckoutPreview> {
  return request('/api/shop/checkout/preview', { method: 'POST', body, schema: ZCheckoutPreview });
}

/**
 * Places the order. The same `idempotencyKey` with the same body answers the same order, so a
 * double tap or a retry after a lost reply never makes two (see utils/submit-attempt.ts).
 */
export function placeOrder(body: TCheckoutInput, idempotencyKey: string): Promise<TOrderDetail> {
  return request('/api/shop/orders', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey }, schema: ZOrderDetail });
}

export function listOrders(query: { status: OrderTab; page: number; pageSize?: number }): Promise<TShopOrderPage> {
  return request('/api/shop/orders', { query, schema: ZShopOrderPage });
}

/** Badges on 我的: unpaid, to ship, to receive. */
export function getOrderCounts(): Promise<OrderCounts> {
  return request('/api/shop/orders/counts', { schema: ZOrderCounts });
}

/** 404 for an order that is not this shopper's. */
export function getOrder(id: string): Promise<TOrderDetail> {
  return request(`/api/shop/orders/${encodeURIComponent(id)}`, { schema: ZOrderDetail });
}

/** Starts (or restarts) payment; `returnPath` is where the H5 cashier sends the shopper back. */
export function payOrder(id: string, channel: TPayChannel, returnPath?: string): Promise<PayResult> {
  return request(`/api/shop/orders/${encodeURIComponent(id)}/pay`, { method: 'POST', body: { channel, returnPath }, schema: ZPayResult });
}

export function cancelOrder(id: string): Promise<TOrderDetail> {
  return request(`/api/shop/orders/${encodeURIComponent(id)}/cancel`, { method: 'POST', schema: ZOrderDetail });
}

export function confirmReceipt(id: string): Promise<TOrderDetail> {
  return request(`/api/shop/orders/${encodeURIComponent(id)}/confirm-receipt`, { method: 'POST', schema: ZOrderDetail });
}
